// The distributor alone, with boxes of known sizes: exact positions, columns and pages, the back cover's even page
// and the "taller than a page" errors. Balancing and float plans: section_plan_test.cc.
#include <doctest/doctest.h>

#include "distribute_fixture.h"

using namespace barometer;
using namespace barometer::testing;

TEST_CASE("distribute: boxes fill a column, then move to the next column and page") {
  const model::Template design = Design();
  const double column = design.page_height - design.margins.top - design.margins.bottom;
  std::vector<layout::FlowBox> boxes;
  for (int i = 0; i < 5; ++i) boxes.push_back(Box(column * 0.4, false, "b" + std::to_string(i)));
  auto laid = Distribute(boxes);
  CHECK(laid->messages == "");
  REQUIRE(laid->document.pages.size() == 2);
  // Two boxes per column (0.4 + 0.4 of its height); the fifth opens the next page.
  CHECK(laid->pages.first_page.at("b0") == 1);
  CHECK(laid->pages.first_page.at("b3") == 1);
  CHECK(laid->pages.first_page.at("b4") == 2);
  const auto& first = std::get<layout::FilledRect>(laid->document.pages[0].items[0].content);
  CHECK(first.x == doctest::Approx(design.margins.inner));
  CHECK(first.y == doctest::Approx(design.margins.top));
  const auto& third = std::get<layout::FilledRect>(laid->document.pages[0].items[2].content);
  CHECK(third.x == doctest::Approx(design.margins.inner + design.ColumnWidth(2) + design.gutter));
}

TEST_CASE("distribute: a box taller than a page is an error at its block") {
  auto laid = Distribute({Box(900, true, "huge")});
  CHECK(laid->messages == "x.yaml:4:3: box 'huge' is taller than a page (900pt, the page has 703pt)\n");
}

TEST_CASE("distribute: a column-wide box taller than a column is an error at its block, and still placed") {
  auto laid = Distribute({Box(900, false, "tall")});
  CHECK(laid->messages == "x.yaml:4:3: box 'tall' is taller than a column (900pt, the column has 703pt)\n");
  CHECK(laid->pages.first_page.at("tall") == 1);
}

TEST_CASE("distribute: a back cover lands on an even page, after a blank page where needed") {
  const model::Template design = Design();
  REQUIRE(design.masters.at("back-cover").even_page);
  const double column = design.page_height - design.margins.top - design.margins.bottom;
  for (int body_pages : {1, 2}) {
    INFO(body_pages << " body pages");
    std::vector<layout::FlowBox> body;
    for (int i = 0; i < 2 * body_pages; ++i) body.push_back(Box(column * 0.9, false, "b" + std::to_string(i)));
    auto laid = Distribute({{"body", body}, {"back-cover", {Box(100, false, "colophon")}}});
    CHECK(laid->messages == "");
    const layout::Document& document = laid->document;
    REQUIRE(document.pages.size() % 2 == 0);
    CHECK(document.pages.back().master == "back-cover");
    CHECK(laid->pages.first_page.at("back-cover") == static_cast<int>(document.pages.size()));
    if (body_pages == 2) {
      const layout::Page& blank = document.pages[2];
      CHECK(blank.master == "");
      CHECK(blank.items.empty());
    }
  }
}
