// The command line as users meet it: help, version, exit codes, diagnostics in compiler form, and a failed
// build that leaves the previous good output alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace fs = std::filesystem;

namespace {

using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;

Run Barometer(const std::string& args) { return Shell(std::string(BAROMETER_BINARY) + " " + args); }

// A copy of the mini fixture edition inside a temporary repository (templates and fonts linked in).
std::string CopyMini(const std::string& name) {
  fs::path root = fs::temp_directory_path() / ("barometer-cli-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "content");
  fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", root / "content" / "mini", fs::copy_options::recursive);
  fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/templates", root / "templates");
  fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/fonts", root / "fonts");
  return root.string();
}

void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("cli: help, version and usage errors") {
  Run help = Barometer("--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("usage: barometer build CONTENT_DIR --out OUT_DIR") != std::string::npos);
  Run version = Barometer("--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("barometer ", 0) == 0);
  CHECK(Barometer("").status == 2);
  CHECK(Barometer("frobnicate x").status == 2);
  CHECK(Barometer("build " BAROMETER_SOURCE_DIR "/tests/fixtures/mini").status == 2);  // no --out
  CHECK(Barometer("check " BAROMETER_SOURCE_DIR "/tests/fixtures/mini --bogus").status == 2);
  CHECK(Barometer("check /nonexistent/edition").status == 2);
}

TEST_CASE("cli: a clean edition checks and builds, one progress line per stage") {
  std::string root = CopyMini("clean");
  Run check = Barometer("check " + root + "/content/mini");
  CHECK(check.status == 0);
  CHECK(check.out.find("barometer: load") != std::string::npos);
  CHECK(check.out.find("barometer: layout") != std::string::npos);
  CHECK_FALSE(fs::exists(root + "/out"));
  Run build = Barometer("build " + root + "/content/mini --out " + root + "/out");
  CHECK(build.status == 0);
  CHECK(build.out.find("barometer: write") != std::string::npos);
  CHECK(fs::exists(root + "/out/mini-da.pdf"));
  CHECK(fs::exists(root + "/out/mini-en.pdf"));
  CHECK(fs::exists(root + "/out/SHA256SUMS"));
  CHECK_FALSE(fs::exists(root + "/out.staging"));
  Run quiet = Barometer("build -q --lang en " + root + "/content/mini --out " + root + "/out-en");
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(fs::exists(root + "/out-en/mini-en.pdf"));
  CHECK_FALSE(fs::exists(root + "/out-en/mini-da.pdf"));
  fs::remove_all(root);
}

TEST_CASE("cli: content errors are all reported at once in compiler form - the old output survives") {
  std::string root = CopyMini("broken");
  REQUIRE(Barometer("build -q " + root + "/content/mini --out " + root + "/out").status == 0);
  std::string before = ReadFile(root + "/out/SHA256SUMS");
  Replace(root + "/content/mini/en/first.yaml", "  - {id: f-h, heading:", "  - {id: f-h, headline:");
  Replace(root + "/content/mini/da/story.yaml", "      lede: A lede.", "      ledе: A lede.");
  Replace(root + "/content/mini/tables/shares.csv", "share,b,yes,20,50", "share,b,yes,120,50");
  Replace(root + "/content/mini/en/first.yaml", "footnote[^n]", "footnote[^m]");
  Run run = Barometer("build " + root + "/content/mini --out " + root + "/out");
  CHECK(run.status == 1);
  const std::string p = root + "/content/mini/";
  CHECK(run.out.find(p + "en/first.yaml:6:15: error: unknown key 'headline' in block") != std::string::npos);
  CHECK(run.out.find("hint: did you mean 'heading'?") != std::string::npos);
  CHECK(run.out.find(p + "da/story.yaml:7:7: error: case is missing required key 'lede'") == std::string::npos);
  CHECK(run.out.find(p + "da/story.yaml:8:7: error: case is missing required key 'lede'") != std::string::npos);
  CHECK(run.out.find(p + "tables/shares.csv:4:13: error: value 120 is not a percentage between 0 and 100") !=
        std::string::npos);
  CHECK(run.out.find("error: footnote 'm' is not defined in this section's footnotes") != std::string::npos);
  CHECK(run.out.find(" errors") != std::string::npos);
  std::string after = ReadFile(root + "/out/SHA256SUMS");
  CHECK(after == before);
  CHECK_FALSE(fs::exists(root + "/out.staging"));
  fs::remove_all(root);
}
