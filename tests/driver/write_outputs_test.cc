// Writing a build's outputs: the next output folder made whole beside the current one and swapped in, unchanged
// files carried over, stale files of the previous build dropped, the user's files kept, and every path that would
// leave the output folder refused before anything is written. First on the in-memory file system (every write in
// order), then on a real disk: the swap, hard-linked unchanged files, the user's files, links, FIFOs and sockets,
// and a staging folder the build did not make.
#include "driver/build.h"

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
#include "shell.h"

namespace {

namespace fs = std::filesystem;
using barometer::base::MemoryFileSystem;
using barometer::base::RealFileSystem;
using barometer::base::Sha256Hex;
using barometer::driver::Output;
using barometer::driver::WriteOutputs;
using barometer::testing::ReadFile;

const std::vector<Output> kFirstBuild = {
    {"report-en.pdf", "pdf bytes"},
    {"figures/en/figure-01.svg", "<svg 1/>"},
    {"figures/en/figure-02.svg", "<svg 2/>"},
};

const char kMarkerText[] =
    "barometer writes its next output folder here and swaps it into place; a later build removes what is left.\n";

// The log lines of `fs` that begin with `verb` ("create", "carry", "exchange", "remove" ...).
std::vector<std::string> Logged(const MemoryFileSystem& fs, const std::string& verb) {
  std::vector<std::string> lines;
  for (const std::string& line : fs.writes) {
    if (line.rfind(verb + " ", 0) == 0) lines.push_back(line);
  }
  return lines;
}

// Whether anything at all is in the staging folder beside `out`.
bool StagingLeft(const MemoryFileSystem& fs) {
  return fs.TypeOf("out.staging") != barometer::base::EntryType::kMissing;
}

// The message WriteOutputs throws for the output folder `out`, or "" when it does not.
std::string Refusal(barometer::base::FileSystem& files, const std::string& out, const std::vector<Output>& outputs,
                    bool remove_stale = true) {
  try {
    WriteOutputs(files, out, outputs, remove_stale);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

std::string Refusal(MemoryFileSystem& files, const std::vector<Output>& outputs, bool remove_stale = true) {
  return Refusal(files, "out", outputs, remove_stale);
}

// A fresh folder under the temporary folder, removed at the end; `out` is the output folder inside it.
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

}  // namespace

TEST_CASE("build: the next output folder is made whole in the staging folder, then moved into place") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  CHECK(fs.files.at("out/report-en.pdf") == "pdf bytes");
  CHECK(fs.files.at("out/figures/en/figure-02.svg") == "<svg 2/>");
  CHECK(fs.files.at("out/SHA256SUMS") == Sha256Hex("<svg 1/>") + "  figures/en/figure-01.svg\n" +
                                             Sha256Hex("<svg 2/>") + "  figures/en/figure-02.svg\n" +
                                             Sha256Hex("pdf bytes") + "  report-en.pdf\n");
  CHECK(fs.writes == std::vector<std::string>{"mkdir out.staging",
                                              "create out.staging/.barometer-staging",
                                              "mkdir out.staging/output",
                                              "mkdir out.staging/output/figures",
                                              "mkdir out.staging/output/figures/en",
                                              "create out.staging/output/SHA256SUMS",
                                              "create out.staging/output/figures/en/figure-01.svg",
                                              "create out.staging/output/figures/en/figure-02.svg",
                                              "create out.staging/output/report-en.pdf",
                                              "rename out.staging/output -> out",
                                              "remove out.staging/output",
                                              "remove out.staging"});
  CHECK_FALSE(StagingLeft(fs));
}

TEST_CASE("build: an unchanged build writes nothing, a changed one carries the unchanged files and swaps") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.writes.clear();
  WriteOutputs(fs, "out", kFirstBuild, true);
  CHECK(fs.writes.empty());

  std::vector<Output> second = kFirstBuild;
  second[0].bytes = "new pdf bytes";
  fs.writes.clear();
  WriteOutputs(fs, "out", second, true);
  CHECK(Logged(fs, "create") == std::vector<std::string>{"create out.staging/.barometer-staging",
                                                         "create out.staging/output/SHA256SUMS",
                                                         "create out.staging/output/report-en.pdf"});
  CHECK(Logged(fs, "carry") ==
        std::vector<std::string>{"carry out/figures/en/figure-01.svg -> out.staging/output/figures/en/figure-01.svg",
                                 "carry out/figures/en/figure-02.svg -> out.staging/output/figures/en/figure-02.svg"});
  CHECK(Logged(fs, "exchange") == std::vector<std::string>{"exchange out.staging/output <-> out"});
  CHECK(fs.writes.back() == "remove out.staging");
  CHECK(fs.files.at("out/report-en.pdf") == "new pdf bytes");
  CHECK(fs.files.at("out/SHA256SUMS").find(Sha256Hex("new pdf bytes")) != std::string::npos);
  CHECK_FALSE(StagingLeft(fs));

