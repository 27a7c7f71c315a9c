// The bar kinds: 100%-stacked bar (Figure 3), grouped columns (Figure 4), the citizen-roles panel (Figure 5),
// promote/hinder pairs (Figure 6), the diverging agree/disagree bar (Figure 7), grouped horizontal bars (Figure 8)
// and simple bars (Figures 9 and 10). In every kind a bar's length is its value times one scale factor per chart
// (per bar for the 100%-stacked kind), and every bar carries its formatted value.
#include <algorithm>
#include <cmath>

#include "figures/chart_kinds.h"

namespace barometer::figures::internal {
namespace {

double TextHeight(const Text& text) { return text->Height(text->line_count()); }

// The widest formatted value among `values`, so scales can leave room for the labels at the bar ends.
double WidestValue(ChartBuilder& b, const std::vector<double>& values) {
  double widest = 0;
  for (double v : values) widest = std::max(widest, b.ShapeValue(v)->NaturalWidth());
  return widest;
}

// "{Kind} comparing “A” and “B” across N categories; the largest value is ..." in the chart's language.
std::string CompareSentence(ChartBuilder& b, const char* kind_en, const char* kind_da,
                            const std::vector<AltEntry>& entries) {
  const model::FigureSpec& spec = b.spec();
  std::vector<std::string> series;
  for (const std::string& id : spec.series) series.push_back(b.QuotedLabel(id));
  std::string count = std::to_string(spec.categories.size());
  std::string prefix = b.danish()
                           ? std::string(kind_da) + ", der sammenligner " + b.JoinAnd(series) + " på " + count +
                                 (spec.categories.size() == 1 ? " kategori" : " kategorier")
                           : std::string(kind_en) + " comparing " + b.JoinAnd(series) + " across " + count +
                                 (spec.categories.size() == 1 ? " category" : " categories");
  return b.ExtremesSentence(prefix, entries, false);
}

AltEntry PairEntry(ChartBuilder& b, const std::string& series, const std::string& category, double value) {
  return {b.QuotedLabel(series) + ", " + b.QuotedLabel(category), value};
}

// A caption line naming who the single series is ("All innovations"). Returns the height used.
double SeriesCaption(ChartBuilder& b, const std::string& series, double y) {
  if (series.empty()) return 0;
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

}  // namespace

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
      model::Color fill = b.SeriesColour(i);
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
    std::string prefix = b.danish() ? "Stablet søjle for " + who + " fordelt på " + count + " svar"
                                    : "Stacked bar of " + who + " across " + count + " answers";
    return b.ExtremesSentence(prefix, alt_entries, true);
  }
  return CompareSentence(b, "Stacked bar chart", "Stablet søjlediagram", alt_entries);
}

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
  return CompareSentence(b, "Column chart", "Søjlediagram", alt_entries);
}

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
  const model::Color line = b.Colour("rule");
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
    parts.push_back(b.QuotedLabel(category) + (b.danish() ? " med " : " at ") + b.Percent(value));
    y += bar_height + 9;
  }
  if (spec.categories.size() > 1) b.AddLine(3, connector_top, 3, last_tick, 0.75, line, "connector");
  b.chart().height = y - 9 + 2;

  std::string who = b.QuotedLabel(series);
  std::string head_part = b.QuotedLabel(head) + (b.danish() ? " med " : " at ") + b.Percent(head_value);
  if (parts.empty()) return (b.danish() ? "Diagram over " : "Chart of ") + who + ": " + head_part + ".";
  return b.danish() ? "Diagram over " + who + ": " + head_part + "; de enkelte andele er " + b.JoinAnd(parts) + "."
                    : "Chart of " + who + ": " + head_part + "; the separate shares are " + b.JoinAnd(parts) + ".";
}

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
  return CompareSentence(b, "Bar chart", "Liggende søjlediagram", alt_entries);
}

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
  // The centre leaves room for a two-category chart's left label on one line, within reason.
  double centre = width * 0.36;
  if (spec.categories.size() == 2) {
    TextOptions probe;
    probe.label_id = spec.categories[0];
    double natural = b.ShapeText(b.LabelOf(spec.categories[0]), probe)->NaturalWidth();
    centre = std::clamp(natural + 6, centre, width * 0.5);
  }
  centre = std::round(centre);
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
    model::Color fill = b.SeriesColour(i);
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
  std::string prefix = b.danish() ? "Divergerende søjle for " + b.QuotedLabel(series) + " fordelt på " + count + " svar"
                                  : "Diverging bar of " + b.QuotedLabel(series) + " across " + count + " answers";
  return b.ExtremesSentence(prefix, alt_entries, true);
}

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
  return CompareSentence(b, "Bar chart", "Liggende søjlediagram", alt_entries);
}

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
  Text head = b.ShapeText({Run(b.LabelOf(heading), true)}, heading_options);
  b.AddLabel(head, 0, 0, by_series ? "category" : "series");
  double y = TextHeight(head) + 7;

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
    model::Color fill = by_series ? b.SeriesColour(i) : b.SeriesColour(0);
    b.AddRect(0, y, values[i] * k, bar_height, fill, "bar", category, series, values[i]);
    b.Record(category, series, values[i]);
    Text vt = b.ShapeValue(values[i]);
    b.AddLabel(vt, values[i] * k + kValueGap, y + bar_height / 2 - leading / 2, "value");
    alt_entries.push_back({b.QuotedLabel(rows[i]), values[i]});
    y += bar_height + 9;
  }
  b.chart().height = y - 9 + 1;

  std::string count = std::to_string(rows.size());
  std::string prefix = b.danish() ? "Liggende søjlediagram over " + b.QuotedLabel(heading) + " for " + count +
                                        (by_series ? " grupper" : " kategorier")
                                  : "Bar chart of " + b.QuotedLabel(heading) + " for " + count +
                                        (by_series ? " groups" : " categories");
  return b.ExtremesSentence(prefix, alt_entries, false);
}

}  // namespace barometer::figures::internal
