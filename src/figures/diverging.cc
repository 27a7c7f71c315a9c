// The diverging agree/disagree bar (Figure 7): agreement to one side of a centre line, disagreement to the
// other.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {
namespace {

// Where the centre line goes: room for a two-category chart's left label on one line, within reason.
double CentreLine(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  double centre = width * 0.36;
  if (spec.categories.size() == 2) {
    TextOptions probe;
    probe.label_id = spec.categories[0];
    double natural = b.ShapeText(b.LabelOf(spec.categories[0]), probe)->NaturalWidth();
    centre = std::clamp(natural + 6, centre, width * 0.5);
  }
  return std::round(centre);
}

}  // namespace

std::string BuildDiverging(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  const std::string series = b.OnlySeries("diverging");
  double y = SeriesCaption(b, series, 0);
  if (y > 0) y += 5;

  // The first half of the categories grows left from the centre line (the first one outermost), the rest right.
  const size_t half = spec.categories.size() / 2;
  std::vector<double> values;
  double left_total = 0, right_total = 0;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    values.push_back(b.Value(series, spec.categories[i]));
    (i < half ? left_total : right_total) += values.back();
  }
  const double centre = CentreLine(b);
  const double k = std::min((centre - 2) / std::max(1.0, left_total), (width - centre - 2) / std::max(1.0, right_total));
  const double bar_height = 22;
  std::vector<AltEntry> alt_entries;
  std::vector<double> x0(values.size()), x1(values.size());
  double edge = centre;
  for (size_t n = 0; n < half; ++n) {  // outward from the centre
    size_t i = half - 1 - n;
    x1[i] = edge;
    x0[i] = edge - values[i] * k;
    edge = x0[i];
  }
  edge = centre;
  for (size_t i = half; i < values.size(); ++i) {
    x0[i] = edge;
    x1[i] = edge + values[i] * k;
    edge = x1[i];
  }
  for (size_t i = 0; i < values.size(); ++i) {
    const std::string& category = spec.categories[i];
    model::Rgb fill = b.SeriesColour(i);
    b.AddRect(x0[i], y, x1[i] - x0[i], bar_height, fill, "bar", category, series, values[i]);
    b.Record(category, series, values[i]);
    alt_entries.push_back({b.QuotedLabel(category), values[i]});
    Text inside = b.ShapeValue(values[i], b.InkOn(fill));
    double w = inside->NaturalWidth(), h = TextHeight(inside);
    if (x1[i] - x0[i] >= w + 4) {
      b.AddLabel(inside, (x0[i] + x1[i]) / 2 - w / 2, y + (bar_height - h) / 2, "value");
    } else {
      Text outside = b.ShapeValue(values[i]);
      double x = i < half ? x0[i] - kValueGap - w : x1[i] + kValueGap;
      b.AddLabel(outside, x, y + (bar_height - h) / 2, "value");
    }
  }
  b.AddLine(centre, y - 3, centre, y + bar_height + 3, 0.75, b.Colour("text"), "axis");
  y += bar_height + 6;

  if (spec.categories.size() == 2) {
    // Each side labelled directly under its bar.
    TextOptions left_options;
    left_options.width = centre - 4;
    left_options.align = model::Align::kRight;
    left_options.label_id = spec.categories[0];
    Text lt = b.ShapeText(b.LabelOf(spec.categories[0]), left_options);
    b.AddLabel(lt, 0, y, "category");
    TextOptions right_options;
    right_options.width = width - centre - 4;
    right_options.label_id = spec.categories[1];
    Text rt = b.ShapeText(b.LabelOf(spec.categories[1]), right_options);
    b.AddLabel(rt, centre + 4, y, "category");
    y += std::max(TextHeight(lt), TextHeight(rt));
  } else {
    std::vector<KeyEntry> key;
    for (size_t i = 0; i < values.size(); ++i) key.push_back({spec.categories[i], b.SeriesColour(i), values[i]});
    y += 4 + b.AddKey(key, y + 4);
  }
  b.chart().height = y + 2;

  std::string count = std::to_string(spec.categories.size());
  std::string prefix = b.Phrase("diverging", {{"who", b.QuotedLabel(series)}, {"count", count}});
  return b.ExtremesSentence(prefix, alt_entries, true);
}

}  // namespace barometer::figures::internal
