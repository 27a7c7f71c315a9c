// The 100%-stacked bar (Figure 3): one bar per series, its segments the categories' shares; each bar has
// its own scale, so it fills the width.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {

std::string BuildStackedBar(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  const double bar_height = 24;
  const double leading = b.Leading();
  double y = 0;
  std::vector<AltEntry> alt_entries;
  std::vector<KeyEntry> key;
  for (const std::string& series : spec.series) {
    y += SeriesCaption(b, series, y) + 3;
    // Single-choice shares add up to 100 within rounding: the bar spans the frame at that total. Otherwise a bar
    // is a share of 100 and may end short.
    double drawn = 0, total = 0;
    for (const std::string& c : spec.categories) drawn += b.Value(series, c);
    total = drawn;
    for (const std::string& c : spec.excluded) total += b.Value(series, c);
    double scale_total = spec.single_choice && std::fabs(total - 100) <= 1 ? total : std::max(100.0, drawn);
    const double k = width / scale_total;
    double x = 0;
    struct Pending {
      Text text;
      double centre;
    };
    std::vector<Pending> below;
    for (size_t i = 0; i < spec.categories.size(); ++i) {
      const std::string& category = spec.categories[i];
      double value = b.Value(series, category);
      double w = value * k;
      model::Rgb fill = b.SeriesColour(i);
      b.AddRect(x, y, w, bar_height, fill, "bar", category, series, value);
      if (i > 0) b.AddLine(x, y, x, y + bar_height, 0.75, {1, 1, 1}, "separator");
      b.Record(category, series, value);
      Text inside = b.ShapeValue(value, b.InkOn(fill));
      if (w >= inside->NaturalWidth() + 4) {
        b.AddLabel(inside, x + w / 2 - inside->NaturalWidth() / 2, y + (bar_height - TextHeight(inside)) / 2, "value");
      } else {
        below.push_back({b.ShapeValue(value), x + w / 2});
      }
      if (spec.series.size() == 1) {
        key.push_back({category, fill, value});
        alt_entries.push_back({b.QuotedLabel(category), value});
      } else {
        alt_entries.push_back(PairEntry(b, series, category, value));
      }
      x += w;
    }
    y += bar_height;
    if (!below.empty()) {
      // Values of thin segments go under the bar, pushed right so they never touch.
      double right = -1e9;
      for (const Pending& p : below) {
        double w = p.text->NaturalWidth();
        double lx = std::clamp(std::max(p.centre - w / 2, right + 3), 0.0, width - w);
        b.AddLabel(p.text, lx, y + 3, "value");
        right = lx + w;
      }
      y += 3 + leading;
    }
    y += 10;
  }
  if (spec.series.size() == 1) {
    y += b.AddKey(key, y);
  } else {
    // Several bars: the categories' colours in a legend.
    double legend_y = y;
    std::vector<std::string> ids = spec.categories;
    y += b.AddLegend(ids, legend_y);
  }
  b.chart().height = y + 2;

  std::string count = std::to_string(spec.categories.size());
  if (spec.series.size() == 1) {
    std::string who = b.QuotedLabel(spec.series.front());
    std::string prefix = b.Phrase("stacked-bar", {{"who", who}, {"count", count}});
    return b.ExtremesSentence(prefix, alt_entries, true);
  }
  return CompareSentence(b, "kind-stacked-bars", alt_entries);
}

}  // namespace barometer::figures::internal
