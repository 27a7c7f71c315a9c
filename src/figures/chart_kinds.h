// Private to figures/: the machinery shared by the chart kinds (words, data, colours, shaped labels, marks, the
// final frame and overlap check) and one builder function per model::ChartKind.
//
// Every kind lays its labels out so that they cannot collide for the data it was given; ChartBuilder::Finish
// verifies that (every label inside [0, width] x [0, height], no two label boxes overlapping) and reports what
// does not hold, so a new table with unexpected values gives a diagnostic instead of an unreadable figure.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "figures/chart.h"

namespace barometer::figures::internal {

using Text = std::shared_ptr<const text::ShapedParagraph>;

constexpr double kSwatch = 7.6;       ///< legend swatch side, the label size
constexpr double kSwatchGap = 4;      ///< swatch to its text
constexpr double kLegendGap = 14;     ///< between legend entries on a row
constexpr double kValueGap = 3;       ///< bar end to its value label

struct TextOptions {
  std::string style = "figure-label";        ///< a template style
  double width = 1000;                       ///< wrap width; widened to the longest word when needed
  model::Align align = model::Align::kLeft;
  std::optional<model::Rgb> colour;        ///< default: the style's colour
  std::string label_id;                      ///< the label key the text came from, for the diagnostic location
};

/// One entry of a vertical key: a swatch, a bold value and the category's label.
struct KeyEntry {
  std::string id;
  model::Rgb colour;
  double value = 0;
};

/// A value and what it stands for, for the alt text's largest and smallest.
struct AltEntry {
  std::string description;  ///< already quoted
  double value = 0;
};

/// A run of label text, bold when `strong`.
text::TextRun Run(std::string text, bool strong = false);

class ChartBuilder {
 public:
  /// REQUIRES: context.design, context.numbers and context.shaper are set.
  ChartBuilder(const model::FigureSpec& spec, const model::Table* table, const model::FigureText& words, double width,
               const ChartContext& context, base::Diagnostics& diags);

  const model::FigureSpec& spec() const { return spec_; }
  const model::Table* table() const { return table_; }
  double width() const { return width_; }
  Chart& chart() { return chart_; }
  base::Diagnostics& diags() { return diags_; }

  // Words.
  /// The label of a category, series or zone id in the chart's language. A missing label is reported once (at the
  /// figure's entry in <lang>/figures.yaml) and the id itself is used.
  std::string LabelOf(const std::string& id);
  /// A label in the language's quotation marks: “label” or »label«.
  std::string Quoted(const std::string& text) const;
  std::string QuotedLabel(const std::string& id) { return Quoted(LabelOf(id)); }
  /// "A, B and C" / "A, B og C" (the profile's phrase 'and').
  std::string JoinAnd(const std::vector<std::string>& items) const;
  /// A percentage in the language's style, with as many decimals as the chart's values need (at most 2).
  std::string Percent(double value) const;
  /// A phrase of the language's profile with its {placeholders} filled in.
  std::string Phrase(const std::string& key, const std::map<std::string, std::string>& values = {}) const {
    return context_.profile->Phrase(key, values);
  }
  /// "{prefix}; the largest value is V (D) and the smallest V (D)." in the chart's language; with `shares` the
  /// values are called shares ("andel" in Danish). Ties go to the first entry.
  std::string ExtremesSentence(const std::string& prefix, const std::vector<AltEntry>& entries, bool shares) const;
  /// Every value recorded so far, for a reader who cannot see the chart: by category when there is one series (or
  /// by series when one category), else per category each series' value, with `gaps` the difference of two series
  /// in points ("The values: “Quality”: “A” 68% and “B” 72% (a difference of 4 percentage points); …").
  std::string ValuesSentence(bool gaps) const;

  // Data.
  /// The table row for (spec indicator, series, category); a missing row is reported once, at the spec.
  const model::TableRow* Row(const std::string& series, const std::string& category);
  /// The row's value, 0 when the row is missing.
  double Value(const std::string& series, const std::string& category);
  /// The publication's own total of the highlighted categories: the one row of indicator "<indicator>-grouped" for
  /// `series`, or nullptr when the table has none (then no group total is shown: summing rounded parts can differ
  /// from the published total).
  const model::TableRow* GroupRow(const std::string& series) const;
  /// The one series a single-distribution kind draws; reports a spec with another number of series (and uses the
  /// first, or "").
  std::string OnlySeries(const char* kind);
  /// Records a drawn value for chart.values.
  void Record(const std::string& category, const std::string& series, double value);

  // Colours and styles.
  model::Rgb Colour(const std::string& palette_name) const;
  model::Rgb SeriesColour(size_t index) const;
  /// Dark text or white, whichever contrasts more with `fill`.
  model::Rgb InkOn(const model::Rgb& fill) const;
  const model::TextStyle& Style(const std::string& name) const;
  double Leading(const std::string& style = "figure-label") const { return Style(style).leading; }

  // Shaping and marks.
  Text ShapeText(const std::vector<text::TextRun>& runs, const TextOptions& options);
  Text ShapeText(const std::string& text, const TextOptions& options) { return ShapeText({Run(text)}, options); }
  Text ShapeValue(double value, std::optional<model::Rgb> colour = std::nullopt);
  Label& AddLabel(Text text, double x, double y, std::string role);
  void AddRect(double x, double y, double w, double h, const model::Rgb& fill, std::string role,
               const std::string& category = "", const std::string& series = "", double value = 0);
  void AddLine(double x0, double y0, double x1, double y1, double line_width, const model::Rgb& colour,
               std::string role);
  Shape& AddShape(std::vector<PathOp> path, const model::Rgb& fill, std::string role);

  /// A horizontal legend of series (swatch + label), flowing onto more rows when needed, starting at y.
  /// Returns its height.
  double AddLegend(const std::vector<std::string>& series_ids, double y);
  /// A vertical key, one entry a row: swatch, bold value, label wrapped to the chart width. Returns its height.
  double AddKey(const std::vector<KeyEntry>& entries, double y);

  /// Sets the height, verifies the labels (frame and overlaps) and returns the chart.
  Chart Finish(double height, std::string alt);

 private:
  const model::FigureSpec& spec_;
  const model::Table* table_;
  const model::FigureText& words_;
  double width_;
  const ChartContext& context_;
  base::Diagnostics& diags_;
  int decimals_ = 0;
  std::set<std::string> reported_;
  Chart chart_;
};

/// Mixes two colours: t = 0 gives a, t = 1 gives b.
model::Rgb Mix(const model::Rgb& a, const model::Rgb& b, double t);

// One function per kind. Each draws into the builder and returns the generated alt text.
std::string BuildDonut(ChartBuilder& b);
std::string BuildStackedBar(ChartBuilder& b);
std::string BuildGroupedColumns(ChartBuilder& b);
std::string BuildCitizenRoles(ChartBuilder& b);
std::string BuildPromoteHinder(ChartBuilder& b);
std::string BuildDiverging(ChartBuilder& b);
std::string BuildGroupedBars(ChartBuilder& b);
std::string BuildBars(ChartBuilder& b);
std::string BuildZones(ChartBuilder& b);

}  // namespace barometer::figures::internal
