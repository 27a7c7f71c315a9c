// Writing a build's outputs: through a staging folder, unchanged files left alone, stale files of the previous
// build removed, and nothing else touched.
#include "build/build.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/hash.h"

namespace {

using barometer::base::MemoryFileSystem;
using barometer::build::Output;
using barometer::build::WriteOutputs;

const std::vector<Output> kFirstBuild = {
    {"report-en.pdf", "pdf bytes"},
    {"figures/en/figure-01.svg", "<svg 1/>"},
    {"figures/en/figure-02.svg", "<svg 2/>"},
};

// The log lines of `fs` that begin with `verb` ("write", "rename", "remove").
std::vector<std::string> Logged(const MemoryFileSystem& fs, const std::string& verb) {
  std::vector<std::string> lines;
  for (const std::string& line : fs.writes) {
    if (line.rfind(verb + " ", 0) == 0) lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("build: outputs go through a staging folder, then SHA256SUMS lists them") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  CHECK(fs.files.at("out/report-en.pdf") == "pdf bytes");
  CHECK(fs.files.at("out/figures/en/figure-02.svg") == "<svg 2/>");
  CHECK(fs.files.at("out/SHA256SUMS") ==
        barometer::base::Sha256Hex("<svg 1/>") + "  figures/en/figure-01.svg\n" +
            barometer::base::Sha256Hex("<svg 2/>") + "  figures/en/figure-02.svg\n" +
            barometer::base::Sha256Hex("pdf bytes") + "  report-en.pdf\n");
  CHECK(Logged(fs, "write") == std::vector<std::string>{"write out.staging/figures/en/figure-01.svg",
                                                        "write out.staging/figures/en/figure-02.svg",
                                                        "write out.staging/report-en.pdf",
                                                        "write out.staging/SHA256SUMS"});
  CHECK(Logged(fs, "rename").back() == "rename out.staging/SHA256SUMS -> out/SHA256SUMS");
  for (const auto& [path, bytes] : fs.files) CHECK(path.rfind("out.staging", 0) != 0);
}

TEST_CASE("build: a file that already holds the same bytes is not written again") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.writes.clear();
  WriteOutputs(fs, "out", kFirstBuild, true);
  CHECK(Logged(fs, "write").empty());
  CHECK(Logged(fs, "rename").empty());

  std::vector<Output> second = kFirstBuild;
  second[0].bytes = "new pdf bytes";
  fs.writes.clear();
  WriteOutputs(fs, "out", second, true);
  CHECK(Logged(fs, "write") ==
        std::vector<std::string>{"write out.staging/report-en.pdf", "write out.staging/SHA256SUMS"});
  CHECK(fs.files.at("out/report-en.pdf") == "new pdf bytes");
  CHECK(fs.files.at("out/SHA256SUMS").find(barometer::base::Sha256Hex("new pdf bytes")) != std::string::npos);

  // A file changed by hand since the last build is put right.
  fs.files["out/figures/en/figure-01.svg"] = "edited";
  fs.writes.clear();
  WriteOutputs(fs, "out", second, true);
  CHECK(Logged(fs, "write") == std::vector<std::string>{"write out.staging/figures/en/figure-01.svg"});
  CHECK(Logged(fs, "rename") ==
        std::vector<std::string>{"rename out.staging/figures/en/figure-01.svg -> out/figures/en/figure-01.svg"});
  CHECK(fs.files.at("out/figures/en/figure-01.svg") == "<svg 1/>");
}

TEST_CASE("build: what the previous build listed and this one no longer makes is removed, nothing else") {
  MemoryFileSystem fs;
  WriteOutputs(fs, "out", kFirstBuild, true);
  fs.files["out/notes.txt"] = "the editor's own file";
  fs.files["outside.txt"] = "not in the output folder";
  fs.files["out/SHA256SUMS"] += "0000  ../outside.txt\n0000  /etc/hostname\nnot a sums line\n";

  std::vector<Output> without_figure_two = {kFirstBuild[0], kFirstBuild[1]};
  SUBCASE("a whole build removes it") {
    WriteOutputs(fs, "out", without_figure_two, true);
    CHECK(fs.files.count("out/figures/en/figure-02.svg") == 0);
    CHECK(Logged(fs, "remove").back() == "remove out/figures/en/figure-02.svg");
  }
  SUBCASE("a build of some languages keeps it") {
    WriteOutputs(fs, "out", without_figure_two, false);
    CHECK(fs.files.count("out/figures/en/figure-02.svg") == 1);
  }
  CHECK(fs.files.at("out/notes.txt") == "the editor's own file");
  CHECK(fs.files.at("outside.txt") == "not in the output folder");
  CHECK(fs.files.count("out/report-en.pdf") == 1);
  CHECK(fs.files.at("out/SHA256SUMS").find("figure-02") == std::string::npos);
}
