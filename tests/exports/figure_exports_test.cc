// ExportFigure: the four files per figure, byte-identical across runs; CSVs with a byte-order mark, units and
// every drawn and excluded value; JSON sidecars a web editor can rebuild the chart from; SVGs with a title and a
// description; and no word of one language in the other's exports.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "../figures/figures_fixture.h"
#include "exports/figure_exports.h"

using namespace barometer;

namespace {

/// A figure of the 2021 edition with everything ExportFigure needs; the chart lives as long as the test.
struct Figure {
  figures::Chart chart;
  exports::FigureExport input;
};

Figure Make(const std::string& id, const std::string& language) {
  base::Diagnostics diags;
  Figure figure{testing::Build2021(id, language, diags), {}};
  REQUIRE_FALSE(diags.HasErrors());
  const model::Edition& edition = testing::Edition2021();
  const model::LanguageEdition& lang = testing::Language(edition, language);
  figure.input.spec = &edition.figures.at(id);
  figure.input.table = figure.input.spec->table.empty() ? nullptr : &edition.tables.at(figure.input.spec->table);
  figure.input.text = &lang.figures.at(id);
  figure.input.language = &lang;
  return figure;
}

std::vector<std::pair<std::string, std::string>> Export(const std::string& id, const std::string& language) {
  Figure figure = Make(id, language);
  figure.input.chart = &figure.chart;
  base::Diagnostics diags;
  auto files = exports::ExportFigure(figure.input, diags);
  CHECK_FALSE(diags.HasErrors());
  return files;
}

unsigned ReadBigEndian(const std::string& bytes, size_t at) {
  unsigned value = 0;
  for (size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

const std::string kBom = "\xEF\xBB\xBF";

/// The fields of an RFC 4180 CSV (BOM removed), row by row.
std::vector<std::vector<std::string>> ParseCsv(std::string csv) {
  REQUIRE(csv.rfind(kBom, 0) == 0);
  csv = csv.substr(kBom.size());
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last line end
  return rows;
}

/// Every human-readable text of a figure's CSV and JSON (ids, units and numbers left out).
std::set<std::string> Texts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::set<std::string> texts;
  for (const auto& row : ParseCsv(files[2].second)) {
    for (const std::string& field : row) texts.insert(field);
  }
  const nlohmann::json json = nlohmann::json::parse(files[3].second);
  for (const char* key : {"title", "question", "population", "note", "source", "alt", "value_header"}) {
    if (json.contains(key)) texts.insert(json[key].get<std::string>());
  }
  for (const char* list : {"categories", "series", "zones"}) {
    if (!json.contains(list)) continue;
    for (const auto& item : json[list]) {
      texts.insert(item["label"].get<std::string>());
      if (item.contains("items")) {
        for (const auto& sub : item["items"]) texts.insert(sub["label"].get<std::string>());
      }
    }
  }
  if (json.contains("values")) {
    for (const auto& value : json["values"]) {
      texts.insert(value["category_label"].get<std::string>());
      texts.insert(value["series_label"].get<std::string>());
    }
  }
  return texts;
}

bool IsNumber(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
}

}  // namespace

TEST_CASE("exports: every 2021 figure gives SVG, 150 dpi PNG, CSV and JSON, byte-identical from two builds") {
  for (const std::string language : {"da", "en"}) {
    for (const auto& [id, spec] : testing::Edition2021().figures) {
      INFO(language << " " << id);
      auto first = Export(id, language);
      auto second = Export(id, language);  // charts built again from scratch: ids and bytes must not drift
      REQUIRE(first.size() == 4);
      char stem[64];
      std::snprintf(stem, sizeof stem, "figures/%s/figure-%02d", language.c_str(), spec.number);
      CHECK(first[0].first == std::string(stem) + ".svg");
      CHECK(first[1].first == std::string(stem) + ".png");
      CHECK(first[2].first == std::string(stem) + ".csv");
      CHECK(first[3].first == std::string(stem) + ".json");
      for (size_t i = 0; i < 4; ++i) CHECK(first[i].second == second[i].second);

      const std::string& svg = first[0].second;
      CHECK(svg.rfind("<?xml", 0) == 0);
      CHECK(svg.find("<svg") != std::string::npos);
      const std::string& png = first[1].second;
      REQUIRE(png.size() > 24);
      CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
      base::Diagnostics diags;
      figures::Chart chart = testing::Build2021(id, language, diags);
      CHECK(ReadBigEndian(png, 16) == static_cast<unsigned>(std::ceil(std::ceil(chart.width) * 150 / 72)));
      CHECK(ReadBigEndian(png, 20) == static_cast<unsigned>(std::ceil(std::ceil(chart.height) * 150 / 72)));
      CHECK(first[2].second.rfind(kBom, 0) == 0);
      CHECK_NOTHROW(nlohmann::json::parse(first[3].second));
    }
  }
}

TEST_CASE("exports: the CSV has a byte-order mark, headers with units, every drawn value and the excluded ones") {
  CHECK(Export("fig04", "en")[2].second ==
        kBom +
            "Category,Series,Share (%),Base (unweighted n),In the figure\n"
            "Quality,Technological innovations,60,1877,shown\n"
            "Quality,Non-technological innovations,72,1877,shown\n"
            "Efficiency,Technological innovations,47,1877,shown\n"
            "Efficiency,Non-technological innovations,35,1877,shown\n"
            "Employee satisfaction,Technological innovations,40,1877,shown\n"
            "Employee satisfaction,Non-technological innovations,51,1877,shown\n"
            "Citizen involvement,Technological innovations,33,1877,shown\n"
            "Citizen involvement,Non-technological innovations,28,1877,shown\n"
            "Policy goals,Technological innovations,31,1877,shown\n"
            "Policy goals,Non-technological innovations,35,1877,shown\n");
  // Figure 1 draws the "don't know" share as an unlabelled light segment: it is in the CSV, marked excluded.
  CHECK(Export("fig01", "da")[2].second ==
        kBom +
            "Kategori,Serie,Andel (pct.),Grundlag (uvejet n),I figuren\n"
            "Innovationen er i sig selv en teknologisk løsning,Alle innovationer,10,1877,vist\n"
            "Teknologi er en vigtig del af innovationen,Alle innovationer,25,1877,vist\n"
            "Teknologi er kun en mindre del af innovationen,Alle innovationer,34,1877,vist\n"
            "Teknologi indgår slet ikke i innovationen,Alle innovationer,26,1877,vist\n"
            "Teknologiske innovationer,Alle innovationer,34,1877,vist\n"
            "Ved ikke,Alle innovationer,5,1877,udeladt (ikke vist)\n");
}

TEST_CASE("exports: the zones figure's CSV gives every label with its zone, quoted per RFC 4180") {
  const auto rows = ParseCsv(Export("fig02", "en")[2].second);
  const model::FigureSpec& spec = testing::Edition2021().figures.at("fig02");
  const model::FigureText& text = testing::Language(testing::Edition2021(), "en").figures.at("fig02");
  std::vector<std::vector<std::string>> wanted = {{"Label in the figure", "Zone"}};
  for (const std::string& zone : spec.zone_order) {
    for (const std::string& item : spec.zones.at(zone)) wanted.push_back({text.labels.at(item), text.labels.at(zone)});
  }
  CHECK(rows == wanted);
  const std::string csv = Export("fig02", "en")[2].second;
  CHECK(csv.find("\n\"Sensors, Internet of Things (IoT) and smart city\",New technologies\n") != std::string::npos);
  CHECK(csv.find("\nApps,\"New to some, known to others\"\n") != std::string::npos);
}

TEST_CASE("exports: the JSON sidecar holds what a web editor needs to rebuild the chart") {
  const nlohmann::json json = nlohmann::json::parse(Export("fig01", "en")[3].second);
  const model::Edition& edition = testing::Edition2021();
  const model::FigureText& text = testing::Language(edition, "en").figures.at("fig01");
  CHECK(json["figure"] == 1);
  CHECK(json["language"] == "en-GB");
  CHECK(json["kind"] == "donut");
  CHECK(json["title"] == text.title);
  CHECK(json["question"] == text.question);
  CHECK(json["population"] == text.population);
  CHECK(json["note"] == text.note);
  CHECK(json["base_n"] == 1877);
  CHECK(json["source"] == testing::Language(edition, "en").labels.at("source"));
  CHECK(json["alt"].get<std::string>().rfind("Donut chart", 0) == 0);
  CHECK(json["unit"] == "percent");
  REQUIRE(json["values"].size() == 6);
  CHECK(json["values"][0]["category"] == "itself");
  CHECK(json["values"][0]["value"] == 10);
  CHECK(json["values"][0]["shown"] == true);
  CHECK(json["values"][0]["colour"] == "#1d4e89");
  CHECK(json["values"][5]["category"] == "dont-know");
  CHECK(json["values"][5]["shown"] == false);
  // Every drawn mark's colour is in the publication's palette.
  std::set<std::string> palette;
  for (const auto& [name, colour] : edition.design.palette) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(std::lround(colour.r * 255)),
                  static_cast<int>(std::lround(colour.g * 255)), static_cast<int>(std::lround(colour.b * 255)));
    palette.insert(hex);
  }
  for (const auto& value : json["values"]) {
    if (value.contains("colour")) CHECK(palette.count(value["colour"].get<std::string>()));
  }
  const nlohmann::json zones = nlohmann::json::parse(Export("fig02", "da")[3].second);
  CHECK(zones["zones"].size() == 3);
  CHECK(zones["zones"][0]["items"][0]["id"] == "artificial-intelligence");
}

