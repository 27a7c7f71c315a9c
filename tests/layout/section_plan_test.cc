// A section's plan, with boxes of known sizes: balanced columns, page-wide boxes put off to the next page, and
// vertical justification of a last page's columns.
#include <doctest/doctest.h>

#include "distribute_fixture.h"

using namespace barometer;
using namespace barometer::testing;

TEST_CASE("section plan: the columns of a one-page section are balanced too") {
  const model::Template design = Design();
  const double column = design.page_height - design.margins.top - design.margins.bottom;
  std::vector<layout::FlowBox> boxes;
  for (int i = 0; i < 4; ++i) boxes.push_back(Box(column * 0.28, false, "b" + std::to_string(i)));
  auto laid = Distribute(boxes);
  CHECK(laid->messages == "");
  REQUIRE(laid->document.pages.size() == 1);
  // Unbalanced, three boxes would fill the first column and one would stand alone in the second.
  const double second = design.margins.inner + design.ColumnWidth(2) + design.gutter;
  std::vector<double> xs;
  for (const auto& item : laid->document.pages[0].items) {
    if (const auto* rect = std::get_if<layout::FilledRect>(&item.content)) xs.push_back(rect->x);
  }
  REQUIRE(xs.size() == 4);
  CHECK(xs[1] == doctest::Approx(design.margins.inner));
  CHECK(xs[2] == doctest::Approx(second));
  CHECK(xs[3] == doctest::Approx(second));
}

TEST_CASE("section plan: page-wide boxes put off to the next page go to its top only as far as they fit") {
  const model::Template design = Design();
  const double content = design.page_height - design.margins.top - design.margins.bottom;
  // The column box leaves no room at the first page's foot, so all three page-wide boxes are put off; stacked on
  // one page they would take 1.35 pages.
  auto laid = Distribute({Box(content * 0.7, false, "text"), Box(content * 0.45, true, "p1"),
                          Box(content * 0.45, true, "p2"), Box(content * 0.45, true, "p3")});
  CHECK(laid->messages == "");
  const auto& first = laid->pages.first_page;
  CHECK(first.at("text") == 1);
  CHECK(first.at("p1") == 2);
  CHECK(first.at("p2") == 2);  // two fit under each other
  CHECK(first.at("p3") == 3);  // the third is carried on
  for (const layout::Page& page : laid->document.pages) {
    for (const layout::Item& item : page.items) {
      const auto* rect = std::get_if<layout::FilledRect>(&item.content);
      if (!rect) continue;
      INFO("page " << page.number << ": a box from " << rect->y << " to " << rect->y + rect->h);
      CHECK(rect->y + rect->h <= design.page_height - design.margins.bottom + 0.01);
    }
  }
}

TEST_CASE("section plan: boxes that fill a page's top leave its text to the next page") {
  const model::Template design = Design();
  const double content = design.page_height - design.margins.top - design.margins.bottom;
  // The first page's columns are full; two page-wide boxes put off together fill the next page but for less than
  // two lines, so the column box after them starts on the page after (it would not fit there: an error).
  auto laid = Distribute({Box(content * 0.9, false, "t1"), Box(content * 0.9, false, "t2"),
                          Box(content * 0.5, true, "p1"), Box(content * 0.49, true, "p2"),
                          Box(content * 0.2, false, "more")});
  CHECK(laid->messages == "");
  const auto& first = laid->pages.first_page;
  CHECK(first.at("t2") == 1);
  CHECK(first.at("p1") == 2);
  CHECK(first.at("p2") == 2);
  CHECK(first.at("more") == 3);
}

namespace {

// The feet of the boxes in each column of a laid-out page, top to bottom.
std::vector<std::vector<std::pair<double, double>>> BoxesByColumn(const model::Template& design,
                                                                  const layout::Page& page) {
  std::vector<std::vector<std::pair<double, double>>> columns(2);
  for (const layout::Item& item : page.items) {
    const auto* rect = std::get_if<layout::FilledRect>(&item.content);
    if (!rect) continue;
    columns[rect->x > design.margins.inner + design.ColumnWidth(2) ? 1 : 0].push_back({rect->y, rect->y + rect->h});
  }
  return columns;
}

}  // namespace

TEST_CASE("section plan: vertical justification ends a balanced page's columns together, within its limit") {
  const model::Template design = Design();
  const double max_space = design.geometry.vertical_justification.max_space;
  REQUIRE(max_space > 0);
  const double column = design.page_height - design.margins.top - design.margins.bottom;
  // A tall box fills the first column; five short ones balance against it in the second, ending `short_by`
  // higher, more than a line: their four gaps take it up, each at most max_space.
  for (double short_by : {3 * max_space, 6 * max_space}) {
    INFO("the second column " << short_by << "pt short");
    std::vector<layout::FlowBox> boxes = {Box(column * 0.5 + short_by, false, "tall")};
    for (int i = 0; i < 5; ++i) boxes.push_back(Box(column * 0.1, false, "b" + std::to_string(i)));
    auto laid = Distribute(boxes);
    CHECK(laid->messages == "");
    REQUIRE(laid->document.pages.size() == 1);
    const auto columns = BoxesByColumn(design, laid->document.pages[0]);
    REQUIRE(columns[0].size() == 1);
    REQUIRE(columns[1].size() == 5);
    const double gap = std::min(short_by / 4, max_space);
    CHECK(columns[1][0].first == doctest::Approx(design.margins.top));  // the column's top stays
    for (int i = 1; i < 5; ++i) CHECK(columns[1][i].first - columns[1][i - 1].second == doctest::Approx(gap));
    CHECK(columns[0][0].second - columns[1][4].second == doctest::Approx(short_by - 4 * gap));
  }
}

TEST_CASE("section plan: a template whose vertical justification is 0 leaves a balanced page's columns as they fall") {
  auto off = std::make_unique<Distributed>();
  off->design.geometry.vertical_justification.max_space = 0;
  const model::Template& design = off->design;
  const double column = design.page_height - design.margins.top - design.margins.bottom;
  const double short_by = 30;
  std::vector<layout::FlowBox> boxes = {Box(column * 0.5 + short_by, false, "tall")};
  for (int i = 0; i < 5; ++i) boxes.push_back(Box(column * 0.1, false, "b" + std::to_string(i)));
  auto laid = Distribute({{"body", boxes}}, std::move(off));
  CHECK(laid->messages == "");
  REQUIRE(laid->document.pages.size() == 1);
  const auto columns = BoxesByColumn(laid->design, laid->document.pages[0]);
  REQUIRE(columns[1].size() == 5);
  for (int i = 1; i < 5; ++i) CHECK(columns[1][i].first == doctest::Approx(columns[1][i - 1].second));
  CHECK(columns[0][0].second - columns[1][4].second == doctest::Approx(short_by));
}
