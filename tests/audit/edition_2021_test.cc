// The auditors' tools on the real 2021 edition: two builds under different folders, time zones, locales and
// umasks are identical byte for byte, and diff and verify say so; a template change that touches every figure
// gives a report that still fits in an e-mail.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace fs = std::filesystem;

namespace {

using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;

// Every file under `dir` by its path relative to `dir`.
std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = ReadFile(entry.path().string());
  }
  return files;
}

struct Folder {
  fs::path path;
  explicit Folder(const std::string& name)
      : path(fs::temp_directory_path() / ("barometer-2021-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("audit 2021: builds in other folders, time zones, locales and umasks are identical, and diff agrees") {
  Folder work("repro");
  const std::string binary = BAROMETER_BINARY;
  const std::string content = BAROMETER_SOURCE_DIR "/content/2021";
  const std::string a = (work.path / "a").string(), b = (work.path / "deeper/other/b").string();
  Run first = Shell("cd / && umask 022 && TZ=UTC LC_ALL=C " + binary + " build -q " + content + " --out " + a);
  REQUIRE_MESSAGE(first.status == 0, first.out);
  Run second = Shell("cd " + work.path.string() + " && umask 077 && TZ=Pacific/Chatham LC_ALL=C.UTF-8 " + binary +
                     " build -q " + content + " --out " + b);
  REQUIRE_MESSAGE(second.status == 0, second.out);

  const auto files_a = Files(a), files_b = Files(b);
  CHECK(files_a.size() > 40);
  CHECK(files_a.count("build-info.json"));
  REQUIRE(files_a.size() == files_b.size());
  for (const auto& [path, bytes] : files_a) {
    INFO(path);
    REQUIRE(files_b.count(path));
    CHECK(bytes == files_b.at(path));
  }
  // The build record holds no absolute path and no trace of the output folder.
  const std::string record = files_a.at("build-info.json");
  CHECK(record.find("\"/") == std::string::npos);
  CHECK(record.find(work.path.string()) == std::string::npos);
  CHECK(record.find("\"content/2021/tables/") != std::string::npos);
  CHECK(record.find("\"fonts/") != std::string::npos);
  CHECK(record.find("\"templates/report-a4.yaml\"") != std::string::npos);
  CHECK(record.find("hyph_da_DK.dic") != std::string::npos);
  // The libraries whose versions decide the outputs' bytes; libqpdf writes nothing of a build any more.
  for (const char* library : {"\"cairo\"", "\"harfbuzz\"", "\"pango\"", "\"zlib\"", "\"libpng\"", "\"libzip\""}) {
    CHECK_MESSAGE(record.find(library) != std::string::npos, library);
  }
  CHECK(record.find("libqpdf") == std::string::npos);

  Run diff = Shell(binary + " diff " + a + " " + b);
  CHECK(diff.status == 0);
  CHECK(diff.out.rfind("0 changes between", 0) == 0);

  Run verify = Shell("cd " BAROMETER_SOURCE_DIR " && " + binary + " verify content/2021 --against " + a +
                     "/SHA256SUMS");
  CHECK_MESSAGE(verify.status == 0, verify.out);
}

TEST_CASE("audit 2021: with every figure and page changed, the HTML report stays under 5 MB") {
  Folder work("colours");
  const std::string binary = BAROMETER_BINARY;
  const std::string content = BAROMETER_SOURCE_DIR "/content/2021";
  fs::copy(BAROMETER_SOURCE_DIR "/templates", work.path / "templates", fs::copy_options::recursive);
  const std::string template_path = (work.path / "templates/report-a4.yaml").string();
  std::string design = ReadFile(template_path);
  // A slightly different text colour and first series colour: every label, bar and page changes.
  design = std::regex_replace(design, std::regex("text: \"#1f2a36\""), "text: \"#1f2a38\"");
  design = std::regex_replace(design, std::regex("series-1: \"#1d4e89\""), "series-1: \"#1d4e8b\"");
  std::ofstream(template_path) << design;

  const std::string old_out = (work.path / "old").string(), new_out = (work.path / "new").string();
  REQUIRE(Shell(binary + " build -q " + content + " --out " + old_out).status == 0);
  REQUIRE(Shell(binary + " build -q " + content + " --templates " + (work.path / "templates").string() + " --out " +
                new_out).status == 0);
  const std::string html = (work.path / "report.html").string();
  Run diff = Shell(binary + " diff " + old_out + " " + new_out + " --html " + html);
  CHECK(diff.status == 1);
  std::smatch total;
  REQUIRE(std::regex_search(diff.out, total, std::regex(R"(\(0 values, 0 cells, (\d+) figures, (\d+) pages)")));
  size_t pngs = 0;
  for (const auto& entry : fs::recursive_directory_iterator(old_out)) pngs += entry.path().extension() == ".png";
  CHECK(std::stoul(total[1]) == pngs);
  CHECK(std::stoi(total[2]) > 30);
  CHECK(fs::file_size(html) < 5'000'000);
}
