// Promote/hinder pairs (Figure 6): per category the share of the left series and of the right one, as bars on
// either side of a centre line.
#include <algorithm>
#include <cmath>

#include "figures/bar_common.h"

namespace barometer::figures::internal {

std::string BuildPromoteHinder(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  if (spec.series.size() != 2) {
    b.diags().Error(spec.loc, "figure '" + spec.id + "': a promote-hinder chart needs exactly two series (left, "
                              "right), found " + std::to_string(spec.series.size()));
    return "";
  }
  const std::string& left = spec.series[0];
  const std::string& right = spec.series[1];
  const double bar_height = 14;
  const double label_column = LabelColumn(b, spec.categories, std::min(160.0, width * 0.34));

  std::vector<double> all;
  double max_left = 0, max_right = 0;
  for (const std::string& c : spec.categories) {
    all.push_back(b.Value(left, c));
    all.push_back(b.Value(right, c));
    max_left = std::max(max_left, all[all.size() - 2]);
    max_right = std::max(max_right, all.back());
  }
  const double value_width = WidestValue(b, all) + kValueGap + 1;
  const double k = (width - label_column - 10 - 2 * value_width) / std::max(1.0, max_left + max_right);
  const double centre = label_column + 10 + value_width + max_left * k;

  // Headers: each side's series with its swatch next to the centre line.
  double y = 0;
  {
    TextOptions options;
    options.width = centre - 6 - kSwatch - kSwatchGap;
    options.align = model::Align::kRight;
    options.label_id = left;
    Text text = b.ShapeText(b.LabelOf(left), options);
    b.AddLabel(text, 0, 0, "legend");
    b.AddRect(centre - 6 - kSwatch, (b.Leading() - kSwatch) / 2, kSwatch, kSwatch, b.SeriesColour(0), "legend-swatch",
              "", left);
    TextOptions right_options;
    right_options.width = width - (centre + 6 + kSwatch + kSwatchGap);
    right_options.label_id = right;
    Text right_text = b.ShapeText(b.LabelOf(right), right_options);
    b.AddLabel(right_text, centre + 6 + kSwatch + kSwatchGap, 0, "legend");
    b.AddRect(centre + 6, (b.Leading() - kSwatch) / 2, kSwatch, kSwatch, b.SeriesColour(1), "legend-swatch", "",
              right);
    y = std::max(TextHeight(text), TextHeight(right_text)) + 8;
  }

  const double rows_top = y;
  std::vector<AltEntry> alt_entries;
  for (const std::string& category : spec.categories) {
    double row = CategoryRow(b, category, label_column, y, bar_height);
    double by = y + (row - bar_height) / 2;
    double lv = b.Value(left, category), rv = b.Value(right, category);
    b.AddRect(centre - lv * k, by, lv * k, bar_height, b.SeriesColour(0), "bar", category, left, lv);
    b.AddRect(centre, by, rv * k, bar_height, b.SeriesColour(1), "bar", category, right, rv);
    b.Record(category, left, lv);
    b.Record(category, right, rv);
    Text lt = b.ShapeValue(lv), rt = b.ShapeValue(rv);
    b.AddLabel(lt, centre - lv * k - kValueGap - lt->NaturalWidth(), by + (bar_height - TextHeight(lt)) / 2, "value");
    b.AddLabel(rt, centre + rv * k + kValueGap, by + (bar_height - TextHeight(rt)) / 2, "value");
    alt_entries.push_back(PairEntry(b, left, category, lv));
    alt_entries.push_back(PairEntry(b, right, category, rv));
    y += row + 8;
  }
  b.AddLine(centre, rows_top - 3, centre, y - 5, 0.75, b.Colour("text"), "axis");
  b.chart().height = y - 5 + 1;
  return CompareSentence(b, "kind-bars", alt_entries);
}

}  // namespace barometer::figures::internal
