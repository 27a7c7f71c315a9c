// The zones diagram (Figure 2): labels without numbers in three zones, drawn as two overlapping rounded areas.
// The first zone ("new") is the left area's own third, the last ("known") the right area's own third, and the
// middle zone ("both") is where the two areas overlap. Each zone's title and items are centred in its third.
#include <algorithm>
#include <cmath>

#include "figures/chart_kinds.h"

namespace barometer::figures::internal {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<PathOp> RoundedRect(double x, double y, double w, double h, double r) {
  return {{PathOp::kArc, x + w - r, y + r, r, -kPi / 2, 0},
          {PathOp::kArc, x + w - r, y + h - r, r, 0, kPi / 2},
          {PathOp::kArc, x + r, y + h - r, r, kPi / 2, kPi},
          {PathOp::kArc, x + r, y + r, r, kPi, 1.5 * kPi},
          {PathOp::kClose}};
}

model::Rgb Multiply(const model::Rgb& a, const model::Rgb& b) { return {a.r * b.r, a.g * b.g, a.b * b.b}; }

// The two overlapping areas, each two thirds wide and `height` tall: tinted, their overlap (the middle zone)
// the product of both tints, and outlined in their series colours.
void AddAreas(ChartBuilder& b, double third, double height, double radius) {
  const model::FigureSpec& spec = b.spec();
  const model::Rgb white{1, 1, 1};
  const model::Rgb left_ink = b.SeriesColour(0), right_ink = b.SeriesColour(1);
  const model::Rgb left_tint = Mix(white, left_ink, 0.09), right_tint = Mix(white, right_ink, 0.11);
  const double inset = 0.5;  // keeps the outlines inside the frame
  const double area_height = height - 2 * inset;
  b.AddShape(RoundedRect(inset, inset, 2 * third - inset, area_height, radius), left_tint, "zone").category =
      spec.zone_order[0];
  b.AddShape(RoundedRect(third, inset, 2 * third - inset, area_height, radius), right_tint, "zone").category =
      spec.zone_order[2];
  b.AddShape(RoundedRect(third, inset, third, area_height, radius), Multiply(left_tint, right_tint), "zone")
      .category = spec.zone_order[1];
  for (int side = 0; side < 2; ++side) {
    Shape& outline = b.AddShape(RoundedRect(side == 0 ? inset : third, inset, 2 * third - inset, area_height, radius),
                                {}, "zone-outline");
    outline.filled = false;
    outline.stroke_width = 1;
    outline.stroke = side == 0 ? left_ink : right_ink;
  }
}

}  // namespace

std::string BuildZones(ChartBuilder& b) {
  const model::FigureSpec& spec = b.spec();
  const double width = b.width();
  if (spec.zone_order.size() != 3) {
    b.diags().Error(spec.loc, "figure '" + spec.id + "': a zones diagram needs exactly three zones (the middle one "
                              "is the overlap), found " + std::to_string(spec.zone_order.size()));
    return "";
  }
  const double third = width / 3;
  const double padding = 10, radius = 14;
  const double text_width = third - 2 * padding;
  const double item_gap = 6.5;

  // Lay out each third's title and items first: the areas are as tall as the fullest zone.
  struct Placed {
    Text text;
    double x, y;
    std::string role;
  };
  std::vector<Placed> placed;
  double bottom = 0;
  std::vector<std::string> alt_parts;
  size_t item_count = 0;
  for (size_t z = 0; z < 3; ++z) {
    const std::string& zone = spec.zone_order[z];
    const double left = static_cast<double>(z) * third + padding;
    double y = padding;
    TextOptions title;
    title.style = "figure-value";
    title.width = text_width;
    title.align = model::Align::kCenter;
    title.label_id = zone;
    Text title_text = b.ShapeText(b.LabelOf(zone), title);
    placed.push_back({title_text, left, y, "zone-title"});
    y += title_text->Height(title_text->line_count()) + 9;
    auto items = spec.zones.find(zone);
    std::vector<std::string> names;
    if (items != spec.zones.end()) {
      for (const std::string& item : items->second) {
        TextOptions options;
        options.width = text_width;
        options.align = model::Align::kCenter;
        options.label_id = item;
        Text text = b.ShapeText(b.LabelOf(item), options);
        placed.push_back({text, left, y, "zone-item"});
        y += text->Height(text->line_count()) + item_gap;
        names.push_back(b.QuotedLabel(item));
        DrawnValue value;
        value.category = item;
        value.series = zone;
        value.category_label = b.LabelOf(item);
        value.series_label = b.LabelOf(zone);
        value.has_value = false;
        b.chart().values.push_back(value);
      }
      y -= item_gap;
    }
    bottom = std::max(bottom, y);
    item_count += names.size();
    alt_parts.push_back(b.QuotedLabel(zone) + " (" + std::to_string(names.size()) + "): " + b.JoinAnd(names));
  }
  const double height = bottom + padding + 1;

  AddAreas(b, third, height, radius);
  for (const Placed& p : placed) b.AddLabel(p.text, p.x, p.y, p.role);
  b.chart().height = height;

  std::string zones;
  for (const std::string& part : alt_parts) zones += (zones.empty() ? "" : "; ") + part;
  return b.Phrase("zones", {{"count", std::to_string(item_count)}, {"zones", zones}});
}

}  // namespace barometer::figures::internal
