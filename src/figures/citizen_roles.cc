// The citizen-roles panel (Figure 5): a headline share as a large number, and the sub-shares under it as bars
// on tracks of 100.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {

std::string BuildCitizenRoles(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  const double leading = b.Leading();
  const std::string series = b.OnlySeries("citizen-roles");
  double y = SeriesCaption(b, series, 0);
  if (y > 0) y += 6;
  if (spec.categories.empty()) {
    b.chart().height = y;
    return "";
  }

  // The headline share: a large number with its label beside it.
  const std::string& head = spec.categories.front();
  const double head_value = b.Value(series, head);
  b.Record(head, series, head_value);
  TextOptions big;
  big.style = "figure-headline";
  Text number = b.ShapeText(b.Percent(head_value), big);
  TextOptions beside;
  beside.width = width - number->NaturalWidth() - 8;
  beside.label_id = head;
  Text head_label = b.ShapeText(b.LabelOf(head), beside);
  double block = std::max(TextHeight(number), TextHeight(head_label));
  b.AddLabel(number, 0, y + (block - TextHeight(number)) / 2, "headline");
  b.AddLabel(head_label, number->NaturalWidth() + 8, y + (block - TextHeight(head_label)) / 2, "category");
  y += block + 8;

  // The sub-shares: each a bar on a track of 100, hung from the headline by a connector.
  const double indent = 12, bar_height = 9;
  std::vector<double> values;
  for (size_t i = 1; i < spec.categories.size(); ++i) values.push_back(b.Value(series, spec.categories[i]));
  const double value_width = WidestValue(b, values);
  const double track = width - indent - value_width - kValueGap - 1;
  const double k = track / 100;
  const model::Rgb line = b.Colour("rule");
  const double connector_top = y - 5;
  double last_tick = connector_top;
  std::vector<std::string> parts;
  for (size_t i = 1; i < spec.categories.size(); ++i) {
    const std::string& category = spec.categories[i];
    const double value = values[i - 1];
    TextOptions options;
    options.width = width - indent;
    options.label_id = category;
    Text text = b.ShapeText(b.LabelOf(category), options);
    b.AddLabel(text, indent, y, "category");
    y += TextHeight(text) + 2;
    b.AddRect(indent, y, track, bar_height, b.Colour("gridline"), "track");
    b.AddRect(indent, y, value * k, bar_height, b.SeriesColour(0), "bar", category, series, value);
    b.Record(category, series, value);
    Text label = b.ShapeValue(value);
    b.AddLabel(label, indent + value * k + kValueGap, y + bar_height / 2 - leading / 2, "value");
    last_tick = y + bar_height / 2;
    b.AddLine(3, last_tick, indent - 3, last_tick, 0.75, line, "connector");
    parts.push_back(b.Phrase("at", {{"label", b.QuotedLabel(category)}, {"value", b.Percent(value)}}));
    y += bar_height + 9;
  }
  if (spec.categories.size() > 1) b.AddLine(3, connector_top, 3, last_tick, 0.75, line, "connector");
  b.chart().height = y - 9 + 2;

  std::string who = b.QuotedLabel(series);
  std::string head_part = b.Phrase("at", {{"label", b.QuotedLabel(head)}, {"value", b.Percent(head_value)}});
  if (parts.empty()) return b.Phrase("chart-of", {{"who", who}, {"head", head_part}});
  return b.Phrase("chart-of-parts", {{"who", who}, {"head", head_part}, {"parts", b.JoinAnd(parts)}});
}

}  // namespace barometer::figures::internal
