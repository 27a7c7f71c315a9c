// The Builder's front matter and furniture: cover, contents and running footers.
#include "layout/builder.h"

namespace barometer::layout {

FlowBox Builder::Cover() {
  FlowBox box;
  const double width = design_.ContentWidth();
  box.width = width;
  box.what = "cover";
  const model::LayoutGeometry::Cover& g = design_.geometry.cover;
  double y = 0;
  // The series line names the series and its year; an edition outside a series prints neither (no lone year).
  if (!language_.series.empty()) {
    y += Stack(box, 0, y, ShapePlain(language_.series + " " + std::to_string(in_.edition->year), "cover-series",
                                     width, language_.loc),
               {{"P", NewTag()}});
  }
  box.items.push_back(
      {RuleLine{0, y + g.rule_gap, g.rule_length, y + g.rule_gap, g.rule_width, design_.Colour("accent-2")}, {}, ""});
  double title_top = design_.ContentHeight() * g.title_top;
  double ty = title_top;
  ty += Stack(box, 0, ty, ShapePlain(language_.title, "cover-title", width * g.title_share, language_.loc),
              {{"H1", NewTag()}});
  ty += g.subtitle_gap;
  if (!language_.subtitle.empty()) {
    Stack(box, 0, ty, ShapePlain(language_.subtitle, "cover-subtitle", width * g.subtitle_share, language_.loc),
          {{"P", NewTag()}});
  }
  auto publisher = ShapePlain(language_.publisher, "cover-publisher", width, language_.loc);
  double bottom = design_.ContentHeight() - publisher->Height(publisher->line_count());
  if (!language_.edition_notice.empty()) {
    // "Second edition" stands just above the publisher, where a reader looks for the imprint.
    auto notice = ShapePlain(language_.edition_notice, "cover-publisher", width, language_.loc);
    Stack(box, 0, bottom - notice->Height(notice->line_count()), notice, {{"P", NewTag()}});
  }
  Stack(box, 0, bottom, publisher, {{"P", NewTag()}});
  box.height = design_.ContentHeight();
  return box;
}

FlowBox Builder::Contents(const std::vector<SectionFlow>& sections) {
  FlowBox box;
  const double width = design_.ContentWidth();
  box.width = width;
  box.what = "contents";
  double y = 0;
  box.items.push_back({Destination{"contents", 0, 0}, {}, ""});
  y += Stack(box, 0, y, ShapePlain(Label(language_, "contents"), "toc-title", width, language_.LabelsLoc()),
             {{"H1", NewTag()}});
  y += design_.Style("toc-title").space_after;
  const TextStyle& entry = design_.Style("toc-entry");
  int toc = NewTag();
  const model::LayoutGeometry::Contents& g = design_.geometry.contents;
  const double number_width = g.number_width;
  for (const SectionFlow& section : sections) {
    if (!model::ListedInContents(section.master->name) || section.title.empty()) continue;
    y += entry.space_before;
    auto it = pages_.first_page.find(section.id);
    std::string page = it == pages_.first_page.end() ? "00" : std::to_string(it->second);
    int item = NewTag();
    auto title = ShapePlain(section.title, "toc-entry", width - number_width - g.title_gap, {});
    auto number = ShapePlain(page, "toc-entry", number_width, {});
    double h = title->Height(title->line_count());
    box.items.push_back(
        {RuleLine{0, y + h + g.rule_gap, width, y + h + g.rule_gap, g.rule_width, design_.Colour("rule")}, {}, ""});
    box.items.push_back({TextLines{title, 0, title->line_count(), 0, y}, {{"TOC", toc}, {"TOCI", item}}, ""});
    box.items.push_back({TextLines{number, 0, 1, width - number->line(0).width, y},
                         {{"TOC", toc}, {"TOCI", item}}, ""});
    box.items.push_back({LinkArea{0, y, width, h, "#" + SectionDestination(section.id), section.title},
                         {{"TOC", toc}, {"TOCI", item}}, ""});
    y += h + g.rule_gap;
  }
  box.height = y;
  return box;
}

void Builder::AddFooters(Document& document) {
  const model::LayoutGeometry::Footer& g = design_.geometry.footer;
  const double y = design_.page_height - design_.margins.bottom + g.offset;
  const double left = design_.margins.inner;
  const double right = design_.page_width - design_.margins.outer;
  const std::string title = language_.title;
  auto title_text = ShapePlain(title, "footer", design_.ContentWidth() - g.title_room, {});
  for (Page& page : document.pages) {
    auto master = design_.masters.find(page.master);
    if (master == design_.masters.end() || !master->second.running_footer) continue;
    auto number = ShapePlain(page.label, "footer", g.number_width, {});
    page.items.push_back({RuleLine{left, y - g.rule_gap, right, y - g.rule_gap, g.rule_width, design_.Colour("rule")},
                          {}, ""});
    page.items.push_back({TextLines{title_text, 0, 1, left, y}, {}, ""});
    page.items.push_back({TextLines{number, 0, 1, right - number->line(0).width, y}, {}, ""});
  }
}

}  // namespace barometer::layout
