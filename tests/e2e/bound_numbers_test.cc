// End to end: a number cited in the prose follows its table. One value of a copy of the 2021 edition is changed;
// the figure, the workbook and every sentence citing the value change with it, in both languages.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace {

using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;

namespace fs = std::filesystem;

// pdftotext's text of a PDF with soft-hyphen line ends joined and white space (no-break spaces too) made one space.
std::string PdfText(const std::string& pdf) {
  std::string text = Shell("pdftotext -enc UTF-8 " + pdf + " -").out;
  text = std::regex_replace(text, std::regex("\u00AD\n"), "");
  text = std::regex_replace(text, std::regex("\u00A0"), " ");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// The value cells of the workbook's sheets, as a spreadsheet program reads them: "sheet!cell=value" lines.
std::string WorkbookValues(const std::string& xlsx) {
  return Shell("/usr/bin/python3 -c \"import openpyxl,sys\n"
               "wb = openpyxl.load_workbook(sys.argv[1])\n"
               "for ws in wb.worksheets:\n"
               "  for row in ws.iter_rows():\n"
               "    for c in row:\n"
               "      if isinstance(c.value, (int, float)): print(ws.title + '!' + c.coordinate + '=' + repr(c.value))\n"
               "\" " + xlsx)
      .out;
}

}  // namespace

TEST_CASE("e2e: changing a table value changes the figure, the workbook and every sentence citing it") {
  const std::string root = fs::temp_directory_path().string() + "/barometer-bound-" + std::to_string(getpid());
  fs::remove_all(root);
  fs::create_directories(root + "/repo");
  fs::copy(BAROMETER_SOURCE_DIR "/content", root + "/repo/content", fs::copy_options::recursive);
  const std::string table = root + "/repo/content/2021/tables/fig04-value-created.csv";
  std::string csv = ReadFile(table);
  const std::string row = "value-created,technological,efficiency,47,1877";
  REQUIRE(csv.find(row) != std::string::npos);
  csv.replace(csv.find(row), row.size(), "value-created,technological,efficiency,52,1877");
  std::ofstream(table) << csv;

  const std::string build = std::string(BAROMETER_BINARY) + " build " + root + "/repo/content/2021 --templates " +
                            BAROMETER_SOURCE_DIR "/templates --fonts " BAROMETER_SOURCE_DIR "/fonts -q --out ";
  Run original = Shell(std::string(BAROMETER_BINARY) + " build " BAROMETER_SOURCE_DIR "/content/2021 -q --out " + root +
                       "/original");
  REQUIRE_MESSAGE(original.status == 0, original.out);
  Run changed = Shell(build + root + "/changed");
  REQUIRE_MESSAGE(changed.status == 0, changed.out);

  const std::map<std::string, std::pair<std::string, std::string>> sentences = {
      {"en", {"technological innovations (47%) make the work more efficient",
              "technological innovations (52%) make the work more efficient"}},
      {"da", {"de teknologiske innovationer (47 %) gør arbejdet mere effektivt",
              "de teknologiske innovationer (52 %) gør arbejdet mere effektivt"}},
  };
  for (const auto& [lang, sentence] : sentences) {
    INFO("language " << lang);
    const std::string old_text = PdfText(root + "/original/innovation-barometer-2021-" + lang + ".pdf");
    const std::string new_text = PdfText(root + "/changed/innovation-barometer-2021-" + lang + ".pdf");
    CHECK(old_text.find(sentence.first) != std::string::npos);
    CHECK(new_text.find(sentence.second) != std::string::npos);
    CHECK(new_text.find(sentence.first) == std::string::npos);
    // The difference the prose states in points follows too: efficiency 52 - 35 = 17 is no part of "11 to 12",
    // which cites quality and employee satisfaction; those sentences are unchanged.
    const std::string points = lang == "en" ? "11 to 12 percentage points" : "11 til 12 procentpoint";
    CHECK(new_text.find(points) != std::string::npos);

    // The figure's exported values.
    const std::string figure_csv = ReadFile(root + "/changed/figures/" + lang + "/figure-04.csv");
    CHECK(figure_csv.find("52") != std::string::npos);
    CHECK(ReadFile(root + "/original/figures/" + lang + "/figure-04.csv").find(",52") == std::string::npos);

    // The workbook: the same cell holds 0.47 before and 0.52 after.
    const std::string stem = "/innovation-barometer-2021-appendix-" + lang + ".xlsx";
    const std::string old_cells = WorkbookValues(root + "/original" + stem);
    const std::string new_cells = WorkbookValues(root + "/changed" + stem);
    CHECK(old_cells.find("=0.47\n") != std::string::npos);
    CHECK(new_cells.find("=0.52\n") != std::string::npos);
    CHECK(new_cells.find("=0.47\n") == std::string::npos);
  }
  fs::remove_all(root);
}