  // A file changed by hand since the last build is put right.
  fs.files["out/figures/en/figure-01.svg"] = "edited";
  fs.writes.clear();
  WriteOutputs(fs, "out", second, true);
  CHECK(Logged(fs, "create") == std::vector<std::string>{"create out.staging/.barometer-staging",
                                                         "create out.staging/output/figures/en/figure-01.svg"});
  CHECK(fs.files.at("out/figures/en/figure-01.svg") == "<svg 1/>");
}

TEST_CASE("build: what the previous build listed and this one no longer makes is removed, nothing else") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files["out/notes.txt"] = "the editor's own file";
  fs.files["out/drafts/idea.txt"] = "the editor's own folder";
  fs.folders.insert("out/empty");
  fs.files["outside.txt"] = "not in the output folder";
  fs.files["out/SHA256SUMS"] += std::string(64, '0') + "  ../outside.txt\n" + std::string(64, '0') +
                                "  /etc/hostname\n" + std::string(64, '0') + "  .\nnot a sums line\n";

  std::vector<Output> without_figure_two = {kFirstBuild[0], kFirstBuild[1]};
  SUBCASE("a whole build removes it") {
    WriteOutputs(fs, "out", without_figure_two, true);
    CHECK(fs.files.count("out/figures/en/figure-02.svg") == 0);
    CHECK(fs.files.at("out/SHA256SUMS").find("figure-02") == std::string::npos);
  }
  SUBCASE("a build of some languages keeps it, and keeps listing it") {
    WriteOutputs(fs, "out", without_figure_two, false);
    CHECK(fs.files.at("out/figures/en/figure-02.svg") == "<svg 2/>");
    CHECK(fs.files.at("out/SHA256SUMS").find(Sha256Hex("<svg 2/>") + "  figures/en/figure-02.svg\n") !=
          std::string::npos);
  }
  CHECK(fs.files.at("out/notes.txt") == "the editor's own file");
  CHECK(fs.files.at("out/drafts/idea.txt") == "the editor's own folder");
  CHECK(fs.TypeOf("out/empty") == barometer::base::EntryType::kFolder);
  CHECK(fs.files.at("outside.txt") == "not in the output folder");
  CHECK(fs.files.count("out/report-en.pdf") == 1);
  CHECK(fs.files.at("out/SHA256SUMS").find("notes.txt") == std::string::npos);
  CHECK_FALSE(StagingLeft(fs));
}

TEST_CASE("build: a file listed in SHA256SUMS but not as the build wrote it is the user's, and kept") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files["out/notes.txt"] = "the editor's own file";
  fs.files["out/SHA256SUMS"] += Sha256Hex("something else") + "  notes.txt\n";
  fs.files["out/figures/en/figure-02.svg"] = "edited after the build";
  WriteOutputs(fs, "out", {kFirstBuild[0]}, true);
  CHECK(fs.files.at("out/notes.txt") == "the editor's own file");
  CHECK(fs.files.at("out/figures/en/figure-02.svg") == "edited after the build");
  CHECK(fs.files.count("out/figures/en/figure-01.svg") == 0);
  CHECK(fs.files.at("out/SHA256SUMS") == Sha256Hex("pdf bytes") + "  report-en.pdf\n");
}

TEST_CASE("build: a listed path through a symbolic link is never followed") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files["elsewhere/secret.txt"] = "outside";
  fs.links["out/link"] = "../elsewhere";
  fs.files["out/SHA256SUMS"] += Sha256Hex("outside") + "  link/secret.txt\n" + Sha256Hex("x") + "  link\n";
  fs.writes.clear();
  WriteOutputs(fs, "out", {kFirstBuild[0]}, true);
  CHECK(fs.files.at("elsewhere/secret.txt") == "outside");
  CHECK(fs.links.at("out/link") == "../elsewhere");  // the user's link stays, as a link
  CHECK(Logged(fs, "remove") == std::vector<std::string>{"remove out.staging/output", "remove out.staging"});
}

