// A whole build of the mini edition on the in-memory file system: the build reads its content, templates, fonts
// and hyphenation patterns through the FileSystem interface and writes exactly its outputs, inside the output
// folder. fontconfig opens the font files on disk once more by path (it takes no other source), so those are on
// disk too; the hyphenation patterns exist only in memory; everything the build record hashes comes through the
// interface.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "base/progress.h"
#include "driver/build.h"
#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;

namespace {

// Copies one file of the disk into the in-memory file system under the same path.
void CopyFile(base::MemoryFileSystem& fs, const std::string& path) {
  base::RealFileSystem disk;
  REQUIRE_MESSAGE(disk.ReadFile(path, &fs.files[path]), path);
}

std::set<std::string> FilesUnder(const base::MemoryFileSystem& fs, const std::string& prefix) {
  std::set<std::string> out;
  for (const auto& [path, bytes] : fs.files) {
    if (path.rfind(prefix, 0) == 0) out.insert(path.substr(prefix.size()));
  }
  return out;
}

}  // namespace

TEST_CASE("in-memory build: the mini edition is built from memory and writes exactly its outputs") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  const std::string fonts = BAROMETER_SOURCE_DIR "/fonts";
  for (const auto& entry : std::filesystem::directory_iterator(fonts)) {
    if (entry.is_regular_file()) CopyFile(fs, entry.path().string());
  }
  // The patterns move to a folder that is not on the disk: libhyphen gets them from memory.
  for (const std::string code : {"da", "en"}) {
    base::Diagnostics diags;
    auto profile = model::LoadLanguageProfile(fs, "templates", code, diags);
    REQUIRE(profile);
    const std::string moved = "/in-memory-only/" + profile->dictionary.substr(profile->dictionary.rfind('/') + 1);
    REQUIRE_FALSE(std::filesystem::exists(moved));
    fs.files[moved] = fs.files.at(profile->dictionary);
    fs.files.erase(profile->dictionary);
    REQUIRE(testing::Edit(fs, "templates/languages/" + code + ".yaml", profile->dictionary, moved));
  }
  const std::map<std::string, std::string> inputs = fs.files;

  driver::BuildOptions options;
  options.content_dir = "mini";
  options.templates_dir = "templates";
  options.fonts_dir = fonts;
  options.out_dir = "out";
  options.jobs = 1;
  base::SilentProgress progress;
  base::Diagnostics diags;
  REQUIRE(driver::Build(fs, options, progress, diags) == driver::Outcome::kBuilt);
  CHECK(testing::Lines(diags, base::Severity::kError).empty());

  // Every input is as it was, and nothing but the outputs was added.
  for (const auto& [path, bytes] : inputs) {
    CAPTURE(path);
    REQUIRE(fs.files.count(path));
    CHECK(fs.files.at(path) == bytes);
  }
  CHECK(fs.files.size() == inputs.size() + FilesUnder(fs, "out/").size());
  std::string written;
  for (const std::string& path : FilesUnder(fs, "out/")) written += path + "\n";
  // Per language: the PDF, the workbook and the figure's four exports; then the record and the checksums.
  CHECK(written ==
        "SHA256SUMS\nbuild-info.json\n"
        "figures/da/figure-01.csv\nfigures/da/figure-01.json\nfigures/da/figure-01.png\nfigures/da/figure-01.svg\n"
        "figures/en/figure-01.csv\nfigures/en/figure-01.json\nfigures/en/figure-01.png\nfigures/en/figure-01.svg\n"
        "mini-appendix-da.xlsx\nmini-appendix-en.xlsx\nmini-da.pdf\nmini-en.pdf\n");
  // Every change the build made is inside the output folder or its staging folder beside it.
  for (const std::string& write : fs.writes) {
    CAPTURE(write);
    const std::string path = write.substr(write.find(' ') + 1);
    CHECK((path.rfind("out/", 0) == 0 || path.rfind("out.", 0) == 0 || path.rfind("out ", 0) == 0 || path == "out"));
  }
  // The record names the dictionaries among the inputs it hashed, read through the file system.
  const std::string& record = fs.files.at("out/build-info.json");
  CHECK(record.find("in-memory-only/hyph_da_DK.dic") != std::string::npos);
  CHECK(record.find("hyph_en_US.dic") != std::string::npos);
}
