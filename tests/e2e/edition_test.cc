// End to end: builds the real 2021 edition with the barometer binary and reads the outputs back with poppler's
// tools and qpdf, as a reader's software would.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace {

using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;

// One build for every test case in this file.
const std::string& OutDir() {
  static const std::string dir = [] {
    std::string out = barometer::testing::ProcessScratchFolder("e2e");
    Run run = Shell(std::string(BAROMETER_BINARY) + " build " BAROMETER_SOURCE_DIR "/content/2021 --out " + out);
    if (run.status != 0) FAIL("build failed: " << run.out);
    return out;
  }();
  return dir;
}

std::string Text(const std::string& lang, int first_page = 1) {
  return Shell("pdftotext -enc UTF-8 -f " + std::to_string(first_page) + " " + OutDir() + "/innovation-barometer-2021-" +
               lang + ".pdf -")
      .out;
}

// pdftotext keeps soft hyphens at line ends; a reader's search joins those words.
std::string Joined(std::string text) {
  text = std::regex_replace(text, std::regex("\u00AD\n"), "");
  text = std::regex_replace(text, std::regex("\\s+"), " ");
  return text;
}

}  // namespace

TEST_CASE("e2e: both PDF editions are built, tagged, with metadata and embedded fonts") {
  for (std::string lang : {"da", "en"}) {
    const std::string pdf = OutDir() + "/innovation-barometer-2021-" + lang + ".pdf";
    INFO("language " << lang);
    REQUIRE(std::filesystem::exists(pdf));
    Run info = Shell("pdfinfo " + pdf);
    CHECK(info.status == 0);
    CHECK(info.out.find("Tagged:          yes") != std::string::npos);
    CHECK(info.out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.out.find("Author:          ") != std::string::npos);
    CHECK(info.out.find("Keywords:        ") != std::string::npos);
    CHECK(info.out.find("Creator:         barometer") != std::string::npos);
    std::smatch pages;
    REQUIRE(std::regex_search(info.out, pages, std::regex("Pages:\\s+(\\d+)")));
    int count = std::stoi(pages[1]);
    CHECK(count >= 16);
    CHECK(count <= 40);

    Run fonts = Shell("pdffonts " + pdf);
    CHECK(fonts.status == 0);
    std::istringstream lines(fonts.out);
    int font_rows = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.find("Type 1C") == std::string::npos && line.find("TrueType") == std::string::npos &&
          line.find("CID") == std::string::npos) {
        continue;
      }
      ++font_rows;
      CHECK_MESSAGE(line.find(" yes yes ") != std::string::npos, "not embedded and subset: " << line);
      bool pinned = line.find("NotoSerif") != std::string::npos || line.find("Inter") != std::string::npos;
      CHECK_MESSAGE(pinned, "font outside the pinned set: " << line);
    }
    CHECK(font_rows >= 3);

    Run check = Shell("qpdf --check " + pdf);
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

    const std::string raw = ReadFile(pdf);
    CHECK(Shell("qpdf --show-object=trailer " + pdf).out.find("/ID") != std::string::npos);
    Run lang_key = Shell("qpdf --qdf --object-streams=disable " + pdf + " - | grep -a -m1 '/Lang'");
    CHECK(lang_key.out.find(lang == "da" ? "da-DK" : "en-GB") != std::string::npos);
    (void)raw;
  }
}