TEST_CASE("build: an output path that would leave the output folder is refused, and nothing is written") {
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"../outside.svg", "refusing to write '../outside.svg' into out: it has a '..' component; nothing was written"},
      {"figures/../../x.svg",
       "refusing to write 'figures/../../x.svg' into out: it has a '..' component; nothing was written"},
      {"/etc/passwd", "refusing to write '/etc/passwd' into out: it is absolute; nothing was written"},
      {"", "refusing to write '' into out: it is empty; nothing was written"},
      {"figures//x.svg", "refusing to write 'figures//x.svg' into out: it has an empty component; nothing was written"},
      {"figures/", "refusing to write 'figures/' into out: it has an empty component; nothing was written"},
      {"./x.svg", "refusing to write './x.svg' into out: it has a '.' component; nothing was written"},
      {".barometer-staging",
       "refusing to write '.barometer-staging' into out: a component starts with '.'; nothing was written"},
      {"a\nb.svg",
       "refusing to write 'a\\x0ab.svg' into out: it holds a control character or a backslash; nothing was written"},
      {"SHA256SUMS",
       "refusing to write 'SHA256SUMS' into out: the build writes SHA256SUMS itself; nothing was written"},
      {"report-en.pdf", "refusing to write 'report-en.pdf' into out: two outputs have it; nothing was written"},
      {"report-en.pdf/x.svg",
       "refusing to write 'report-en.pdf' into out: it is both an output and the folder of others; nothing was "
       "written"},
  };
  for (const auto& [path, message] : refused) {
    CAPTURE(path);
    MemoryFileSystem fs;
    std::vector<Output> outputs = kFirstBuild;
    outputs.push_back({path, "bytes"});
    CHECK(Refusal(fs, outputs) == message);
    CHECK(fs.writes.empty());
  }
}

TEST_CASE("build: a staging folder the build did not make is never deleted") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files["out.staging/mine.txt"] = "the user's";
  fs.writes.clear();
  CHECK(Refusal(fs, {kFirstBuild[0]}) ==
        "out.staging: a folder the build did not make (it has no .barometer-staging) is where the build stages its "
        "next output; it is never deleted: move it away");
  CHECK(fs.writes.empty());
  CHECK(fs.files.at("out.staging/mine.txt") == "the user's");

  fs.files.erase("out.staging/mine.txt");
  fs.files["out.staging"] = "a file";
  CHECK(Refusal(fs, {kFirstBuild[0]}) == "out.staging: a file is where the build stages its next output; move it away");
  CHECK(fs.writes.empty());
}

TEST_CASE("build: a killed build's staging folder is removed by the next build, unless a build still holds it") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files["out.staging/.barometer-staging"] = kMarkerText;
  fs.files["out.staging/output/report-en.pdf"] = "half of a build";
  SUBCASE("left by a killed build") {
    WriteOutputs(fs, "out", kFirstBuild, true);
    CHECK_FALSE(StagingLeft(fs));
    CHECK(fs.files.at("out/report-en.pdf") == "pdf bytes");
  }
  SUBCASE("held by a running build") {
    fs.locked.insert("out.staging");
    fs.writes.clear();
    CHECK(Refusal(fs, kFirstBuild) == "another build is writing out.staging now; try again when it is done");
    CHECK(fs.writes.empty());
  }
  SUBCASE("an empty folder: a build killed before it marked it") {
    fs.files.clear();
    fs.folders.insert("out.staging");
    WriteOutputs(fs, "out", kFirstBuild, true);
    CHECK_FALSE(StagingLeft(fs));
  }
}

TEST_CASE("build: a FIFO is never opened: at an output path it is replaced, elsewhere carried over") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files.erase("out/report-en.pdf");
  fs.fifos.insert("out/report-en.pdf");
  fs.fifos.insert("out/pipe");
  WriteOutputs(fs, "out", kFirstBuild, true);
  CHECK(fs.files.at("out/report-en.pdf") == "pdf bytes");
  CHECK(fs.fifos == std::set<std::string>{"out/pipe"});
}

