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

// Lays out sections of boxes, one after the other, with `out`'s template.
std::unique_ptr<Distributed> Distribute(const std::vector<BoxSection>& sections,
                                        std::unique_ptr<Distributed> out = std::make_unique<Distributed>()) {
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

TEST_CASE("distribute: page-wide boxes put off to the next page go to its top only as far as they fit") {
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

TEST_CASE("distribute: boxes that fill a page's top leave its text to the next page") {
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

TEST_CASE("distribute: vertical justification ends a balanced page's columns together, within its limit") {
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

TEST_CASE("distribute: a template whose vertical justification is 0 leaves a balanced page's columns as they fall") {
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
