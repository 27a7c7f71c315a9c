// The output folder on a real disk: the swap, hard-linked unchanged files, the user's files, links, FIFOs and
// sockets, and a staging folder the build did not make.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/hash.h"
#include "build/build.h"
#include "shell.h"

namespace {

namespace fs = std::filesystem;
using barometer::base::RealFileSystem;
using barometer::build::Output;
using barometer::build::WriteOutputs;
using barometer::testing::ReadFile;

const std::vector<Output> kBuild = {
    {"report-en.pdf", "pdf bytes"},
    {"figures/en/figure-01.svg", "<svg 1/>"},
    {"figures/en/figure-02.svg", "<svg 2/>"},
};

// A fresh folder under the temporary folder; `out` is the output folder inside it.
struct Sandbox {
  explicit Sandbox(const std::string& name)
      : root(fs::temp_directory_path() / ("barometer-out-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root);
    out = (root / "out").string();
  }
  ~Sandbox() { fs::remove_all(root); }
  fs::path root;
  std::string out;
};

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

ino_t Inode(const std::string& path) {
  struct stat st;
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st.st_ino;
}

std::string Refusal(const std::string& out, const std::vector<Output>& outputs) {
  RealFileSystem disk;
  try {
    WriteOutputs(disk, out, outputs, true);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("output folder: swapped whole on disk, unchanged files and the user's keep their inode and date") {
  Sandbox box("swap");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kBuild, true);
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");
  CHECK(barometer::testing::Shell("cd " + box.out + " && sha256sum --check --quiet SHA256SUMS").status == 0);
  Write(box.out + "/notes.txt", "the editor's own file");
  fs::create_directories(box.out + "/drafts");
  Write(box.out + "/drafts/idea.txt", "an idea");
  const ino_t figure_one = Inode(box.out + "/figures/en/figure-01.svg");
  const ino_t notes = Inode(box.out + "/notes.txt");
  const auto figure_one_date = fs::last_write_time(box.out + "/figures/en/figure-01.svg");
  const ino_t folder = Inode(box.out);

  std::vector<Output> second = {{"report-en.pdf", "new pdf bytes"}, kBuild[1]};
  WriteOutputs(disk, box.out, second, true);
  CHECK(Inode(box.out) != folder);  // a new folder took the old one's place
  CHECK(ReadFile(box.out + "/report-en.pdf") == "new pdf bytes");
  CHECK(Inode(box.out + "/figures/en/figure-01.svg") == figure_one);
  CHECK(fs::last_write_time(box.out + "/figures/en/figure-01.svg") == figure_one_date);
  CHECK_FALSE(fs::exists(box.out + "/figures/en/figure-02.svg"));
  CHECK(Inode(box.out + "/notes.txt") == notes);
  CHECK(ReadFile(box.out + "/drafts/idea.txt") == "an idea");
  CHECK_FALSE(fs::exists(box.out + ".staging"));
  CHECK(barometer::testing::Shell("cd " + box.out + " && sha256sum --check --quiet SHA256SUMS").status == 0);

  // The same outputs again: the folder is left exactly as it is.
  const ino_t swapped = Inode(box.out);
  WriteOutputs(disk, box.out, second, true);
  CHECK(Inode(box.out) == swapped);
}

TEST_CASE("output folder: listed paths through a link, '.', and a user's listed file are never removed") {
  Sandbox box("listed");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kBuild, true);
  fs::create_directories(box.root / "elsewhere");
  Write((box.root / "elsewhere/secret.txt").string(), "outside");
  fs::create_directory_symlink("../elsewhere", box.out + "/link");
  Write(box.out + "/notes.txt", "the editor's own file");
  std::ofstream(box.out + "/SHA256SUMS", std::ios::app)
      << barometer::base::Sha256Hex("outside") << "  link/secret.txt\n"
      << barometer::base::Sha256Hex("") << "  .\n"
      << barometer::base::Sha256Hex("not the notes") << "  notes.txt\n";
  WriteOutputs(disk, box.out, {kBuild[0]}, true);
  CHECK(ReadFile((box.root / "elsewhere/secret.txt").string()) == "outside");
  CHECK(fs::is_symlink(box.out + "/link"));
  CHECK(ReadFile(box.out + "/notes.txt") == "the editor's own file");
  CHECK(fs::is_directory(box.out));
  CHECK_FALSE(fs::exists(box.out + "/figures"));  // held only stale outputs
}

TEST_CASE("output folder: a FIFO never blocks the build, a socket in the way is an error") {
  Sandbox box("fifo");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kBuild, true);
  fs::remove(box.out + "/report-en.pdf");
  REQUIRE(mkfifo((box.out + "/report-en.pdf").c_str(), 0644) == 0);
  REQUIRE(mkfifo((box.out + "/pipe").c_str(), 0600) == 0);
  WriteOutputs(disk, box.out, kBuild, true);  // would hang if it opened a FIFO
  CHECK(fs::is_regular_file(box.out + "/report-en.pdf"));
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");
  CHECK(fs::is_fifo(box.out + "/pipe"));

  const std::string socket_path = box.out + "/socket";
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(socket_path.size() < sizeof address.sun_path);
  socket_path.copy(address.sun_path, socket_path.size());
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  close(fd);
  CHECK(Refusal(box.out, {{"report-en.pdf", "changed"}}) ==
        socket_path + ": a socket or device file cannot be carried into the new output; move it away (nothing was "
                      "written)");
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");
  CHECK_FALSE(fs::exists(box.out + ".staging"));
}

TEST_CASE("output folder: a staging folder the build did not make stays, and the build says why it stops") {
  Sandbox box("staging");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kBuild, true);
  fs::create_directories(box.out + ".staging");
  Write(box.out + ".staging/mine.txt", "the user's");
  CHECK(Refusal(box.out, {{"report-en.pdf", "changed"}}) ==
        box.out + ".staging: a folder the build did not make (it has no .barometer-staging) is where the build "
                  "stages its next output; it is never deleted: move it away");
  CHECK(ReadFile(box.out + ".staging/mine.txt") == "the user's");
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");

  // One with the marker, left by a killed build, goes; a link in it is removed, not followed.
  fs::remove_all(box.out + ".staging");
  fs::create_directories(box.out + ".staging/output");
  Write(box.out + ".staging/.barometer-staging",
        "barometer writes its next output folder here and swaps it into place; a later build removes what is left.\n");
  fs::create_directories(box.root / "kept");
  Write((box.root / "kept/file.txt").string(), "kept");
  fs::create_directory_symlink(box.root / "kept", box.out + ".staging/output/link");
  WriteOutputs(disk, box.out, {{"report-en.pdf", "changed"}}, true);
  CHECK_FALSE(fs::exists(box.out + ".staging"));
  CHECK(ReadFile((box.root / "kept/file.txt").string()) == "kept");
  CHECK(ReadFile(box.out + "/report-en.pdf") == "changed");

  // Killed while it removed its staging folder or wrote its marker: still known as the build's.
  for (const std::string marker : {"", "barometer writes its next"}) {
    fs::create_directories(box.out + ".staging");
    Write(box.out + ".staging/.barometer-staging", marker);
    WriteOutputs(disk, box.out, {{"report-en.pdf", "changed " + marker}}, true);
    CHECK_FALSE(fs::exists(box.out + ".staging"));
  }
}
