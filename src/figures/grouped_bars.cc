// Grouped horizontal bars (Figure 8): per category one bar per series, on one scale.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {

std::string BuildGroupedBars(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  const double leading = b.Leading();
  double y = 0;
  if (spec.series.size() > 1) y += b.AddLegend(spec.series, 0) + 10;

  const double bar_height = 9, gap = 1.5;
  const double label_column = LabelColumn(b, spec.categories, std::min(180.0, width * 0.36));
  std::vector<double> all;
  for (const std::string& c : spec.categories) {
    for (const std::string& s : spec.series) all.push_back(b.Value(s, c));
  }
  const double vmax = all.empty() ? 1 : std::max(1.0, *std::max_element(all.begin(), all.end()));
  const double x0 = label_column + 10;
  const double k = (width - x0 - WidestValue(b, all) - kValueGap - 1) / vmax;
  const double ns = static_cast<double>(spec.series.size());
  const double group = ns * bar_height + std::max(0.0, ns - 1) * gap;
  const double top = y;
  std::vector<AltEntry> alt_entries;
  for (const std::string& category : spec.categories) {
    double row = CategoryRow(b, category, label_column, y, group);
    double by = y + (row - group) / 2;
    for (size_t j = 0; j < spec.series.size(); ++j) {
      const std::string& s = spec.series[j];
      double value = b.Value(s, category);
      b.AddRect(x0, by, value * k, bar_height, b.SeriesColour(j), "bar", category, s, value);
      b.Record(category, s, value);
      Text vt = b.ShapeValue(value);
      b.AddLabel(vt, x0 + value * k + kValueGap, by + bar_height / 2 - leading / 2, "value");
      alt_entries.push_back(PairEntry(b, s, category, value));
      by += bar_height + gap;
    }
    y += row + 7;
  }
  b.AddLine(x0, top - 2, x0, y - 5, 0.75, b.Colour("muted"), "axis");
  b.chart().height = y - 5 + 1;
  return CompareSentence(b, "kind-bars", alt_entries);
}

}  // namespace barometer::figures::internal
