// Pins the Excel appendix: sheet-name rules, byte-identical builds, diagnostics for missing words, and what a
// reader finds in the real 2021 workbooks: read back with Debian's openpyxl (tests/appendix/read_workbook.py,
// against the Analysis Function's spreadsheet guidance), opened by LibreOffice, and one chart sheet rendered.
#include "appendix/workbook.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "../figures/figures_fixture.h"
#include "appendix/native_chart.h"
#include "appendix/plan.h"
#include "appendix/sheet_name.h"
#include "base/diagnostic_printer.h"
#include "base/number_style.h"
#include "shell.h"

namespace barometer::appendix {
namespace {

using nlohmann::json;
using testing::Edition2021;
using testing::Language;
using testing::Shell;

/// A fresh folder under the system's temporary folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "barometer-appendix-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

/// The language's charts as the build draws them (their colours go into the workbook).
const DrawnCharts& Charts(const std::string& code) {
  static std::map<std::string, DrawnCharts> charts;
  auto it = charts.find(code);
  if (it == charts.end()) {
    base::Diagnostics diags;
    const model::Edition& edition = Edition2021();
    it = charts.emplace(code, figures::BuildCharts(edition, Language(edition, code),
                                                   testing::Tools(code).Context(edition.design), diags))
             .first;
    REQUIRE_FALSE(diags.HasErrors());
  }
  return it->second;
}

std::string Build(const model::Edition& edition, const std::string& code, base::Diagnostics& diags) {
  return BuildWorkbook(edition, Language(edition, code), Charts(code), diags);
}

// --- the expectations the Python reader checks, written from the model (not from the workbook code) ----------

/// The chart the figure kind asks for: "doughnut", "<barDir>/<grouping>", or "" for none.
std::string ExpectedChart(model::ChartKind kind) {
  switch (kind) {
    case model::ChartKind::kDonut:
      return "doughnut";
    case model::ChartKind::kGroupedColumns:
      return "col/clustered";
    case model::ChartKind::kZones:
      return "";
    default:
      return "bar/clustered";
  }
}

std::string Hex(const model::Rgb& c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02X%02X%02X", static_cast<int>(std::lround(c.r * 255)),
                static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
  return buffer;
}

/// The name a sheet should get for the name a label asks for (identity for labels Excel accepts as they are).
using SheetNameFor = std::function<std::string(const std::string&)>;

json Expectations(
    const model::Edition& edition, const model::LanguageEdition& language,
    const SheetNameFor& sheet_name = [](const std::string& wanted) { return wanted; }) {
  auto label = [&](const std::string& key) { return language.labels.at(key); };
  const base::NumberStyle& numbers = language.profile.numbers;
  std::vector<const model::FigureSpec*> specs;
  for (const auto& [id, spec] : edition.figures) specs.push_back(&spec);
  std::sort(specs.begin(), specs.end(), [](auto* a, auto* b) { return a->number < b->number; });

  json figures = json::array();
  for (const model::FigureSpec* spec : specs) {
    const model::FigureText& text = language.figures.at(spec->id);
    auto figure_label = [&](const std::string& id) { return text.labels.at(id); };
    auto labels = [&](const std::vector<std::string>& ids) {
      json out = json::array();
      for (const std::string& id : ids) out.push_back(figure_label(id));
      return out;
    };
    const std::string figure = label("appendix-figure") + " " + std::to_string(spec->number);
    json f = {{"number", spec->number},         {"sheet", sheet_name(figure)},
              {"title", text.title},            {"question", text.question},
              {"population", text.population},  {"note", text.note},
              {"chart", ExpectedChart(spec->kind)}, {"chart_sheet", ""},
              {"excluded_sheet", ""},           {"further_sheet", ""}};
    if (spec->kind == model::ChartKind::kZones) {
      json zones = json::array();
      for (const std::string& zone : spec->zone_order) {
        zones.push_back({{"label", figure_label(zone)}, {"items", labels(spec->zones.at(zone))}});
      }
      f["zones"] = zones;
      figures.push_back(f);
      continue;
    }
    const model::Table& table = edition.tables.at(spec->table);
    const bool series_down = spec->categories.size() == 1 && spec->series.size() > 1;
    const auto& down = series_down ? spec->series : spec->categories;
    const auto& across = series_down ? spec->categories : spec->series;
    auto row_of = [&](const std::string& d, const std::string& a) {
      return series_down ? table.Find(spec->indicator, d, a) : table.Find(spec->indicator, a, d);
    };
    json values = json::array(), n = json::array(), value_texts = json::array();
    bool counts_vary = false;
    int decimals = 0;
    for (const model::TableRow& row : table.rows) {
      if (std::fabs(row.value - std::round(row.value)) > 1e-9) decimals = 1;
    }
    for (const std::string& d : down) {
      json row_values = json::array(), row_n = json::array();
      for (const std::string& a : across) {
        const model::TableRow* row = row_of(d, a);
        row_values.push_back(row->value / 100.0);
        row_n.push_back(row->n);
        counts_vary |= row->n != spec->base_n;
        value_texts.push_back(numbers.Percent(row->value, decimals));
      }
      values.push_back(row_values);
      n.push_back(row_n);
    }
    json excluded = json::array();
    for (const std::string& category : spec->excluded) {
      json row_values = json::array();
      for (const std::string& series : spec->series) {
        row_values.push_back(table.Find(spec->indicator, series, category)->value / 100.0);
      }
      excluded.push_back({{"label", figure_label(category)}, {"values", row_values}});
    }
    bool further = false;
    json table_values = json::array();
    for (const model::TableRow& row : table.rows) {
      table_values.push_back(row.value / 100.0);
      const auto& drawn = spec->categories;
      const bool placed = row.indicator == spec->indicator &&
                          std::count(spec->series.begin(), spec->series.end(), row.series) &&
                          (std::count(drawn.begin(), drawn.end(), row.category) ||
                           std::count(spec->excluded.begin(), spec->excluded.end(), row.category));
      further |= !placed;
    }
    f["chart_sheet"] = sheet_name(figure + " " + label("appendix-sheet-chart"));
    if (!spec->excluded.empty()) f["excluded_sheet"] = sheet_name(figure + " " + label("appendix-sheet-excluded"));
    if (further) f["further_sheet"] = sheet_name(figure + " " + label("appendix-sheet-further"));
    f["series_down"] = series_down;
    f["series"] = labels(spec->series);
    f["categories"] = labels(spec->categories);
    f["values"] = values;
    f["n"] = n;
    f["counts_vary"] = counts_vary;
    f["base_n_text"] = numbers.Format(spec->base_n);
    f["excluded"] = excluded;
    f["table_values"] = table_values;
    f["significant"] = labels(spec->significant);
    f["value_texts"] = value_texts;
    figures.push_back(f);
  }

  json palette = json::array();
  for (const auto& [name, colour] : edition.design.palette) palette.push_back(Hex(colour));
  std::string keywords;
  for (const std::string& keyword : language.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  const model::Date& date = edition.publication_date;
  return {{"language", language.code},
          {"locale", language.locale},
          {"title", language.title},
          {"publisher", language.publisher},
          {"keywords", keywords},
          {"created", date.IsoTimestamp()},
          {"date", {date.year, date.month, date.day}},
          {"date_format", date.month == 0 ? "yyyy" : date.day == 0 ? "yyyy-mm" : "yyyy-mm-dd"},
          {"web", edition.web},
          {"isbn", language.isbn},
          {"about", label("appendix-about")},
          {"source", label("source")},
          {"cover_sheet", sheet_name(label("appendix-cover"))},
          {"contents_sheet", sheet_name(label("appendix-contents"))},
          {"notes_sheet", sheet_name(label("appendix-notes-title"))},
          {"note_word", label("appendix-note-ref")},
          {"figure_word", label("appendix-figure")},
          {"unit", label("appendix-percent-unit")},
          {"n_label", label("appendix-n")},
          {"palette", palette},
          {"figures", figures}};
}

/// Runs the openpyxl reader with `arguments`; returns its exit status and puts its output in `output`.
int ReadWithOpenpyxl(const std::string& arguments, std::string* output) {
  testing::Run run = Shell("/usr/bin/python3 '" BAROMETER_SOURCE_DIR "/tests/appendix/read_workbook.py' " + arguments);
  *output = run.out;
  return run.status;
}

int CheckWorkbook(const std::string& xlsx, const json& expectations, std::string* output) {
  const std::string expected = xlsx + ".json";
  WriteBytes(expected, expectations.dump(1));
  return ReadWithOpenpyxl("'" + xlsx + "' '" + expected + "'", output);
}

/// The real workbooks of both languages, written once into a folder for the tests that read them.
const TempDir& RealWorkbooks() {
  static TempDir dir;
  static bool written = false;
  if (!written) {
    const model::Edition& edition = Edition2021();
    for (const char* code : {"da", "en"}) {
      base::Diagnostics diags;
      WriteBytes(dir.File(std::string("appendix-") + code + ".xlsx"), Build(edition, code, diags));
      REQUIRE_FALSE(diags.HasErrors());
    }
    written = true;
  }
  return dir;
}

/// A binary PPM (P6) image, as pdftoppm writes it.
struct Pixels {
  int width = 0, height = 0;
  std::string rgb;
};

Pixels ReadPpm(const std::string& bytes) {
  Pixels image;
  std::istringstream in(bytes);
  std::string magic;
  int max = 0;
  in >> magic >> image.width >> image.height >> max;
  in.get();
  REQUIRE(magic == "P6");
  REQUIRE(max == 255);
  image.rgb = bytes.substr(static_cast<size_t>(in.tellg()));
  REQUIRE(image.rgb.size() == static_cast<size_t>(image.width) * image.height * 3);
  return image;
}

}  // namespace

TEST_CASE("appendix sheet names obey Excel's rules") {
  SheetNames names;
  CHECK(names.Make("Figure 4") == "Figure 4");
  CHECK(names.Make("figure 4") == "figure 4 (2)");  // Excel compares names without case
  CHECK(names.Make("Figure 4") == "Figure 4 (3)");
  CHECK(names.Make("Tal: [a/b]*?\\") == "Tal a b");
  CHECK(names.Make("'Quoted'") == "Quoted");
  CHECK(names.Make("  ") == "Sheet");
  CHECK(names.Make("History", "Log") == "Log");
  CHECK(names.Make("Ærø") == "Ærø");
  CHECK(names.Make("ærø") == "ærø (2)");  // folding covers Danish capitals too
  // 31 UTF-16 units, counted in characters, not bytes, and never cut inside a character.
  const std::string long_danish = "Økonomiske forhold på arbejdspladserne i 2021";
  const std::string cut = names.Make(long_danish);
  CHECK(cut == "Økonomiske forhold på arbejdspl");
  CHECK(SheetNames::IsValid(cut));
  CHECK(names.Make(long_danish) == "Økonomiske forhold på arbej (2)");
  CHECK(names.Make(std::string(30, 'a') + " b") == std::string(30, 'a'));  // no space left at the cut
  CHECK(SheetNames::IsValid("Figur 10"));
  CHECK_FALSE(SheetNames::IsValid(""));
  CHECK_FALSE(SheetNames::IsValid("a:b"));
  CHECK_FALSE(SheetNames::IsValid("'a"));
  CHECK_FALSE(SheetNames::IsValid(std::string(32, 'x')));
  CHECK(SheetNames::Quoted("Bob's data") == "'Bob''s data'");
}

TEST_CASE("appendix table names are valid Excel names, unique in the workbook") {
  std::set<std::string> taken;
  CHECK(TableName("Figure 1", &taken) == "Figure_1");
  CHECK(TableName("Figure 1", &taken) == "Figure_1_2");
  CHECK(TableName("Figur 1 øvrige tal", &taken) == "Figur_1_øvrige_tal");
  CHECK(TableName("1 (two)", &taken) == "T_1_two");  // a name starts with a letter
  CHECK(TableName("'", &taken) == "T_");
  CHECK(CellRef("Bob's data", 11, 27) == "'Bob''s data'!$AB$12");
}

TEST_CASE("appendix workbooks are byte-identical between builds, also when built on two threads") {
  const model::Edition& edition = Edition2021();
  for (const char* code : {"da", "en"}) {
    base::Diagnostics diags;
    const std::string first = Build(edition, code, diags);
    const std::string second = Build(edition, code, diags);
    CHECK(diags.Sorted().empty());
    REQUIRE(first.size() > 1000);
    CHECK(first.compare(0, 2, "PK") == 0);
    CHECK(first == second);
  }

  base::Diagnostics diags;
  Charts("da");
  Charts("en");
  std::string da, en;
  std::thread other([&] { da = Build(edition, "da", diags); });
  en = Build(edition, "en", diags);
  other.join();
  CHECK(da == Build(edition, "da", diags));
  CHECK(en == Build(edition, "en", diags));
  CHECK(da != en);
}

TEST_CASE("appendix workbooks follow the spreadsheet guidance, read back with openpyxl") {
  const model::Edition& edition = Edition2021();
  for (const char* code : {"da", "en"}) {
    CAPTURE(code);
    std::string output;
    const int status = CheckWorkbook(RealWorkbooks().File(std::string("appendix-") + code + ".xlsx"),
                                     Expectations(edition, Language(edition, code)), &output);
    INFO(output);
    CHECK(status == 0);
    CHECK(output.find("ok: ") != std::string::npos);
  }
}

TEST_CASE("appendix: nothing in the Danish workbook is in English, and nothing in the English one in Danish") {
  // Strings the two languages share: a loanword label, the note and [x] markers, web addresses and numbers.
  const json allowed = {{"strings", {"Apps", "[x]"}},
                        {"patterns", {R"(\[note \d+\])", R"(https?://\S+)", R"([\d\s.,%-]+)"}},
                        {"no_danish_letters", "appendix-en.xlsx"}};
  const TempDir& dir = RealWorkbooks();
  WriteBytes(dir.File("allowed.json"), allowed.dump());
  std::string output;
  const int status = ReadWithOpenpyxl("--languages '" + dir.File("appendix-da.xlsx") + "' '" +
                                          dir.File("appendix-en.xlsx") + "' '" + dir.File("allowed.json") + "'",
                                      &output);
  INFO(output);
  CHECK(status == 0);

  // The check can fail: a Danish label left untranslated in the English workbook is found.
  model::Edition edition = Edition2021();
  model::LanguageEdition english = Language(edition, "en");
  english.figures.at("fig08").labels.at("citizens") = Language(edition, "da").figures.at("fig08").labels.at("citizens");
  base::Diagnostics diags;
  WriteBytes(dir.File("untranslated-en.xlsx"), BuildWorkbook(edition, english, Charts("en"), diags));
  const int leaked = ReadWithOpenpyxl("--languages '" + dir.File("appendix-da.xlsx") + "' '" +
                                          dir.File("untranslated-en.xlsx") + "' '" + dir.File("allowed.json") + "'",
                                      &output);
  CHECK(leaked == 1);
  CHECK(output.find("Borgere") != std::string::npos);
}

TEST_CASE("appendix workbooks open in LibreOffice, and a chart sheet renders in the publication's colours") {
  const TempDir& dir = RealWorkbooks();
  TempDir profile;  // LibreOffice's own settings, away from any other instance on the machine
  for (const char* code : {"da", "en"}) {
    CAPTURE(code);
    const std::string xlsx = dir.File(std::string("appendix-") + code + ".xlsx");
    testing::Run convert = Shell("soffice -env:UserInstallation=file://" + profile.path() +
                                 " --headless --convert-to pdf --outdir '" + dir.path() + "' '" + xlsx + "'");
    INFO(convert.out);
    REQUIRE(convert.status == 0);
    const std::string pdf = dir.File(std::string("appendix-") + code + ".pdf");
    REQUIRE(std::filesystem::exists(pdf));
    testing::Run info = Shell("pdfinfo '" + pdf + "'");
    std::smatch pages;
    REQUIRE(std::regex_search(info.out, pages, std::regex("Pages:\\s+(\\d+)")));
    CHECK(std::stoi(pages[1]) >= 25);  // 16 table sheets (the notes take two pages) and 9 chart sheets
  }

  // Figure 8's chart sheet: the page whose text starts with the chart's title (its table sheet starts with
  // "Figure 8:"). Rendered, it must show both series colours of the figure, not a blank page.
  const model::Edition& edition = Edition2021();
  const std::string title = Language(edition, "en").figures.at("fig08").title;
  const std::string pdf = dir.File("appendix-en.pdf");
  int chart_page = 0;
  for (int page = 1; page <= 40 && chart_page == 0; ++page) {
    const std::string text = Shell("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                                   pdf + "' -")
                                 .out;
    if (text.rfind(title, 0) == 0) chart_page = page;
  }
  REQUIRE(chart_page > 0);
  const std::string stem = dir.File("chart");
  REQUIRE(Shell("pdftoppm -r 40 -f " + std::to_string(chart_page) + " -l " + std::to_string(chart_page) +
                " -singlefile '" + pdf + "' '" + stem + "'")
              .status == 0);
  const Pixels image = ReadPpm(testing::ReadFile(stem + ".ppm"));
  std::map<std::string, size_t> counts;
  size_t ink = 0;
  for (size_t i = 0; i + 2 < image.rgb.size(); i += 3) {
    const model::Rgb pixel{static_cast<unsigned char>(image.rgb[i]) / 255.0,
                             static_cast<unsigned char>(image.rgb[i + 1]) / 255.0,
                             static_cast<unsigned char>(image.rgb[i + 2]) / 255.0};
    ++counts[Hex(pixel)];
    ink += pixel.r + pixel.g + pixel.b < 2.9;
  }
  const size_t total = image.rgb.size() / 3;
  CHECK(ink > total / 50);  // not blank
  for (const char* series : {"series-1", "series-2"}) {
    CAPTURE(series);
    const std::string colour = Hex(edition.design.palette.at(series));
    CHECK(counts[colour] > total / 200);  // whole bars of the colour, not a stray pixel
  }
}

TEST_CASE("appendix reports a missing word and still writes a workbook") {
  model::Edition edition = Edition2021();
  model::LanguageEdition language = Language(edition, "en");
  language.labels.erase("appendix-excluded");
  language.figures.at("fig04").labels.erase("efficiency");
  base::Diagnostics diags;
  const std::string bytes = BuildWorkbook(edition, language, {}, diags);
  CHECK(bytes.compare(0, 2, "PK") == 0);

  base::MemoryFileSystem no_files;
  std::vector<std::string> messages;
  for (const base::Diagnostic& d : diags.Sorted()) messages.push_back(base::FormatDiagnostic(d, no_files));
  REQUIRE(messages.size() == 2);
  CHECK(messages[0] == BAROMETER_SOURCE_DIR
        "/content/2021/en/figures.yaml:86:1: error: figure 'fig04' has no label for 'efficiency' in language 'en'; "
        "the Excel appendix needs it\n");
  CHECK(messages[1] == BAROMETER_SOURCE_DIR
        "/content/2021/en/labels.yaml:2:1: error: label 'appendix-excluded' is missing; the Excel appendix needs it\n");
}

TEST_CASE("appendix handles awkward labels, a known month, n that varies within a series and missing values") {
  const model::Edition& real = Edition2021();
  model::Edition edition;
  edition.id = "test-edition";
  edition.year = 2020;
  edition.publication_date = {2020, 5, 0};
  edition.publisher = "Publisher";
  edition.web = "https://example.org/";
  edition.design = real.design;

  model::FigureSpec spec;
  spec.id = "f1";
  spec.number = 1;
  spec.kind = model::ChartKind::kPromoteHinder;
  spec.table = "t1";
  spec.indicator = "share";
  spec.categories = {"a", "b"};
  spec.series = {"x", "y"};
  spec.excluded = {"dk"};
  spec.base_n = 99;
  spec.significant = {"b"};
  edition.figures["f1"] = spec;

  model::Table table;
  table.name = "t1";
  auto row = [](const char* indicator, const char* series, const char* category, double value, int n) {
    model::TableRow r;
    r.indicator = indicator;
    r.series = series;
    r.category = category;
    r.value = value;
    r.n = n;
    return r;
  };
  table.rows = {row("share", "x", "a", 12.5, 40), row("share", "y", "a", 20, 59), row("share", "x", "b", 33, 38),
                row("share", "y", "b", 41, 59),   row("share", "x", "dk", 7, 40), row("share", "y", "dk", 0, 59),
                row("total", "x", "sum", 45.5, 40), row("total", "y", "other", 3, 59)};
  edition.tables["t1"] = table;

  model::LanguageEdition language = Language(real, "en");
  language.sections.clear();
  language.labels["appendix-figure"] = "Fig/ure: [data]";
  language.labels["appendix-contents"] = "'Contents'";
  model::FigureText text;
  text.title = "A title that is = long enough to wrap in the chart title and on the contents sheet, or nearly";
  text.labels = {{"a", "Alpha"}, {"b", "Beta"}, {"x", "Ex"},       {"y", "Why"},
                 {"dk", "Don't know"}, {"sum", "Sum"}, {"other", "Other"}};
  text.question = "Q?";
  text.population = "Everyone";
  text.note = "A note.";
  language.figures = {{"f1", text}};
  edition.languages = {language};

  base::Diagnostics diags;
  const std::string bytes = BuildWorkbook(edition, language, {}, diags);
  CHECK(diags.Sorted().empty());

  TempDir dir;
  WriteBytes(dir.File("synthetic.xlsx"), bytes);
  json expected = Expectations(edition, language, [](const std::string& wanted) {
    const std::string prefix = "Fig/ure: [data] ";
    if (wanted.rfind(prefix, 0) == 0) return "Fig ure data " + wanted.substr(prefix.size());
    if (wanted == "'Contents'") return std::string("Contents");
    return wanted;
  });
  expected["figure_word"] = "Fig/ure: [data]";
  CHECK(expected["figures"][0]["counts_vary"] == true);
  CHECK(expected["date_format"] == "yyyy-mm");
  std::string output;
  const int status = CheckWorkbook(dir.File("synthetic.xlsx"), expected, &output);
  INFO(output);
  CHECK(status == 0);
  // The table lacks "total / y / sum" and "total / x / other": both cells are "[x]", explained on the notes sheet.
  CHECK(output.find("[x]") == std::string::npos);
  const std::string shared = testing::Shell("unzip -p '" + dir.File("synthetic.xlsx") + "' xl/sharedStrings.xml").out;
  CHECK(shared.find("<t>[x]</t>") != std::string::npos);
  CHECK(shared.find("[x] = not available") != std::string::npos);
}

}  // namespace barometer::appendix
