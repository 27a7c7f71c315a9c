// Simple bars (Figures 9 and 10): one bar per category, on one scale.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {

std::string BuildBars(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  // One bar per data point: by series when there is one category (Figures 9 and 10), by category when there is one
  // series. Several of both is a grouped chart.
  const bool by_series = spec.categories.size() == 1;
  if (!by_series && spec.series.size() != 1) return BuildGroupedBars(b);
  const double width = b.width();
  const double leading = b.Leading();
  const std::string heading = by_series ? spec.categories.front() : spec.series.front();
  const std::vector<std::string>& rows = by_series ? spec.series : spec.categories;

  TextOptions heading_options;
  heading_options.width = width;
  heading_options.label_id = heading;
  double y = 0;
  if (by_series || spec.show_series_name) {
    Text head = b.ShapeText({Run(b.LabelOf(heading), true)}, heading_options);
    b.AddLabel(head, 0, 0, by_series ? "category" : "series");
    y = TextHeight(head) + 7;
  }

  std::vector<double> values;
  for (const std::string& id : rows) values.push_back(by_series ? b.Value(id, heading) : b.Value(heading, id));
  const double vmax = values.empty() ? 1 : std::max(1.0, *std::max_element(values.begin(), values.end()));
  const double k = (width - WidestValue(b, values) - kValueGap - 1) / vmax;
  const double bar_height = 12;
  std::vector<AltEntry> alt_entries;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string& category = by_series ? heading : rows[i];
    const std::string& series = by_series ? rows[i] : heading;
    TextOptions options;
    options.width = width;
    options.label_id = rows[i];
    Text text = b.ShapeText(b.LabelOf(rows[i]), options);
    b.AddLabel(text, 0, y, by_series ? "series" : "category");
    y += TextHeight(text) + 2;
    model::Rgb fill = by_series ? b.SeriesColour(i) : b.SeriesColour(0);
    b.AddRect(0, y, values[i] * k, bar_height, fill, "bar", category, series, values[i]);
    b.Record(category, series, values[i]);
    Text vt = b.ShapeValue(values[i]);
    b.AddLabel(vt, values[i] * k + kValueGap, y + bar_height / 2 - leading / 2, "value");
    alt_entries.push_back({b.QuotedLabel(rows[i]), values[i]});
    y += bar_height + 9;
  }
  b.chart().height = y - 9 + 1;

  std::string count = std::to_string(rows.size());
  std::string prefix = b.Phrase("bars", {{"heading", b.QuotedLabel(heading)},
                                         {"count", count},
                                         {"things", b.Phrase(by_series ? "groups" : "categories")}});
  return b.ExtremesSentence(prefix, alt_entries, false);
}

}  // namespace barometer::figures::internal
