// Shared by the figures and exports tests: the 2021 edition loaded once, and one font set, hyphenator and shaper
// per language (Pango set-up is the slow part; the tests run on one thread).
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "base/file_system.h"
#include "base/number_style.h"
#include "figures/chart.h"
#include "model/load.h"
#include "profiles.h"
#include "text/fonts.h"
#include "text/hyphenator.h"

// Failed comparisons of diagnostic lists print the lists.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const std::string& line : lines) out += "\n  \"" + line + "\"";
    return (out + "\n}").c_str();
  }
};
}  // namespace doctest

namespace barometer::testing {

struct LanguageTools {
  std::unique_ptr<text::FontSet> fonts;
  std::unique_ptr<text::Hyphenator> hyphenator;
  std::unique_ptr<text::Shaper> shaper;
  const model::LanguageProfile* profile = nullptr;

  figures::ChartContext Context(const model::Template& design) {
    return figures::ChartContext{&design, &profile->numbers, shaper.get(), profile};
  }
};

inline LanguageTools& Tools(const std::string& language) {
  static std::map<std::string, std::unique_ptr<LanguageTools>> tools;
  auto& slot = tools[language];
  if (!slot) {
    slot = std::make_unique<LanguageTools>();
    slot->profile = &Profile(language);
    slot->fonts = std::make_unique<text::FontSet>(BAROMETER_SOURCE_DIR "/fonts", slot->profile->tag);
    slot->hyphenator = std::make_unique<text::Hyphenator>(*slot->profile);
    slot->shaper = std::make_unique<text::Shaper>(*slot->fonts, *slot->hyphenator);
  }
  return *slot;
}

/// The 2021 edition; the test fails if it does not load cleanly.
inline const model::Edition& Edition2021() {
  static const model::Edition edition = [] {
    base::RealFileSystem fs;
    base::Diagnostics diags;
    model::LoadOptions options{BAROMETER_SOURCE_DIR "/content/2021", BAROMETER_SOURCE_DIR "/templates", {}};
    std::optional<model::Edition> loaded = model::LoadEdition(fs, options, diags);
    REQUIRE(loaded.has_value());
    REQUIRE_FALSE(diags.HasErrors());
    return *loaded;
  }();
  return edition;
}

inline const model::LanguageEdition& Language(const model::Edition& edition, const std::string& code) {
  for (const model::LanguageEdition& language : edition.languages) {
    if (language.code == code) return language;
  }
  FAIL("no language " << code);
  throw;
}

/// The width the build gives a spec: the page for `width: page`, else one column of the body master.
inline double WidthOf(const model::Edition& edition, const model::FigureSpec& spec) {
  return spec.page_width ? edition.design.ContentWidth()
                         : edition.design.ColumnWidth(edition.design.masters.at("body").columns);
}

inline figures::Chart Build2021(const std::string& id, const std::string& language, base::Diagnostics& diags) {
  const model::Edition& edition = Edition2021();
  const model::FigureSpec& spec = edition.figures.at(id);
  const model::Table* table = spec.table.empty() ? nullptr : &edition.tables.at(spec.table);
  LanguageTools& tools = Tools(language);
  return figures::BuildChart(spec, table, Language(edition, language).figures.at(id), WidthOf(edition, spec),
                             tools.Context(edition.design), diags);
}

/// The bounding box of a shape's path (arcs by their end points and centre-radius extremes are not needed here:
/// only straight-edged shapes are measured with it).
inline figures::Box PathBox(const figures::Shape& shape) {
  figures::Box box{1e9, 1e9, -1e9, -1e9};
  for (const figures::PathOp& op : shape.path) {
    if (op.kind != figures::PathOp::kMoveTo && op.kind != figures::PathOp::kLineTo) continue;
    box.x0 = std::min(box.x0, op.x);
    box.y0 = std::min(box.y0, op.y);
    box.x1 = std::max(box.x1, op.x);
    box.y1 = std::max(box.y1, op.y);
  }
  return box;
}

/// A label's text, lines joined with spaces.
inline std::string LabelText(const figures::Label& label) {
  std::string out;
  for (int i = 0; i < label.text->line_count(); ++i) {
    std::string line = label.text->LineText(i);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += (i ? " " : "") + line;
  }
  return out;
}

/// "file:line:col: error: message" for every diagnostic, sorted as the sink sorts them.
inline std::vector<std::string> Lines(const base::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diags.Sorted()) {
    std::string line = d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                       (d.severity == base::Severity::kError ? "error" : "warning") + ": " + d.message;
    for (const std::string& hint : d.hints) line += " [hint: " + hint + "]";
    out.push_back(line);
  }
  return out;
}

/// The shapes of one role, in drawing order.
inline std::vector<const figures::Shape*> Marks(const figures::Chart& chart, const std::string& role) {
  std::vector<const figures::Shape*> out;
  for (const figures::Shape& shape : chart.shapes) {
    if (shape.role == role) out.push_back(&shape);
  }
  return out;
}

/// Every mark's extent divided by its value is the same number (the chart's scale). Returns it.
inline double CommonScale(const std::vector<double>& extents, const std::vector<double>& values) {
  REQUIRE(extents.size() == values.size());
  REQUIRE_FALSE(extents.empty());
  double scale = extents[0] / values[0];
  for (size_t i = 0; i < extents.size(); ++i) {
    INFO("mark " << i << " value " << values[i]);
    CHECK(extents[i] == doctest::Approx(values[i] * scale).epsilon(1e-9));
  }
  return scale;
}

/// The i-th chart_palette colour.
inline const model::Rgb& Palette(size_t i) {
  const model::Template& design = Edition2021().design;
  return design.palette.at(design.chart_palette.at(i));
}

/// The texts of the labels of one role, in order.
inline std::vector<std::string> LabelsWithRole(const figures::Chart& chart, const std::string& role) {
  std::vector<std::string> out;
  for (const figures::Label& label : chart.labels) {
    if (label.role == role) out.push_back(LabelText(label));
  }
  return out;
}

}  // namespace barometer::testing
