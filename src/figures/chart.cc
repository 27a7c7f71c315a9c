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

}  // namespace barometer::figures