TEST_CASE("e2e: every section heading is in the text, in reading order, with Danish letters intact") {
  const std::vector<std::string> en_titles = {
      "Introduction", "World champions in public digitalisation", "When technology plays a role in public innovation",
      "My Hospital Friend Wheel", "The possibilities of technology", "Put the end user at the centre",
      "Technology is something we work on together", "Intelligent traffic signals cut congestion", "How we did it"};
  const std::vector<std::string> da_titles = {
      "Indledning", "Verdensmestre i offentlig digitalisering", "Når teknologi spiller en rolle i offentlig innovation",
      "Min hospitalsven Hjulle", "Teknologiens muligheder", "Sæt slutbrugeren i centrum",
      "Teknologi er noget, vi arbejder på sammen", "Intelligente lyssignaler mindsker kø", "Sådan har vi gjort"};
  auto in_order = [](const std::string& text, const std::vector<std::string>& needles) {
    size_t at = 0;
    for (const std::string& needle : needles) {
      size_t found = text.find(needle, at);
      INFO("looking for '" << needle << "'");
      CHECK(found != std::string::npos);
      if (found != std::string::npos) at = found + needle.size();
    }
  };
  // The body from page 3 on, and the contents page on its own.
  std::string en = Joined(Text("en", 3)), da = Joined(Text("da", 3));
  in_order(en, en_titles);
  in_order(da, da_titles);
  in_order(Joined(Shell("pdftotext -enc UTF-8 -f 2 -l 2 " + OutDir() + "/innovation-barometer-2021-en.pdf -").out),
           en_titles);
  CHECK(en.find("About the Innovation Barometer") != std::string::npos);
  CHECK(da.find("Om Innovationsbarometeret") != std::string::npos);
  for (const char* word : {"æ", "ø", "å", "Ø"}) CHECK(da.find(word) != std::string::npos);
  CHECK(da.find("offentlige") != std::string::npos);
  CHECK(en.find("978-87-94408-03-5") != std::string::npos);
  CHECK(da.find("978-87-94408-03-5") == std::string::npos);  // no Danish ISBN is known: none is printed
  CHECK(en.find("\uFFFD") == std::string::npos);
}

TEST_CASE("e2e: outline and links are present") {
  for (std::string lang : {"da", "en"}) {
    const std::string pdf = OutDir() + "/innovation-barometer-2021-" + lang + ".pdf";
    Run dump = Shell("qpdf --json --json-key=outlines " + pdf);
    CHECK(dump.status == 0);
    CHECK(std::count(dump.out.begin(), dump.out.end(), '{') > 12);
    Run links = Shell("qpdf --qdf --object-streams=disable " + pdf + " - | grep -a -c '/Subtype /Link'");
    CHECK(std::stoi(links.out) >= 15);
    Run uris = Shell("qpdf --qdf --object-streams=disable " + pdf + " - | grep -a -c '/URI (https://'");
    CHECK(std::stoi(uris.out) >= 8);
  }
}

TEST_CASE("e2e: two builds give byte-identical outputs") {
  std::string again = OutDir() + "-again";
  std::filesystem::remove_all(again);
  Run run = Shell(std::string(BAROMETER_BINARY) + " build -q " BAROMETER_SOURCE_DIR "/content/2021 --out " + again);
  REQUIRE(run.status == 0);
  CHECK(run.out.empty());
  CHECK(ReadFile(OutDir() + "/SHA256SUMS") == ReadFile(again + "/SHA256SUMS"));
  CHECK(Shell("cd " + OutDir() + " && sha256sum --check --quiet SHA256SUMS").status == 0);
  std::filesystem::remove_all(again);
}

namespace {

nlohmann::json Sidecar(const std::string& lang, int number) {
  char path[64];
  std::snprintf(path, sizeof path, "/figures/%s/figure-%02d.json", lang.c_str(), number);
  INFO(path);
  REQUIRE(std::filesystem::exists(OutDir() + path));
  return nlohmann::json::parse(ReadFile(OutDir() + path));
}

}  // namespace