TEST_CASE("build: what is in the way of an output and is not the build's own is an error, before any write") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.writes.clear();
  SUBCASE("a link where the build makes a folder") {
    fs.RemoveAll("out/figures");
    fs.writes.clear();
    fs.links["out/figures"] = "/somewhere/else";
    CHECK(Refusal(fs, kFirstBuild) ==
          "out/figures: a symbolic link is where the build makes a folder; move it away (nothing was written)");
  }
  SUBCASE("a folder where the build writes a file") {
    fs.files.erase("out/report-en.pdf");
    fs.files["out/report-en.pdf/mine.txt"] = "the user's";
    CHECK(Refusal(fs, kFirstBuild) ==
          "out/report-en.pdf: a folder is where the build writes a file; move it away (nothing was written)");
  }
  SUBCASE("the output folder is a link") {
    fs.files.clear();
    fs.links["out"] = "/somewhere/else";
    CHECK(Refusal(fs, kFirstBuild) == "cannot write the output into out: it is a symbolic link, not a folder");
  }
  SUBCASE("the output folder given as '.'") {
    CHECK_THROWS_WITH(WriteOutputs(fs, "out/.", kFirstBuild, true),
                      "the output folder 'out/.' must be given by its name (not '.'): the build swaps it for a new "
                      "one");
  }
  CHECK(fs.writes.empty());
}

TEST_CASE("output folder: swapped whole on disk, unchanged files and the user's keep their inode and date") {
  Sandbox box("swap");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kFirstBuild, true);
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");
  CHECK(barometer::testing::Shell("cd " + box.out + " && sha256sum --check --quiet SHA256SUMS").status == 0);
  Write(box.out + "/notes.txt", "the editor's own file");
  fs::create_directories(box.out + "/drafts");
  Write(box.out + "/drafts/idea.txt", "an idea");
  const ino_t figure_one = Inode(box.out + "/figures/en/figure-01.svg");
  const ino_t notes = Inode(box.out + "/notes.txt");
  const auto figure_one_date = fs::last_write_time(box.out + "/figures/en/figure-01.svg");
  const ino_t folder = Inode(box.out);

  std::vector<Output> second = {{"report-en.pdf", "new pdf bytes"}, kFirstBuild[1]};
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
  WriteOutputs(disk, box.out, kFirstBuild, true);
  fs::create_directories(box.root / "elsewhere");
  Write((box.root / "elsewhere/secret.txt").string(), "outside");
  fs::create_directory_symlink("../elsewhere", box.out + "/link");
  Write(box.out + "/notes.txt", "the editor's own file");
  std::ofstream(box.out + "/SHA256SUMS", std::ios::app)
      << barometer::base::Sha256Hex("outside") << "  link/secret.txt\n"
      << barometer::base::Sha256Hex("") << "  .\n"
      << barometer::base::Sha256Hex("not the notes") << "  notes.txt\n";
  WriteOutputs(disk, box.out, {kFirstBuild[0]}, true);
  CHECK(ReadFile((box.root / "elsewhere/secret.txt").string()) == "outside");
  CHECK(fs::is_symlink(box.out + "/link"));
  CHECK(ReadFile(box.out + "/notes.txt") == "the editor's own file");
  CHECK(fs::is_directory(box.out));
  CHECK_FALSE(fs::exists(box.out + "/figures"));  // held only stale outputs
}

TEST_CASE("output folder: a FIFO never blocks the build, a socket in the way is an error") {
  Sandbox box("fifo");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kFirstBuild, true);
  fs::remove(box.out + "/report-en.pdf");
  REQUIRE(mkfifo((box.out + "/report-en.pdf").c_str(), 0644) == 0);
  REQUIRE(mkfifo((box.out + "/pipe").c_str(), 0600) == 0);
  WriteOutputs(disk, box.out, kFirstBuild, true);  // would hang if it opened a FIFO
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
  CHECK(Refusal(disk, box.out, {{"report-en.pdf", "changed"}}) ==
        socket_path + ": a socket or device file cannot be carried into the new output; move it away (nothing was "
                      "written)");
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");
  CHECK_FALSE(fs::exists(box.out + ".staging"));
}

TEST_CASE("output folder: a staging folder the build did not make stays, and the build says why it stops") {
  Sandbox box("staging");
  RealFileSystem disk;
  WriteOutputs(disk, box.out, kFirstBuild, true);
  fs::create_directories(box.out + ".staging");
  Write(box.out + ".staging/mine.txt", "the user's");
  CHECK(Refusal(disk, box.out, {{"report-en.pdf", "changed"}}) ==
        box.out + ".staging: a folder the build did not make (it has no .barometer-staging) is where the build "
                  "stages its next output; it is never deleted: move it away");
  CHECK(ReadFile(box.out + ".staging/mine.txt") == "the user's");
  CHECK(ReadFile(box.out + "/report-en.pdf") == "pdf bytes");

  // One with the marker, left by a killed build, goes; a link in it is removed, not followed.
  fs::remove_all(box.out + ".staging");
  fs::create_directories(box.out + ".staging/output");
  Write(box.out + ".staging/.barometer-staging", kMarkerText);
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
