// Pins the Excel appendix: sheet-name rules, byte-identical builds, diagnostics for missing words, and (through
// tests/appendix/read_workbook.py and Debian's openpyxl) what a reader finds in the real 2021 workbooks.
#include "appendix/workbook.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "appendix/sheet_name.h"
#include "base/diagnostic_printer.h"
#include "model/load.h"

namespace barometer::appendix {
namespace {

const char* const kContent = BAROMETER_SOURCE_DIR "/content/2021";
const char* const kTemplates = BAROMETER_SOURCE_DIR "/templates";

model::Edition LoadReal() {
  base::RealFileSystem fs;
  base::Diagnostics diags;
  std::optional<model::Edition> edition = model::LoadEdition(fs, {kContent, kTemplates, {}}, diags);
  REQUIRE(edition.has_value());
  INFO(base::FormatDiagnostics(diags, fs));
  REQUIRE(diags.Sorted().empty());
  return *edition;
}

const model::LanguageEdition& Language(const model::Edition& edition, const std::string& code) {
  for (const model::LanguageEdition& language : edition.languages) {
    if (language.code == code) return language;
  }
  FAIL("no language " << code);
  throw std::logic_error("unreachable");
}

/// A fresh folder under the system's temporary folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "barometer-appendix-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

// --- the expectations the Python reader checks, written from the model (not from the workbook code) ----------

std::string Json(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Json(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}

template <typename T, typename F>
std::string JsonList(const std::vector<T>& items, F each) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + each(items[i]);
  return out + "]";
}

/// The chart the issue asks for, per figure kind: "doughnut", "<barDir>/<grouping>", or "" for none.
std::string ExpectedChart(model::ChartKind kind) {
  switch (kind) {
    case model::ChartKind::kDonut:
      return "doughnut";
    case model::ChartKind::kStackedBar:
      return "bar/percentStacked";
    case model::ChartKind::kGroupedColumns:
      return "col/clustered";
    case model::ChartKind::kZones:
      return "";
    default:
      return "bar/clustered";
  }
}

/// The name a sheet should get for the name a label asks for (identity for labels Excel accepts as they are).
using SheetNameFor = std::function<std::string(const std::string&)>;

std::string Expectations(
    const model::Edition& edition, const model::LanguageEdition& language,
    const SheetNameFor& sheet_name = [](const std::string& wanted) { return wanted; }) {
  auto label = [&](const std::string& key) { return language.labels.at(key); };
  std::vector<const model::FigureSpec*> specs;
  for (const auto& [id, spec] : edition.figures) specs.push_back(&spec);
  std::sort(specs.begin(), specs.end(), [](auto* a, auto* b) { return a->number < b->number; });

  std::string figures;
  for (const model::FigureSpec* spec : specs) {
    const model::FigureText& text = language.figures.at(spec->id);
    auto figure_label = [&](const std::string& id) { return Json(text.labels.at(id)); };
    std::ostringstream f;
    f << "{\"number\": " << spec->number
      << ", \"sheet\": " << Json(sheet_name(label("appendix-figure") + " " + std::to_string(spec->number)))
      << ", \"title\": " << Json(text.title) << ", \"question\": " << Json(text.question)
      << ", \"population\": " << Json(text.population) << ", \"note\": " << Json(text.note)
      << ", \"chart\": " << Json(ExpectedChart(spec->kind));
    if (spec->kind == model::ChartKind::kZones) {
      f << ", \"zones\": " << JsonList(spec->zone_order, [&](const std::string& zone) {
        return "{\"label\": " + figure_label(zone) + ", \"items\": " + JsonList(spec->zones.at(zone), figure_label) +
               "}";
      });
    } else {
      const model::Table& table = edition.tables.at(spec->table);
      auto values = [&](const std::string& category) {
        return JsonList(spec->series, [&](const std::string& series) {
          return Json(table.Find(spec->indicator, series, category)->value / 100.0);
        });
      };
      f << ", \"base_n\": " << spec->base_n << ", \"series\": " << JsonList(spec->series, figure_label)
        << ", \"categories\": " << JsonList(spec->categories, figure_label)
        << ", \"values\": " << JsonList(spec->categories, values) << ", \"n\": "
        << JsonList(spec->categories,
                    [&](const std::string& category) {
                      return JsonList(spec->series, [&](const std::string& series) {
                        return std::to_string(table.Find(spec->indicator, series, category)->n);
                      });
                    })
        << ", \"excluded\": "
        << JsonList(spec->excluded,
                    [&](const std::string& category) {
                      return "{\"label\": " + figure_label(category) + ", \"values\": " + values(category) + "}";
                    })
        << ", \"significant\": " << JsonList(spec->significant, figure_label) << ", \"table_values\": "
        << JsonList(table.rows, [](const model::TableRow& row) { return Json(row.value / 100.0); });
    }
    f << "}";
    figures += (figures.empty() ? "" : ",\n  ") + f.str();
  }

  std::string keywords;
  for (const std::string& keyword : language.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  std::ostringstream out;
  out << "{\"language\": " << Json(language.code) << ", \"locale\": " << Json(language.locale)
      << ", \"forbid_danish_letters\": " << (language.code == "en" ? "true" : "false")
      << ", \"title\": " << Json(language.title) << ", \"publisher\": " << Json(language.publisher)
      << ", \"keywords\": " << Json(keywords) << ", \"created\": " << Json(edition.publication_date.IsoTimestamp())
      << ", \"date\": [" << edition.publication_date.year << ", " << edition.publication_date.month << ", "
      << edition.publication_date.day << "], \"contents_sheet\": " << Json(sheet_name(label("appendix-contents")))
      << ", \"source\": " << Json(label("source")) << ", \"category_header\": " << Json(label("appendix-category"))
      << ", \"n_label\": " << Json(label("appendix-n")) << ", \"figures\": [\n  " << figures << "]}\n";
  return out.str();
}

/// Runs the openpyxl reader on one workbook; returns its exit status and puts its output in `output`.
int ReadWithOpenpyxl(const std::string& xlsx, const std::string& expectations, std::string* output) {
  const std::string command = "/usr/bin/python3 '" BAROMETER_SOURCE_DIR "/tests/appendix/read_workbook.py' '" + xlsx +
                              "' '" + expectations + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output->append(buffer.data(), got);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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

TEST_CASE("appendix workbooks are byte-identical between builds, also when built on two threads") {
  const model::Edition edition = LoadReal();
  for (const char* code : {"da", "en"}) {
    base::Diagnostics diags;
    const std::string first = BuildWorkbook(edition, Language(edition, code), diags);
    const std::string second = BuildWorkbook(edition, Language(edition, code), diags);
    CHECK(diags.Sorted().empty());
    REQUIRE(first.size() > 1000);
    CHECK(first.compare(0, 2, "PK") == 0);
    CHECK(first == second);
  }

  base::Diagnostics diags;
  std::string da, en;
  std::thread other([&] { da = BuildWorkbook(edition, Language(edition, "da"), diags); });
  en = BuildWorkbook(edition, Language(edition, "en"), diags);
  other.join();
  CHECK(da == BuildWorkbook(edition, Language(edition, "da"), diags));
  CHECK(en == BuildWorkbook(edition, Language(edition, "en"), diags));
  CHECK(da != en);
}

TEST_CASE("appendix workbooks read back with openpyxl: values, names, links, charts, properties") {
  const model::Edition edition = LoadReal();
  TempDir dir;
  for (const char* code : {"da", "en"}) {
    CAPTURE(code);
    const model::LanguageEdition& language = Language(edition, code);
    base::Diagnostics diags;
    const std::string xlsx = dir.File(std::string("innovation-barometer-2021-appendix-") + code + ".xlsx");
    const std::string expectations = dir.File(std::string("expected-") + code + ".json");
    WriteBytes(xlsx, BuildWorkbook(edition, language, diags));
    WriteBytes(expectations, Expectations(edition, language));
    CHECK(diags.Sorted().empty());

    std::string output;
    const int status = ReadWithOpenpyxl(xlsx, expectations, &output);
    INFO(output);
    CHECK(status == 0);
    CHECK(output.find("ok: ") != std::string::npos);
  }
}

TEST_CASE("appendix reports a missing word and still writes a workbook") {
  model::Edition edition = LoadReal();
  model::LanguageEdition language = Language(edition, "en");
  language.labels.erase("appendix-excluded");
  language.figures.at("fig04").labels.erase("efficiency");
  base::Diagnostics diags;
  const std::string bytes = BuildWorkbook(edition, language, diags);
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

TEST_CASE("appendix handles awkward labels, a known month and n that varies within a series") {
  const model::Edition real = LoadReal();
  model::Edition edition;
  edition.id = "test-edition";
  edition.year = 2020;
  edition.publication_date = {2020, 5, 0};
  edition.publisher = "Publisher";

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
  table.rows = {row("share", "x", "a", 12.5, 40),  row("share", "y", "a", 20, 59), row("share", "x", "b", 33, 38),
                row("share", "y", "b", 41, 59),    row("share", "x", "dk", 7, 40), row("share", "y", "dk", 0, 59),
                row("total", "x", "sum", 45.5, 40)};
  edition.tables["t1"] = table;

  model::LanguageEdition language = Language(real, "en");
  language.sections.clear();
  language.labels["appendix-figure"] = "Fig/ure: [data]";
  language.labels["appendix-contents"] = "'Contents'";
  model::FigureText text;
  text.title = "A title that is = long enough to wrap in the chart title and on the contents sheet, or nearly";
  text.labels = {{"a", "Alpha"}, {"b", "Beta"}, {"x", "Ex"}, {"y", "Why"}, {"dk", "Don't know"}, {"sum", "Sum"}};
  text.question = "Q?";
  text.population = "Everyone";
  text.note = "A note.";
  language.figures = {{"f1", text}};
  edition.languages = {language};

  base::Diagnostics diags;
  const std::string bytes = BuildWorkbook(edition, language, diags);
  CHECK(diags.Sorted().empty());

  TempDir dir;
  WriteBytes(dir.File("synthetic.xlsx"), bytes);
  WriteBytes(dir.File("synthetic.json"), Expectations(edition, language, [](const std::string& wanted) {
               if (wanted == "Fig/ure: [data] 1") return std::string("Fig ure data 1");
               if (wanted == "'Contents'") return std::string("Contents");
               return wanted;
             }));
  std::string output;
  const int status = ReadWithOpenpyxl(dir.File("synthetic.xlsx"), dir.File("synthetic.json"), &output);
  INFO(output);
  CHECK(status == 0);
}

}  // namespace barometer::appendix
