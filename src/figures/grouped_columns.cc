// Grouped columns (Figure 4): per category a group of vertical columns, one per series, on one scale.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {

std::string BuildGroupedColumns(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  const double leading = b.Leading();
  double y = 0;
  if (spec.series.size() > 1) y += b.AddLegend(spec.series, 0) + 12;

  const size_t categories = std::max<size_t>(1, spec.categories.size());
  const size_t series = std::max<size_t>(1, spec.series.size());
  const double group_width = width / static_cast<double>(categories);
  const double gap = 2;
  const double column = std::min(26.0, (group_width * 0.72 - static_cast<double>(series - 1) * gap) /
                                           static_cast<double>(series));
  double vmax = 0;
  for (const std::string& s : spec.series) {
    for (const std::string& c : spec.categories) vmax = std::max(vmax, b.Value(s, c));
  }
  const double plot = width > 300 ? 130 : 110;
  const double k = plot / std::max(vmax, 1.0);
  const double base = y + leading + 2 + plot;
  std::vector<AltEntry> alt_entries;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    const std::string& category = spec.categories[i];
    const double centre = (static_cast<double>(i) + 0.5) * group_width;
    const double group = static_cast<double>(series) * column + static_cast<double>(series - 1) * gap;
    for (size_t j = 0; j < spec.series.size(); ++j) {
      const std::string& s = spec.series[j];
      double value = b.Value(s, category);
      double h = value * k;
      double x = centre - group / 2 + static_cast<double>(j) * (column + gap);
      b.AddRect(x, base - h, column, h, b.SeriesColour(j), "bar", category, s, value);
      b.Record(category, s, value);
      Text text = b.ShapeValue(value);
      b.AddLabel(text, x + column / 2 - text->NaturalWidth() / 2, base - h - leading - 1, "value");
      alt_entries.push_back(PairEntry(b, s, category, value));
    }
  }
  b.AddLine(0, base, width, base, 0.75, b.Colour("muted"), "axis");
  double label_height = 0;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    TextOptions options;
    options.width = group_width - 8;
    options.align = model::Align::kCenter;
    options.label_id = spec.categories[i];
    Text text = b.ShapeText(b.LabelOf(spec.categories[i]), options);
    b.AddLabel(text, (static_cast<double>(i) + 0.5) * group_width - options.width / 2, base + 5, "category");
    label_height = std::max(label_height, TextHeight(text));
  }
  b.chart().height = base + 5 + label_height + 2;
  return CompareSentence(b, "kind-columns", alt_entries);
}

}  // namespace barometer::figures::internal