TEST_CASE("e2e: the figure exports hold the reference values in both languages") {
  // A sample of the published values (shared/reference/publication-2021.md, section 2), by figure number.
  const std::map<int, std::vector<std::pair<std::string, double>>> reference = {
      {1, {{"itself", 10}, {"important", 25}, {"minor", 34}, {"none", 26}, {"dont-know", 5}}},
      {3, {{"new-technology", 9}, {"known-technology", 25}, {"non-technological", 65}}},
      {4, {{"quality", 60}, {"quality", 72}, {"efficiency", 47}, {"efficiency", 35}}},
      {5, {{"positive", 53}, {"promotes", 49}, {"collaborates", 15}, {"initiates", 10}}},
      {6, {{"new-technology", 71}, {"new-technology", 18}, {"non-technological", 86}}},
      {7, {{"agree", 79}, {"disagree", 12}, {"dont-know", 3}, {"not-applicable", 6}}},
      {8, {{"own-organisation", 46}, {"private-companies", 29}, {"voluntary-organisations", 6}}},
      {9, {{"public-same-sector", 25}, {"public-same-sector", 18}, {"public-same-sector", 9}}},
      {10, {{"private-companies", 38}, {"private-companies", 26}, {"private-companies", 12}}},
  };
  for (std::string lang : {"da", "en"}) {
    for (const auto& [number, values] : reference) {
      const nlohmann::json json = Sidecar(lang, number);
      INFO(lang << " figure " << number);
      for (const auto& [category, value] : values) {
        bool found = false;
        for (const auto& v : json["values"]) found |= v["category"] == category && v["value"] == value;
        INFO(category << " = " << value);
        CHECK(found);
      }
      // The CSV beside it has the same number of value rows (and a header), and starts with a byte-order mark.
      char csv[64];
      std::snprintf(csv, sizeof csv, "/figures/%s/figure-%02d.csv", lang.c_str(), number);
      const std::string text = ReadFile(OutDir() + csv);
      CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
      CHECK(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) == json["values"].size() + 1);
    }
    for (int n = 1; n <= 10; ++n) {
      char stem[32];
      std::snprintf(stem, sizeof stem, "/figures/%s/figure-%02d", lang.c_str(), n);
      CHECK(std::filesystem::exists(OutDir() + stem + ".svg"));
      CHECK(std::filesystem::exists(OutDir() + stem + ".png"));
    }
  }
}

TEST_CASE("e2e: every figure value is printed in the PDF, and the English PDF shows no Danish figure label") {
  for (std::string lang : {"da", "en"}) {
    // pdftotext gives the Danish no-break space in "34 %" as U+00A0; read it as a space.
    std::string text = std::regex_replace(Text(lang), std::regex("\u00A0"), " ");
    for (int n = 1; n <= 10; ++n) {
      const nlohmann::json json = Sidecar(lang, n);
      if (!json.contains("values")) continue;  // the zones figure has no numbers
      for (const auto& v : json["values"]) {
        if (!v["shown"].get<bool>()) continue;  // excluded answers are not drawn with a number
        const double value = v["value"].get<double>();
        std::string label = std::to_string(static_cast<int>(value)) + (lang == "da" ? " %" : "%");
        INFO(lang << " figure " << n << " value " << label);
        CHECK(text.find(label) != std::string::npos);
      }
    }
  }
  // Labels that differ between the languages must not leak into the English edition (the 2021 original printed
  // the Danish labels of Figures 4 and 6 in English).
  const std::string en = Joined(Text("en"));
  for (int n = 1; n <= 10; ++n) {
    const nlohmann::json da_json = Sidecar("da", n);
    const nlohmann::json en_json = Sidecar("en", n);
    for (const char* list : {"categories", "series", "zones"}) {
      if (!da_json.contains(list)) continue;
      REQUIRE(da_json[list].size() == en_json[list].size());
      for (size_t i = 0; i < da_json[list].size(); ++i) {
        const std::string danish = da_json[list][i]["label"];
        if (danish == en_json[list][i]["label"]) continue;
        INFO("figure " << n << ": Danish label '" << danish << "'");
        CHECK(en.find(danish) == std::string::npos);
      }
    }
  }
}

TEST_CASE("e2e: both appendix workbooks are written") {
  for (std::string lang : {"da", "en"}) {
    const std::string path = OutDir() + "/innovation-barometer-2021-appendix-" + lang + ".xlsx";
    CHECK(std::filesystem::exists(path));
    CHECK(std::filesystem::file_size(path) > 10000);
  }
}
