#include "figures/bar_common.h"

#include <algorithm>
#include <cmath>

namespace barometer::figures::internal {

double TextHeight(const Text& text) { return text->Height(text->line_count()); }

// The widest formatted value among `values`, so scales can leave room for the labels at the bar ends.
double WidestValue(ChartBuilder& b, const std::vector<double>& values) {
  double widest = 0;
  for (double v : values) widest = std::max(widest, b.ShapeValue(v)->NaturalWidth());
  return widest;
}

// "{Kind} comparing “A” and “B” across N categories; the largest value is ..." in the chart's language.
std::string CompareSentence(ChartBuilder& b, const char* kind, const std::vector<AltEntry>& entries) {
  const model::FigureSpec& spec = b.spec();
  std::vector<std::string> series;
  for (const std::string& id : spec.series) series.push_back(b.QuotedLabel(id));
  std::string count = std::to_string(spec.categories.size());
  std::string prefix =
      b.Phrase("compare", {{"kind", b.Phrase(kind)},
                           {"series", b.JoinAnd(series)},
                           {"count", count},
                           {"categories", b.Phrase(spec.categories.size() == 1 ? "category" : "categories")}});
  return b.ExtremesSentence(prefix, entries, false);
}

AltEntry PairEntry(ChartBuilder& b, const std::string& series, const std::string& category, double value) {
  return {b.QuotedLabel(series) + ", " + b.QuotedLabel(category), value};
}

// A caption line naming who the single series is ("All innovations"). Returns the height used.
double SeriesCaption(ChartBuilder& b, const std::string& series, double y) {
  if (series.empty() || !b.spec().show_series_name) return 0;
  TextOptions options;
  options.width = b.width();
  options.label_id = series;
  Text text = b.ShapeText(b.LabelOf(series), options);
  b.AddLabel(text, 0, y, "series");
  return TextHeight(text);
}

// The narrowest label column that holds every label of `ids` on as few lines as `limit` allows.
double LabelColumn(ChartBuilder& b, const std::vector<std::string>& ids, double limit) {
  double widest = 0;
  for (const std::string& id : ids) {
    TextOptions options;
    options.width = limit;
    options.label_id = id;
    widest = std::max(widest, b.ShapeText(b.LabelOf(id), options)->NaturalWidth());
  }
  return std::ceil(std::min(widest, limit));
}

// A category's label in the label column, centred on a row at least `marks` tall that holds both the label and
// the category's marks. Returns the row's height.
double CategoryRow(ChartBuilder& b, const std::string& category, double label_column, double y, double marks) {
  TextOptions options;
  options.width = label_column;
  options.label_id = category;
  Text text = b.ShapeText(b.LabelOf(category), options);
  double row = std::max(TextHeight(text), marks);
  b.AddLabel(text, 0, y + (row - TextHeight(text)) / 2, "category");
  return row;
}

}  // namespace barometer::figures::internal
