// Charts: what a figure draws, as plain data: measured shapes and shaped labels in the chart's own coordinates
// (origin at the top left, y down, points), independent of the output surface. render::DrawChart draws the same
// Chart into the PDF and the SVG and PNG exports, and tests check its geometry and label boxes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/number_style.h"
#include "model/edition.h"
#include "text/paragraph.h"

namespace barometer::figures {

struct Point {
  double x = 0, y = 0;
};

/// A path made of straight segments and circular arcs.
struct PathOp {
  enum Kind { kMoveTo, kLineTo, kArc, kArcNegative, kClose } kind = kMoveTo;
  double x = 0, y = 0;                       ///< kMoveTo/kLineTo: the point; kArc*: the centre
  double radius = 0, angle0 = 0, angle1 = 0;  ///< kArc*: radians, as cairo_arc
};

struct Shape {
  std::vector<PathOp> path;
  bool filled = true;
  model::Rgb fill;
  double stroke_width = 0;  ///< 0: no stroke
  model::Rgb stroke;
  std::string role;  ///< "bar", "segment", "gridline", "axis", "zone", "legend-swatch", ...
  std::string category, series;  ///< the data point a mark stands for, empty for decoration
  double value = 0;               ///< the value a mark stands for
};

/// A label: a shaped paragraph placed with its top-left corner at (x, y).
struct Label {
  std::shared_ptr<const text::ShapedParagraph> text;
  double x = 0, y = 0;
  std::string role;  ///< "value", "category", "legend", "headline", "zone-title", ...

  double width() const { return text ? text->NaturalWidth() : 0; }
  double height() const { return text ? text->Height(text->line_count()) : 0; }
  /// The box the label's lines occupy (left edge of the widest line to its right edge).
  double left() const;
  double right() const;
};

/// One value drawn, as exported for auditors (CSV) and checked by tests.
struct DrawnValue {
  std::string category, series;
  std::string category_label, series_label;
  double value = 0;
  int n = 0;
  /// False for entries that place an item without a number (the zones diagram): exported with empty value and n.
  bool has_value = true;
};

struct Chart {
  std::string figure_id;
  double width = 0, height = 0;
  std::vector<Shape> shapes;  ///< drawn first, in order
  std::vector<Label> labels;  ///< drawn over the shapes
  std::vector<DrawnValue> values;
  std::string alt;  ///< alt text in the chart's language (generated from the data unless the spec overrides it)
};

/// Everything a chart needs from the language it is drawn in.
struct ChartContext {
  const model::Template* design = nullptr;
  const base::NumberStyle* numbers = nullptr;
  text::Shaper* shaper = nullptr;
  const model::LanguageProfile* profile = nullptr;  ///< quotation marks and the words of generated alt texts
};

/// Builds the chart of `spec` from its table at `width` points wide. Problems (a missing label, a category not in
/// the table, labels that cannot be placed without overlapping) are diagnostics; the chart is then incomplete.
/// `table` is null for kinds without a table (zones).
Chart BuildChart(const model::FigureSpec& spec, const model::Table* table, const model::FigureText& text,
                 double width, const ChartContext& context, base::Diagnostics& diags);

/// A label's box in chart coordinates: [left(), right()] x [y, y + height()].
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
Box LabelBox(const Label& label);

/// Builds every figure of an edition in one language, each at the width its spec asks for (a column of the
/// body master, or the page). Figures whose texts or table are missing are skipped: the checks report those.
std::map<std::string, std::shared_ptr<const Chart>> BuildCharts(const model::Edition& edition,
                                                               const model::LanguageEdition& language,
                                                               const ChartContext& context, base::Diagnostics& diags);

/// Index pairs (i < j) of labels whose boxes overlap by more than 0.01pt, in index order. Empty for a good chart.
std::vector<std::pair<size_t, size_t>> OverlappingLabels(const Chart& chart);

/// Indices of labels whose boxes leave the frame [0, width] x [0, height] by more than 0.01pt.
std::vector<size_t> LabelsOutsideFrame(const Chart& chart);

}  // namespace barometer::figures
