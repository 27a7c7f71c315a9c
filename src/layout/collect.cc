// The Builder's collecting: a section's blocks -> its opening box and its flow of paragraphs and boxes.
#include <algorithm>
#include <cstdio>

#include "layout/builder.h"

namespace barometer::layout {
FlowText Builder::Text(const RichText& rich, const model::Section& section, const std::string& style_name,
                       double width, const TagPath& tags, const std::string& link_colour) {
  const TextStyle& style = design_.Style(style_name);
  FlowText text;
  std::vector<text::TextRun> runs = Runs(rich, &section);
  text.paragraph = Shape(runs, style_name, width, rich.loc, link_colour);
  text.phrase_tags = PhraseTags(*text.paragraph);
  text.rebreak = [this, runs, style_name, width, loc = rich.loc, link_colour](const std::vector<int>& lines) {
    return Shape(runs, style_name, width, loc, link_colour, lines);
  };
  text.space_before = style.space_before;
  text.space_after = style.space_after;
  text.tags = tags;
  text.loc = rich.loc;
  return text;
}

SectionFlow Builder::Section(const model::Section& section) {
  SectionFlow flow;
  flow.id = section.id;
  auto master_it = design_.masters.find(section.master);
  // An unknown master is reported by check::CheckEdition, which stops the build before layout.
  if (master_it == design_.masters.end()) master_it = design_.masters.find("body");
  flow.master = &master_it->second;
  flow.title = section.TitleForContents().Plain();
  flow.opening = Opening(section, *flow.master);
  for (const model::Block& block : section.blocks) AddBlock(flow, block, section);
  return flow;
}

FlowBox Builder::Opening(const model::Section& section, const model::MasterPage& master) {
  const double full = design_.ContentWidth();
  FlowBox opening;
  opening.width = full;
  opening.what = "title of section '" + section.id + "'";
  opening.loc = section.loc;
  double y = 0;
  opening.items.push_back({Destination{SectionDestination(section.id), 0, 0}, {}, ""});
  int sect = NewTag();
  if (!section.kicker.empty()) {
    y += Stack(opening, 0, y, ShapePlain(section.kicker, "kicker", full, section.loc), {{"P", NewTag()}});
    y += design_.Style("kicker").space_after;
  }
  if (section.title.empty()) {
    // A section without a title of its own opens with its first block (a heading or a titled tips box names it
    // in the contents); only a kicker, if any, stands above it.
    opening.height = y;
    opening.space_after = y > 0 ? design_.geometry.section.opening_space_after : 0;
    return opening;
  }
  y += Stack(opening, 0, y, Shape(Runs(section.title, &section), master.title_style, full, section.title.loc),
             {{"H1", sect}});
  y += design_.Style(master.title_style).space_after;
  opening.height = y;
  opening.space_after = design_.geometry.section.opening_space_after;
  return opening;
}

void Builder::AddBlock(SectionFlow& flow, const model::Block& block, const model::Section& section) {
  const model::MasterPage& master = *flow.master;
  const double column = design_.ColumnWidth(master.columns);
  const std::string& links = master.link_colour;
  std::visit(
      [&](const auto& content) {
        using T = std::decay_t<decltype(content)>;
        if constexpr (std::is_same_v<T, model::Heading>) {
          AddHeading(flow, block, content, section, column);
        } else if constexpr (std::is_same_v<T, model::Paragraph>) {
          FlowText text = Text(content.text, section, master.body_style, column, {{"P", NewTag()}}, links);
          text.block_id = block.id;
          if (in_.untranslated.count(section.id + "/" + block.id)) {
            // A draft marks text still in the source language beside its first line, in the margin.
            const model::LayoutGeometry::Draft& draft = design_.geometry.draft;
            text.marker = ShapePlain("\u00B6", "kicker", draft.mark_width, block.loc);
            text.marker_shift = draft.mark_width + draft.mark_gap;
          }
          flow.body.push_back(std::move(text));
        } else if constexpr (std::is_same_v<T, model::BulletList>) {
          AddList(flow, block, content, section, column);
        } else if constexpr (std::is_same_v<T, model::PullQuote>) {
          flow.body.push_back(QuoteBox(block, content, column));
        } else if constexpr (std::is_same_v<T, model::FigureRef>) {
          flow.body.push_back(FigureBox(block, content, column));
        } else if constexpr (std::is_same_v<T, model::CaseStory>) {
          AddCase(flow, block, content, section, column, design_.ContentWidth());
        } else if constexpr (std::is_same_v<T, model::TipsBox>) {
          flow.body.push_back(TipsBox(block, content, section, flow.heading_level + 1));
        } else if constexpr (std::is_same_v<T, model::Methodology>) {
          flow.body.push_back(FactsBox(block, content, column, section, flow.heading_level + 1));
        } else if constexpr (std::is_same_v<T, model::Colophon>) {
          AddColophon(flow, block, content, section, column, links);
        }
      },
      block.content);
}

void Builder::AddHeading(SectionFlow& flow, const model::Block& block, const model::Heading& heading,
                         const model::Section& section, double column) {
  std::string style = heading.level == 2 ? "h2" : "h3";
  FlowText text = Text(heading.text, section, style, column, {{heading.level == 2 ? "H2" : "H3", NewTag()}},
                       flow.master->link_colour);
  text.keep_together = true;
  text.keep_with_next = true;
  text.block_id = block.id;
  flow.heading_level = heading.level == 2 ? 2 : 3;
  // A heading that names its untitled section in the contents is the section's outline entry, not one under it.
  const bool names_section = section.title.empty() && &section.TitleForContents() == &heading.text;
  if (heading.level == 2 && !names_section) {
    text.destination = "sec-" + section.id + "-" + block.id;
    flow.subheadings.emplace_back(heading.text.Plain(), text.destination);
  }
  flow.body.push_back(std::move(text));
}

void Builder::AddList(SectionFlow& flow, const model::Block& block, const model::BulletList& list,
                      const model::Section& section, double column) {
  const TextStyle& style = design_.Style("list");
  int list_tag = NewTag();
  for (size_t k = 0; k < list.items.size(); ++k) {
    int item = NewTag();
    FlowText text = Text(list.items[k], section, "list", column - style.indent,
                         {{"L", list_tag}, {"LI", item}, {"LBody", NewTag()}}, flow.master->link_colour);
    text.indent = style.indent;
    std::string mark = list.ordered ? std::to_string(k + 1) + "." : "\u2022";
    text.marker = ShapePlain(mark, "list", style.indent, block.loc);
    text.marker_tags = {{"L", list_tag}, {"LI", item}, {"Lbl", NewTag()}};
    text.space_before = k == 0 ? style.space_before : 0;
    text.space_after = k + 1 == list.items.size() ? design_.Style(flow.master->body_style).space_after
                                                  : style.space_after;
    text.block_id = k == 0 ? block.id : "";
    flow.body.push_back(std::move(text));
  }
}

void Builder::AddCase(SectionFlow& flow, const model::Block& block, const model::CaseStory& story,
                      const model::Section& section, double column, double full) {
  // The lede runs across the page under the title; the story flows in the columns.
  FlowBox lede;
  lede.page_width = true;
  lede.width = full;
  lede.block_id = block.id;
  lede.loc = block.loc;
  lede.what = "lede of case '" + block.id + "'";
  const double lede_width = full * design_.geometry.case_story.lede_share;
  lede.height =
      Stack(lede, 0, 0, Shape(Runs(story.lede, &section), "lead", lede_width, story.lede.loc), {{"P", NewTag()}});
  lede.space_after = design_.Style("lead").space_after;
  flow.body.push_back(std::move(lede));
  for (auto [key, paragraphs] : {std::pair{"before", &story.before}, std::pair{"now", &story.now}}) {
    if (paragraphs->empty()) continue;  // a case told as a free story
    FlowText heading;
    heading.paragraph = ShapePlain(Label(language_, key), "h2", column, block.loc);
    heading.space_before = design_.Style("h2").space_before;
    heading.space_after = design_.Style("h2").space_after;
    heading.keep_together = heading.keep_with_next = true;
    heading.tags = {{"H2", NewTag()}};
    flow.heading_level = 2;
    flow.body.push_back(std::move(heading));
    for (const RichText& paragraph : *paragraphs) {
      flow.body.push_back(Text(paragraph, section, "body", column, {{"P", NewTag()}}, "link"));
    }
  }
  // The nomination, link and contacts below close the case, after its whole story.
  for (const model::Block& part : story.story) AddBlock(flow, part, section);
  if (!story.nomination.empty()) {
    FlowText nomination = Text(story.nomination, section, "box-body", column, {{"P", NewTag()}}, "link");
    nomination.space_before = design_.geometry.case_story.nomination_space_before;
    flow.body.push_back(std::move(nomination));
  }
  if (story.link) {
    model::RichText link = story.link->text;
    for (model::Span& span : link.spans) span.link = story.link->url;
    flow.body.push_back(Text(link, section, "box-body", column, {{"P", NewTag()}}, "link"));
  }
  if (!story.contacts.empty()) flow.body.push_back(ContactsBox(block, story, column, flow.heading_level + 1));
}

void Builder::AddColophon(SectionFlow& flow, const model::Block& block, const model::Colophon& colophon,
                          const model::Section& section, double column, const std::string& links) {
  for (const RichText& paragraph : colophon.about) {
    FlowText text = Text(paragraph, section, "colophon", column, {{"P", NewTag()}}, links);
    text.block_id = block.id;
    flow.body.push_back(std::move(text));
  }
  for (const model::Link& link : colophon.links) {
    model::RichText rich = link.text;
    for (model::Span& span : rich.spans) span.link = link.url;
    FlowText text = Text(rich, section, "colophon", column, {{"P", NewTag()}}, links);
    text.space_after = design_.geometry.colophon.link_space_after;
    flow.body.push_back(std::move(text));
  }
  // The imprint comes from edition.yaml; an empty ISBN prints nothing rather than a made-up number.
  std::vector<std::string> imprint;
  if (colophon.show_title) {
    imprint.push_back(language_.subtitle.empty() ? language_.title : language_.title + ". " + language_.subtitle);
  }
  if (!language_.edition_notice.empty()) imprint.push_back(language_.edition_notice);
  imprint.push_back(Label(language_, "publisher") + ": " + language_.publisher);
  imprint.push_back(Label(language_, "published") + ": " + PublicationDate());
  if (!in_.edition->web.empty()) imprint.push_back(Label(language_, "web") + ": " + in_.edition->web);
  if (!language_.isbn.empty()) imprint.push_back(Label(language_, "isbn") + ": " + language_.isbn);
  bool first = true;
  for (const std::string& line : imprint) {
    FlowText text;
    text.paragraph = ShapePlain(line, "colophon", column, block.loc);
    text.space_before = first ? design_.geometry.colophon.imprint_space_before : 0;
    text.space_after = design_.geometry.colophon.imprint_space_after;
    text.tags = {{"P", NewTag()}};
    flow.body.push_back(std::move(text));
    first = false;
  }
}

std::string Builder::PublicationDate() const { return language_.profile.FormatDate(in_.edition->publication_date); }

}  // namespace barometer::layout
