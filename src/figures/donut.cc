// The donut (Figure 1): one distribution as a ring, starting at twelve o'clock and running clockwise, each segment
// an angle of value/100 of the full turn, so the ring closes only when the drawn shares add up to 100. What is
// excluded ("don't know") is left as a light track. A key below the ring gives each segment's value and label;
// highlighted adjacent categories get a bracket outside the ring with the publication's own group total.
#include <algorithm>
#include <cmath>

#include "figures/chart_kinds.h"

namespace barometer::figures::internal {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<PathOp> RingSegment(double cx, double cy, double outer, double inner, double a0, double a1) {
  return {{PathOp::kArc, cx, cy, outer, a0, a1},
          {PathOp::kArcNegative, cx, cy, inner, a1, a0},
          {PathOp::kClose}};
}

// The ring's place and size in the chart.
struct Ring {
  double cx = 0, cy = 0, outer = 0, inner = 0, pad = 0;
};

// The drawn segments, in category order.
struct Segments {
  std::vector<double> starts, ends, values;
  std::vector<KeyEntry> key;
  std::vector<AltEntry> alt_entries;
};

// The segments from twelve o'clock clockwise, and a light track for what the shares leave of the turn.
Segments AddSegments(ChartBuilder& b, const Ring& ring, const std::string& series) {
  const model::FigureSpec& spec = b.spec();
  const model::Rgb paper{1, 1, 1};
  Segments out;
  double angle = -kPi / 2;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    const std::string& category = spec.categories[i];
    double value = b.Value(series, category);
    double sweep = value / 100 * 2 * kPi;
    model::Rgb fill = b.SeriesColour(i);
    Shape& segment =
        b.AddShape(RingSegment(ring.cx, ring.cy, ring.outer, ring.inner, angle, angle + sweep), fill, "segment");
    segment.category = category;
    segment.series = series;
    segment.value = value;
    segment.stroke_width = 0.75;  // a hairline of paper between neighbours
    segment.stroke = paper;
    out.starts.push_back(angle);
    out.ends.push_back(angle + sweep);
    out.values.push_back(value);
    b.Record(category, series, value);
    out.key.push_back({category, fill, value});
    out.alt_entries.push_back({b.QuotedLabel(category), value});
    angle += sweep;
  }
  if (angle < 1.5 * kPi - 1e-6) {
    Shape& track = b.AddShape(RingSegment(ring.cx, ring.cy, ring.outer, ring.inner, angle, 1.5 * kPi),
                              b.Colour("gridline"), "track");
    track.stroke_width = 0.75;
    track.stroke = paper;
  }
  return out;
}

// Values inside their segments where they fit, otherwise just outside the ring.
void AddValues(ChartBuilder& b, const Ring& ring, const Segments& segments) {
  const double ring_middle = (ring.outer + ring.inner) / 2;
  for (size_t i = 0; i < segments.values.size(); ++i) {
    double mid = (segments.starts[i] + segments.ends[i]) / 2;
    Text inside = b.ShapeValue(segments.values[i], b.InkOn(b.SeriesColour(i)));
    double w = inside->NaturalWidth(), h = inside->Height(inside->line_count());
    double chord = 2 * ring_middle * std::sin(std::min(kPi / 2, (segments.ends[i] - segments.starts[i]) / 2));
    if (chord >= w + 3 && ring.outer - ring.inner >= h) {
      b.AddLabel(inside, ring.cx + ring_middle * std::cos(mid) - w / 2, ring.cy + ring_middle * std::sin(mid) - h / 2,
                 "value");
    } else {
      Text outside = b.ShapeValue(segments.values[i]);
      double ax = ring.cx + (ring.outer + 5) * std::cos(mid), ay = ring.cy + (ring.outer + 5) * std::sin(mid);
      double x = std::cos(mid) >= 0 ? ax : ax - w;
      b.AddLabel(outside, std::max(0.0, x), std::max(0.0, ay - h / 2), "value");
    }
  }
}

