// The distributor alone, with boxes of known sizes: exact positions, floats and the "taller than a page" error.
#include <doctest/doctest.h>

#include "layout/flow.h"
#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;

namespace {

model::Template Design() {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  base::Diagnostics diags;
  model::Template design = model::LoadTemplate(fs, "templates/report-a4.yaml", diags);
  REQUIRE(diags.Sorted().empty());
  return design;
}

layout::FlowBox Box(double height, bool page_width, const std::string& id) {
  layout::FlowBox box;
  box.height = height;
  box.page_width = page_width;
  box.block_id = id;
  box.what = "box '" + id + "'";
  box.loc = {"x.yaml", 4, 3};
  box.items.push_back({layout::FilledRect{0, 0, 10, height, {}}, {}, ""});
  return box;
}

// Lays out one body section of boxes; returns the document and the diagnostics' messages.
struct Distributed {
  model::Template design = Design();
  layout::Document document;
  layout::PageMap pages;
  std::string messages;
};

// A section of boxes on a master page; its id is the master's name.
struct BoxSection {
  std::string master;
  std::vector<layout::FlowBox> boxes;
};

// Lays out sections of boxes, one after the other.
std::unique_ptr<Distributed> Distribute(const std::vector<BoxSection>& sections) {
  auto out = std::make_unique<Distributed>();
  std::map<std::string, layout::ShapedFootnote> notes;
  base::Diagnostics diags;
  layout::Distributor distributor(out->design, notes, out->document, out->pages, diags);
  for (const BoxSection& boxes : sections) {
    layout::SectionFlow section;
    section.id = boxes.master;
    section.master = &out->design.masters.at(boxes.master);
    for (const layout::FlowBox& box : boxes.boxes) section.body.push_back(box);
    distributor.AddSection(section);
  }
  distributor.Finish();
  for (const auto& d : diags.Sorted()) {
    out->messages += d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                     d.message + "\n";
  }
  return out;
}

std::unique_ptr<Distributed> Distribute(const std::vector<layout::FlowBox>& boxes) {
  return Distribute(std::vector<BoxSection>{{"body", boxes}});
}

}  // namespace

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

TEST_CASE("distribute: the columns of a one-page section are balanced too") {
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
