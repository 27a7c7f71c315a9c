// BuildChart and the machinery the chart kinds share (chart_kinds.h).
#include <algorithm>
#include <cmath>

#include "figures/chart_kinds.h"
#include "model/numbers.h"

namespace barometer::figures {
namespace internal {
namespace {

std::string Shorten(const std::string& text) {
  if (text.size() <= 40) return text;
  size_t cut = 37;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return text.substr(0, cut) + "...";
}

std::string LabelName(const Label& label) {
  if (!label.text || label.text->line_count() == 0) return "";
  std::string all;
  for (int i = 0; i < label.text->line_count(); ++i) {
    std::string line = label.text->LineText(i);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
    all += (i ? " " : "") + line;
  }
  return Shorten(all);
}

}  // namespace

text::TextRun Run(std::string text, bool strong) {
  text::TextRun run;
  run.text = std::move(text);
  run.strong = strong;
  return run;
}

model::Rgb Mix(const model::Rgb& a, const model::Rgb& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

ChartBuilder::ChartBuilder(const model::FigureSpec& spec, const model::Table* table, const model::FigureText& words,
                           double width, const ChartContext& context, base::Diagnostics& diags)
    : spec_(spec), table_(table), words_(words), width_(width), context_(context), diags_(diags) {
  chart_.figure_id = spec.id;
  chart_.width = width;
  if (table_) decimals_ = model::PrintedDecimals(*table_, spec.indicator);
}

std::string ChartBuilder::LabelOf(const std::string& id) {
  if (auto label = model::FigureLabel(spec_, words_, id)) return *label;
  if (reported_.insert("label:" + id).second) {
    diags_.Error(words_.loc, "figure '" + spec_.id + "' has no label for '" + id + "'");
  }
  return id;
}

std::string ChartBuilder::Quoted(const std::string& text) const {
  return context_.profile->Quoted(text);
}

std::string ChartBuilder::JoinAnd(const std::vector<std::string>& items) const {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? Phrase("and") : ", ";
    out += items[i];
  }
  return out;
}

std::string ChartBuilder::Percent(double value) const { return context_.numbers->Percent(value, decimals_); }

std::string ChartBuilder::ExtremesSentence(const std::string& prefix, const std::vector<AltEntry>& entries,
                                           bool shares) const {
  if (entries.empty()) return prefix + ".";
  const AltEntry* largest = &entries[0];
  const AltEntry* smallest = &entries[0];
  for (const AltEntry& e : entries) {
    if (e.value > largest->value) largest = &e;
    if (e.value < smallest->value) smallest = &e;
  }
  return Phrase("extremes", {{"prefix", prefix},
                             {"what", Phrase(shares ? "share" : "value")},
                             {"largest", Percent(largest->value)},
                             {"largest_name", largest->description},
                             {"smallest", Percent(smallest->value)},
                             {"smallest_name", smallest->description}});
}

std::string ChartBuilder::ValuesSentence(bool gaps) const {
  std::vector<const DrawnValue*> drawn;
  std::vector<std::string> categories, series;
  auto add_unique = [](std::vector<std::string>& ids, const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const DrawnValue& v : chart_.values) {
    if (!v.has_value) continue;
    drawn.push_back(&v);
    add_unique(categories, v.category);
    add_unique(series, v.series);
  }
  if (drawn.empty()) return "";
  auto value_of = [&](const std::string& label, double value) {
    return Phrase("value-of", {{"label", Quoted(label)}, {"value", Percent(value)}});
  };
  std::vector<std::string> parts;
  if (series.size() == 1 || categories.size() == 1) {
    for (const DrawnValue* v : drawn) {
      parts.push_back(value_of(series.size() == 1 ? v->category_label : v->series_label, v->value));
    }
    return Phrase("all-values", {{"values", JoinAnd(parts)}});
  }
  for (const std::string& category : categories) {
    std::vector<std::string> in_category;
    std::vector<double> values;
    std::string label;
    for (const DrawnValue* v : drawn) {
      if (v->category != category) continue;
      label = v->category_label;
      in_category.push_back(value_of(v->series_label, v->value));
      values.push_back(v->value);
    }
    std::string part = Phrase("in-category", {{"category", Quoted(label)}, {"values", JoinAnd(in_category)}});
    if (gaps && values.size() == 2) {
      part += Phrase("gap", {{"points", context_.numbers->Format(std::abs(values[0] - values[1]), decimals_)}});
    }
    parts.push_back(part);
  }
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "; ") + part;
  return Phrase("all-values", {{"values", joined}});
}

const model::TableRow* ChartBuilder::Row(const std::string& series, const std::string& category) {
  const model::TableRow* row = table_ ? table_->Find(spec_.indicator, series, category) : nullptr;
  if (!row && reported_.insert("row:" + series + "|" + category).second) {
    diags_.Error(spec_.loc, "figure '" + spec_.id + "': table '" + spec_.table + "' has no row for indicator '" +
                                spec_.indicator + "', series '" + series + "', category '" + category + "'");
  }
  return row;
}

double ChartBuilder::Value(const std::string& series, const std::string& category) {
  const model::TableRow* row = Row(series, category);
  return row ? row->value : 0;
}

const model::TableRow* ChartBuilder::GroupRow(const std::string& series) const {
  return table_ ? model::GroupRow(*table_, spec_, series) : nullptr;
}

std::string ChartBuilder::OnlySeries(const char* kind) {
  if (spec_.series.size() != 1) {
    diags_.Error(spec_.loc, "figure '" + spec_.id + "': a " + kind + " chart draws exactly one series, found " +
                                std::to_string(spec_.series.size()));
  }
  return spec_.series.empty() ? "" : spec_.series.front();
}

void ChartBuilder::Record(const std::string& category, const std::string& series, double value) {
  DrawnValue v;
  v.category = category;
  v.series = series;
  v.category_label = LabelOf(category);
  v.series_label = LabelOf(series);
  v.value = value;
  if (const model::TableRow* row = table_ ? table_->Find(spec_.indicator, series, category) : nullptr) v.n = row->n;
  chart_.values.push_back(std::move(v));
}

model::Rgb ChartBuilder::Colour(const std::string& palette_name) const {
  auto it = context_.design->palette.find(palette_name);
  return it != context_.design->palette.end() ? it->second : model::Rgb{};
}

model::Rgb ChartBuilder::SeriesColour(size_t index) const {
  const auto& names = context_.design->chart_palette;
  if (names.empty()) return Colour("text");
  return Colour(names[index % names.size()]);
}

model::Rgb ChartBuilder::InkOn(const model::Rgb& fill) const {
  const model::Rgb dark = Colour("text");
  const model::Rgb white{1, 1, 1};
  return model::ContrastRatio(fill, white) > model::ContrastRatio(fill, dark) ? white : dark;
}

const model::TextStyle& ChartBuilder::Style(const std::string& name) const { return context_.design->Style(name); }

Text ChartBuilder::ShapeText(const std::vector<text::TextRun>& runs, const TextOptions& options) {
  text::ParagraphInput input;
  input.runs = runs;
  input.style = Style(options.style);
  input.style.align = options.align;
  input.style.hyphenate = false;
  input.hyphenate = false;
  input.colour = options.colour ? *options.colour : Colour(input.style.colour);
  input.link_colour = input.colour;
  input.width = std::max(1.0, options.width);
  base::SourceLoc loc = words_.loc;
  if (auto it = words_.label_locs.find(options.label_id); it != words_.label_locs.end()) loc = it->second;

  base::Diagnostics local;
  Text shaped = context_.shaper->Shape(input, loc, local);
  if (local.HasErrors() && shaped->NaturalWidth() > input.width + 0.01) {
    // A word longer than the wrap width: widen to the longest line rather than let it stick out. The placement
    // check in Finish reports the label if the wider box no longer fits.
    input.width = std::ceil(shaped->NaturalWidth() + 0.5);
    base::Diagnostics retry;
    shaped = context_.shaper->Shape(input, loc, retry);
    for (const base::Diagnostic& d : retry.Sorted()) diags_.Add(d);
  } else {
    for (const base::Diagnostic& d : local.Sorted()) diags_.Add(d);
  }
  return shaped;
}

Text ChartBuilder::ShapeValue(double value, std::optional<model::Rgb> colour) {
  TextOptions options;
  options.style = "figure-value";
  options.colour = colour;
  return ShapeText(Percent(value), options);
}

Label& ChartBuilder::AddLabel(Text text, double x, double y, std::string role) {
  Label label;
  label.text = std::move(text);
  label.x = x;
  label.y = y;
  label.role = std::move(role);
  chart_.labels.push_back(std::move(label));
  return chart_.labels.back();
}

void ChartBuilder::AddRect(double x, double y, double w, double h, const model::Rgb& fill, std::string role,
                           const std::string& category, const std::string& series, double value) {
  Shape& shape = AddShape({{PathOp::kMoveTo, x, y},
                           {PathOp::kLineTo, x + w, y},
                           {PathOp::kLineTo, x + w, y + h},
                           {PathOp::kLineTo, x, y + h},
                           {PathOp::kClose}},
                          fill, std::move(role));
  shape.category = category;
  shape.series = series;
  shape.value = value;
}

void ChartBuilder::AddLine(double x0, double y0, double x1, double y1, double line_width, const model::Rgb& colour,
                           std::string role) {
  Shape& shape = AddShape({{PathOp::kMoveTo, x0, y0}, {PathOp::kLineTo, x1, y1}}, {}, std::move(role));
  shape.filled = false;
  shape.stroke_width = line_width;
  shape.stroke = colour;
}

Shape& ChartBuilder::AddShape(std::vector<PathOp> path, const model::Rgb& fill, std::string role) {
  figures::Shape shape;
  shape.path = std::move(path);
  shape.fill = fill;
  shape.role = std::move(role);
  chart_.shapes.push_back(std::move(shape));
  return chart_.shapes.back();
}

double ChartBuilder::AddLegend(const std::vector<std::string>& series_ids, double y) {
  const double leading = Leading();
  double x = 0, row_top = y, row_height = 0;
  for (size_t i = 0; i < series_ids.size(); ++i) {
    TextOptions options;
    options.width = width_ - kSwatch - kSwatchGap;
    options.label_id = series_ids[i];
    Text text = ShapeText(LabelOf(series_ids[i]), options);
    double entry = kSwatch + kSwatchGap + text->NaturalWidth();
    if (x > 0 && x + entry > width_) {  // next row
      row_top += row_height + 3;
      x = 0;
      row_height = 0;
    }
    AddRect(x, row_top + (leading - kSwatch) / 2, kSwatch, kSwatch, SeriesColour(i), "legend-swatch", "",
            series_ids[i]);
    AddLabel(text, x + kSwatch + kSwatchGap, row_top, "legend");
    row_height = std::max(row_height, text->Height(text->line_count()));
    x += entry + kLegendGap;
  }
  return row_top + row_height - y;
}

double ChartBuilder::AddKey(const std::vector<KeyEntry>& entries, double y) {
  const double leading = Leading();
  // Values right-aligned in a column as wide as the widest of them.
  std::vector<Text> values;
  double value_width = 0;
  for (const KeyEntry& e : entries) {
    values.push_back(ShapeValue(e.value));
    value_width = std::max(value_width, values.back()->NaturalWidth());
  }
  const double value_x = kSwatch + 5;
  const double text_x = value_x + value_width + 6;
  double top = y;
  for (size_t i = 0; i < entries.size(); ++i) {
    TextOptions options;
    options.width = width_ - text_x;
    options.label_id = entries[i].id;
    Text text = ShapeText(LabelOf(entries[i].id), options);
    AddRect(0, top + (leading - kSwatch) / 2, kSwatch, kSwatch, entries[i].colour, "legend-swatch", entries[i].id);
    AddLabel(values[i], value_x + value_width - values[i]->NaturalWidth(), top, "value");
    AddLabel(text, text_x, top, "category");
    top += text->Height(text->line_count()) + 4;
  }
  return entries.empty() ? 0 : top - 4 - y;
}

Chart ChartBuilder::Finish(double height, std::string alt) {
  chart_.height = std::ceil(height);
  chart_.alt = std::move(alt);
  for (size_t i : LabelsOutsideFrame(chart_)) {
    diags_.Error(spec_.loc, "figure '" + spec_.id + "': label '" + LabelName(chart_.labels[i]) +
                                "' does not fit in the chart's frame");
  }
  for (const auto& [i, j] : OverlappingLabels(chart_)) {
    diags_.Error(spec_.loc, "figure '" + spec_.id + "': labels '" + LabelName(chart_.labels[i]) + "' and '" +
                                LabelName(chart_.labels[j]) + "' cannot be placed without overlapping");
  }
  return std::move(chart_);
}

}  // namespace internal