TEST_CASE("exports: the SVG carries the title, the alt text and the language for screen readers") {
  const std::string svg = Export("fig03", "da")[0].second;
  const model::FigureText& text = testing::Language(testing::Edition2021(), "da").figures.at("fig03");
  CHECK(svg.find("role=\"img\" aria-labelledby=\"figure-title figure-desc\" xml:lang=\"da-DK\">") !=
        std::string::npos);
  CHECK(svg.find("<title id=\"figure-title\">" + text.title + "</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"figure-desc\">Stablet") != std::string::npos);
  CHECK(exports::AccessibleSvg("<?xml?>\n<svg a=\"1\">\n<g/></svg>", "en-GB", "A & B", "<x> \"y\"") ==
        "<?xml?>\n<svg a=\"1\" role=\"img\" aria-labelledby=\"figure-title figure-desc\" xml:lang=\"en-GB\">\n"
        "<title id=\"figure-title\">A &amp; B</title>\n<desc id=\"figure-desc\">&lt;x&gt; &quot;y&quot;</desc>\n"
        "<g/></svg>");
  CHECK_THROWS(exports::AccessibleSvg("no svg here", "en", "", ""));
}

TEST_CASE("exports: nothing in the Danish exports is English, and nothing in the English ones Danish") {
  const std::set<std::string> allowed = {"Apps"};  // the same word in both languages
  for (const auto& [id, spec] : testing::Edition2021().figures) {
    INFO(id);
    const std::set<std::string> danish = Texts(Export(id, "da"));
    const std::set<std::string> english = Texts(Export(id, "en"));
    for (const std::string& text : danish) {
      if (text.empty() || IsNumber(text) || allowed.count(text)) continue;
      INFO(text);
      CHECK_FALSE(english.count(text));
    }
    for (const std::string& text : english) {
      INFO(text);
      for (const char* letter : {"æ", "ø", "å", "Æ", "Ø", "Å"}) CHECK(text.find(letter) == std::string::npos);
    }
  }
}
