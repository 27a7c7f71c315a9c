// scripts/setup with stand-ins for dpkg-query, id and apt-get on PATH: it asks only for its group's packages,
// names what is missing with the apt-get line when not root, and runs apt-get only when something is missing.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace fs = std::filesystem;
using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;

namespace {

struct FakeSystem {
  explicit FakeSystem(const std::string& name)
      : bin(fs::temp_directory_path() / ("barometer-setup-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(bin);
    fs::create_directories(bin);
    Tool("dpkg-query", "echo \"$@\" >> " + (bin / "asked").string() + "\n"
                       "case \" $FAKE_MISSING \" in *\" ${@: -1} \"*) exit 1 ;; esac\n"
                       "printf 'install ok installed'\n");
    Tool("id", "echo \"${FAKE_UID:-0}\"\n");
    Tool("apt-get", "echo \"apt-get $*\" >> " + (bin / "apt").string() + "\n");
  }
  ~FakeSystem() { fs::remove_all(bin); }
  void Tool(const std::string& name, const std::string& body) {
    std::ofstream(bin / name) << "#!/bin/bash\n" << body;
    fs::permissions(bin / name, fs::perms::owner_all);
  }
  Run Setup(const std::string& env, const std::string& group) {
    return Shell(env + " PATH=" + bin.string() + ":$PATH " BAROMETER_SOURCE_DIR "/scripts/setup " + group);
  }
  fs::path bin;
};

}  // namespace

TEST_CASE("setup: nothing missing, nothing installed and no network") {
  FakeSystem fake("none");
  Run run = fake.Setup("", "build");
  CHECK(run.status == 0);
  CHECK(run.out == "");
  CHECK_FALSE(fs::exists(fake.bin / "apt"));
  const std::string asked = ReadFile((fake.bin / "asked").string());
  CHECK(asked.find("libcairo2-dev") != std::string::npos);
  CHECK(asked.find("poppler-utils") == std::string::npos);  // a test tool, not needed to build
  CHECK(asked.find("hyperfine") == std::string::npos);      // a benchmark tool
}

TEST_CASE("setup: each group asks for its own packages") {
  FakeSystem fake("groups");
  REQUIRE(fake.Setup("", "test").status == 0);
  std::string asked = ReadFile((fake.bin / "asked").string());
  CHECK(asked.find("poppler-utils") != std::string::npos);
  CHECK(asked.find("cmake") != std::string::npos);
  CHECK(asked.find("hyperfine") == std::string::npos);
  fs::remove(fake.bin / "asked");
  REQUIRE(fake.Setup("", "bench").status == 0);
  asked = ReadFile((fake.bin / "asked").string());
  CHECK(asked.find("hyperfine") != std::string::npos);
  CHECK(asked.find("poppler-utils") != std::string::npos);  // bench/typst counts Typst's pages with pdfinfo
  CHECK(asked.find("python3-openpyxl") == std::string::npos);
  fs::remove(fake.bin / "asked");
  REQUIRE(fake.Setup("", "fuzz").status == 0);
  asked = ReadFile((fake.bin / "asked").string());
  CHECK(asked.find("clang") != std::string::npos);
  CHECK(asked.find("hyperfine") == std::string::npos);
  Run wrong = fake.Setup("", "tests");
  CHECK(wrong.status == 2);
  CHECK(wrong.out == "setup: unknown group 'tests' (build, test, bench, audit or fuzz)\n");
}

TEST_CASE("setup: missing packages and not root: their names and the one apt-get line") {
  FakeSystem fake("user");
  Run run = fake.Setup("FAKE_UID=1000 FAKE_MISSING='qpdf poppler-utils'", "test");
  CHECK(run.status == 1);
  CHECK(run.out ==
        "setup: missing Debian packages for 'test': poppler-utils qpdf\n"
        "setup: install them as root, then run this again:\n"
        "  apt-get install --no-install-recommends poppler-utils qpdf\n");
  CHECK_FALSE(fs::exists(fake.bin / "apt"));
}

TEST_CASE("setup: missing packages as root: updates once and installs exactly those") {
  FakeSystem fake("root");
  Run run = fake.Setup("FAKE_MISSING=cmake", "build");
  CHECK(run.status == 0);
  CHECK(run.out == "setup: installing cmake\nsetup: installed cmake\n");
  CHECK(ReadFile((fake.bin / "apt").string()) ==
        "apt-get update -qq\napt-get install -y -qq --no-install-recommends cmake\n");
}
