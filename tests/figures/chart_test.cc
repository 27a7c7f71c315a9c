// Label boxes, the frame and overlap queries.
#include <doctest/doctest.h>

#include "figures_fixture.h"

using namespace barometer;

namespace {

std::shared_ptr<const text::ShapedParagraph> ShapeLabel(const std::string& text, double width, model::Align align) {
  const model::Edition& edition = testing::Edition2021();
  text::ParagraphInput input;
  input.runs = {text::TextRun{text, false, false, "", false, "", ""}};
  input.style = edition.design.Style("figure-label");
  input.style.align = align;
  input.width = width;
  base::Diagnostics diags;
  auto shaped = testing::Tools("en").shaper->Shape(input, {}, diags);
  REQUIRE_FALSE(diags.HasErrors());
  return shaped;
}

figures::Label At(std::shared_ptr<const text::ShapedParagraph> text, double x, double y) {
  figures::Label label;
  label.text = std::move(text);
  label.x = x;
  label.y = y;
  return label;
}

}  // namespace

TEST_CASE("figures chart: a label's box is its widest line, wherever alignment puts it") {
  auto left = ShapeLabel("Quality", 100, model::Align::kLeft);
  auto centre = ShapeLabel("Quality", 100, model::Align::kCenter);
  auto right = ShapeLabel("Quality", 100, model::Align::kRight);
  const double w = left->NaturalWidth();
  REQUIRE(w > 10);
  REQUIRE(w < 100);
  CHECK(At(left, 10, 0).left() == doctest::Approx(10));
  CHECK(At(left, 10, 0).right() == doctest::Approx(10 + w));
  CHECK(At(centre, 10, 0).left() == doctest::Approx(10 + (100 - w) / 2).epsilon(0.01));
  CHECK(At(centre, 10, 0).right() == doctest::Approx(10 + (100 + w) / 2).epsilon(0.01));
  CHECK(At(right, 10, 0).right() == doctest::Approx(110).epsilon(0.01));
  CHECK(At(right, 10, 0).width() == doctest::Approx(w));
  // Two lines: the box is as tall as both and as wide as the longer.
  auto two = ShapeLabel("Technology is an important part of the innovation", 120, model::Align::kLeft);
  REQUIRE(two->line_count() == 2);
  figures::Label label = At(two, 0, 5);
  CHECK(label.height() == doctest::Approx(2 * 9.6));
  CHECK(figures::LabelBox(label).y1 == doctest::Approx(5 + 2 * 9.6));
  CHECK(label.right() <= 120);
}

TEST_CASE("figures chart: overlaps and labels outside the frame are found - touching is not overlapping") {
  auto text = ShapeLabel("Quality", 100, model::Align::kLeft);
  const double w = text->NaturalWidth(), h = text->Height(1);
  figures::Chart chart;
  chart.width = 200;
  chart.height = 50;
  chart.labels = {At(text, 0, 0), At(text, w, 0), At(text, 0, h)};  // side by side, and under: touching only
  CHECK(figures::OverlappingLabels(chart).empty());
  CHECK(figures::LabelsOutsideFrame(chart).empty());
  chart.labels.push_back(At(text, w / 2, h / 2));  // over all three
  CHECK(figures::OverlappingLabels(chart) ==
        std::vector<std::pair<size_t, size_t>>{{0, 3}, {1, 3}, {2, 3}});
  chart.labels.push_back(At(text, 200 - w + 1, 0));  // sticks out on the right
  chart.labels.push_back(At(text, 0, 50 - h + 1));   // and at the bottom
  CHECK(figures::LabelsOutsideFrame(chart) == std::vector<size_t>{4, 5});
}