// The series in the hole: who answered.
void AddHoleLabel(ChartBuilder& b, const Ring& ring, const std::string& series) {
  if (series.empty() || !b.spec().show_series_name) return;
  TextOptions options;
  options.width = ring.inner * 2 * 0.86;
  options.align = model::Align::kCenter;
  options.label_id = series;
  Text hole = b.ShapeText(b.LabelOf(series), options);
  double h = hole->Height(hole->line_count());
  b.AddLabel(hole, ring.cx - options.width / 2, ring.cy - h / 2, "series");
}

// The highlighted group: a bracket over its segments and the published total, beside the ring or, without room
// there, under it (moving `bottom` down). Returns the alt text's clause about the group, or "".
std::string AddGroup(ChartBuilder& b, const Ring& ring, const std::string& series, const Segments& segments,
                     double& bottom) {
  const model::FigureSpec& spec = b.spec();
  const model::TableRow* group = spec.highlight.empty() ? nullptr : b.GroupRow(series);
  std::vector<size_t> members;
  for (const std::string& id : spec.highlight) {
    auto it = std::find(spec.categories.begin(), spec.categories.end(), id);
    if (it != spec.categories.end()) members.push_back(static_cast<size_t>(it - spec.categories.begin()));
  }
  std::sort(members.begin(), members.end());
  bool adjacent = !members.empty() && members.back() - members.front() + 1 == members.size();
  if (!group || !adjacent) return "";
  const double cx = ring.cx, cy = ring.cy, outer = ring.outer;
  const double a0 = segments.starts[members.front()], a1 = segments.ends[members.back()];
  const double r = outer + 4;
  const model::Rgb ink = b.Colour("text");
  Shape& arc = b.AddShape({{PathOp::kArc, cx, cy, r, a0, a1}}, {}, "bracket");
  arc.filled = false;
  arc.stroke_width = 0.8;
  arc.stroke = ink;
  for (double a : {a0, a1}) {
    b.AddLine(cx + (outer + 1) * std::cos(a), cy + (outer + 1) * std::sin(a), cx + r * std::cos(a),
              cy + r * std::sin(a), 0.8, ink, "bracket");
  }
  const double mid = (a0 + a1) / 2;
  const double anchor_r = outer + 9;
  double ax = cx + anchor_r * std::cos(mid), ay = cy + anchor_r * std::sin(mid);
  std::vector<text::TextRun> runs = {Run(b.LabelOf(group->category) + " "), Run(b.Percent(group->value), true)};
  TextOptions options;
  options.label_id = group->category;
  if (std::cos(mid) >= 0 && b.width() - ax >= 60) {
    options.width = b.width() - ax;
    Text text = b.ShapeText(runs, options);
    double h = text->Height(text->line_count());
    b.AddLabel(text, ax, std::clamp(ay - h / 2, 0.0, bottom - h), "group");
  } else {
    // No room beside the ring: under it.
    options.width = b.width();
    Text text = b.ShapeText(runs, options);
    b.AddLabel(text, 0, bottom + 6, "group");
    bottom += 6 + text->Height(text->line_count());
  }
  b.Record(group->category, series, group->value);
  b.chart().values.back().n = group->n;
  return b.Phrase("donut-group", {{"group", b.QuotedLabel(group->category)}, {"value", b.Percent(group->value)}});
}

}  // namespace

std::string BuildDonut(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const std::string series = b.OnlySeries("donut");
  Ring ring;
  ring.outer = std::min(56.0, b.width() * 0.25);
  ring.inner = ring.outer * 0.58;
  ring.pad = 2;
  ring.cx = ring.outer + ring.pad;
  ring.cy = ring.outer + ring.pad;

  const Segments segments = AddSegments(b, ring, series);
  AddValues(b, ring, segments);
  AddHoleLabel(b, ring, series);
  double bottom = 2 * (ring.outer + ring.pad);
  const std::string group_alt = AddGroup(b, ring, series, segments, bottom);

  double key_top = bottom + 10;
  double key_height = b.AddKey(segments.key, key_top);
  b.chart().height = key_top + key_height + 2;

  std::string count = std::to_string(spec.categories.size());
  std::string prefix = b.Phrase("donut", {{"who", b.QuotedLabel(series)}, {"count", count}});
  std::string sentence = b.ExtremesSentence(prefix, segments.alt_entries, true);
  if (!group_alt.empty()) sentence.insert(sentence.size() - 1, group_alt);
  return sentence;
}

}  // namespace barometer::figures::internal
