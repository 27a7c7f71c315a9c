#include "figures/chart.h"

#include <algorithm>

namespace barometer::figures {
namespace {

constexpr double kTolerance = 0.01;

// The line whose box is the label's box: the widest one (alignment offsets included).
const text::ShapedParagraph::Line* WidestLine(const text::ShapedParagraph& paragraph) {
  const text::ShapedParagraph::Line* widest = nullptr;
  for (int i = 0; i < paragraph.line_count(); ++i) {
    const auto& line = paragraph.line(i);
    if (!widest || line.width > widest->width) widest = &line;
  }
  return widest;
}

void AddPath(cairo_t* cr, const std::vector<PathOp>& path) {
  cairo_new_path(cr);
  for (const PathOp& op : path) {
    switch (op.kind) {
      case PathOp::kMoveTo: cairo_move_to(cr, op.x, op.y); break;
      case PathOp::kLineTo: cairo_line_to(cr, op.x, op.y); break;
      case PathOp::kArc: cairo_arc(cr, op.x, op.y, op.radius, op.angle0, op.angle1); break;
      case PathOp::kArcNegative: cairo_arc_negative(cr, op.x, op.y, op.radius, op.angle0, op.angle1); break;
      case PathOp::kClose: cairo_close_path(cr); break;
    }
  }
}

}  // namespace

double Label::left() const {
  if (!text) return x;
  const auto* widest = WidestLine(*text);
  return widest ? x + widest->x : x;
}

double Label::right() const {
  if (!text) return x;
  const auto* widest = WidestLine(*text);
  return widest ? x + widest->x + widest->width : x;
}

Box LabelBox(const Label& label) { return {label.left(), label.y, label.right(), label.y + label.height()}; }

std::vector<std::pair<size_t, size_t>> OverlappingLabels(const Chart& chart) {
  std::vector<Box> boxes;
  boxes.reserve(chart.labels.size());
  for (const Label& label : chart.labels) boxes.push_back(LabelBox(label));
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < boxes.size(); ++i) {
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const Box& a = boxes[i];
      const Box& b = boxes[j];
      double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (w > kTolerance && h > kTolerance) pairs.emplace_back(i, j);
    }
  }
  return pairs;
}

std::vector<size_t> LabelsOutsideFrame(const Chart& chart) {
  std::vector<size_t> outside;
  for (size_t i = 0; i < chart.labels.size(); ++i) {
    Box b = LabelBox(chart.labels[i]);
    if (b.x0 < -kTolerance || b.y0 < -kTolerance || b.x1 > chart.width + kTolerance ||
        b.y1 > chart.height + kTolerance) {
      outside.push_back(i);
    }
  }
  return outside;
}

void DrawChart(cairo_t* cr, const Chart& chart, double x, double y) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  for (const Shape& shape : chart.shapes) {
    if (shape.path.empty()) continue;
    AddPath(cr, shape.path);
    if (shape.filled) {
      cairo_set_source_rgb(cr, shape.fill.r, shape.fill.g, shape.fill.b);
      if (shape.stroke_width > 0) cairo_fill_preserve(cr);
      else cairo_fill(cr);
    }
    if (shape.stroke_width > 0) {
      cairo_set_source_rgb(cr, shape.stroke.r, shape.stroke.g, shape.stroke.b);
      cairo_set_line_width(cr, shape.stroke_width);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
      cairo_stroke(cr);
    }
    cairo_new_path(cr);
  }
  // Labels are drawn as plain text: no cairo_tag_begin here. The caller wraps the whole chart in one Figure
  // element with its alt text; a structure element per label would put the labels into the reading order
  // twice (once as text, once as the figure's alternative).
  for (const Label& label : chart.labels) {
    if (!label.text) continue;
    const text::ShapedParagraph& paragraph = *label.text;
    for (int i = 0; i < paragraph.line_count(); ++i) {
      double baseline = label.y + i * paragraph.leading() + paragraph.BaselineOffset();
      paragraph.DrawLine(cr, i, label.x, baseline);
    }
  }
  cairo_restore(cr);
}

}  // namespace barometer::figures