Chart BuildChart(const model::FigureSpec& spec, const model::Table* table, const model::FigureText& text,
                 double width, const ChartContext& context, base::Diagnostics& diags) {
  internal::ChartBuilder b(spec, table, text, width, context, diags);
  if (spec.kind != model::ChartKind::kZones && !table) {
    diags.Error(spec.loc, "figure '" + spec.id + "' has no table to draw from");
    return b.Finish(0, text.alt);
  }
  std::string alt;
  switch (spec.kind) {
    case model::ChartKind::kDonut: alt = internal::BuildDonut(b); break;
    case model::ChartKind::kStackedBar: alt = internal::BuildStackedBar(b); break;
    case model::ChartKind::kGroupedColumns: alt = internal::BuildGroupedColumns(b); break;
    case model::ChartKind::kCitizenRoles: alt = internal::BuildCitizenRoles(b); break;
    case model::ChartKind::kPromoteHinder: alt = internal::BuildPromoteHinder(b); break;
    case model::ChartKind::kDiverging: alt = internal::BuildDiverging(b); break;
    case model::ChartKind::kGroupedBars: alt = internal::BuildGroupedBars(b); break;
    case model::ChartKind::kBars: alt = internal::BuildBars(b); break;
    case model::ChartKind::kZones: alt = internal::BuildZones(b); break;
  }
  // Most kinds' sentences name the largest and smallest value; a reader who cannot see the chart gets every value
  // after it (citizen roles and zones name all they draw already), and the gaps where two groups are compared.
  if (spec.kind != model::ChartKind::kCitizenRoles && spec.kind != model::ChartKind::kZones) {
    const bool compares_groups =
        spec.kind == model::ChartKind::kGroupedColumns || spec.kind == model::ChartKind::kGroupedBars;
    std::string values = b.ValuesSentence(compares_groups);
    if (!values.empty()) alt += " " + values;
  }
  double height = b.chart().height;  // each kind sets the height it needs
  return b.Finish(height, text.alt.empty() ? alt : text.alt);
}

std::map<std::string, std::shared_ptr<const Chart>> BuildCharts(const model::Edition& edition,
                                                               const model::LanguageEdition& language,
                                                               const ChartContext& context, base::Diagnostics& diags) {
  std::map<std::string, std::shared_ptr<const Chart>> charts;
  const model::Template& design = edition.design;
  const double column = design.ColumnWidth(design.masters.at("body").columns);
  for (const auto& [id, spec] : edition.figures) {
    auto text = language.figures.find(id);
    if (text == language.figures.end()) continue;
    const model::Table* table = nullptr;
    if (!spec.table.empty()) {
      auto it = edition.tables.find(spec.table);
      if (it == edition.tables.end()) continue;
      table = &it->second;
    }
    double width = spec.page_width ? design.ContentWidth() : column;
    charts[id] = std::make_shared<const Chart>(BuildChart(spec, table, text->second, width, context, diags));
  }
  return charts;
}

}  // namespace barometer::figures
