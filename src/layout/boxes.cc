// The Builder's unbreakable boxes: figures, pull quotes, tips, methodology facts, contacts. Each box holds its
// items relative to its top-left corner; the template's layout geometry sets their spaces, paddings and rules.
#include <algorithm>
#include <string>
#include <utility>

#include "layout/builder.h"

namespace barometer::layout {
namespace {

// A box's headings nest under the section's heading before the box (PDF/UA: no skipped levels).
std::string HeadingTag(int level) { return "H" + std::to_string(std::clamp(level, 1, 6)); }

// An empty box for `block`, named for messages, with its width and outer spaces.
FlowBox BoxFor(const model::Block& block, std::string what, double width, double space_before, double space_after) {
  FlowBox box;
  box.block_id = block.id;
  box.loc = block.loc;
  box.what = std::move(what);
  box.width = width;
  box.space_before = space_before;
  box.space_after = space_after;
  return box;
}

}  // namespace

// Stacks paragraphs top to bottom inside a box of `width`, returning the height used.
double Builder::Stack(FlowBox& box, double x, double y, const std::shared_ptr<const text::ShapedParagraph>& p,
                      const TagPath& tags) {
  AppendTextLines(p, 0, p->line_count(), x, y, tags, PhraseTags(*p), box.items);
  AppendLinkAreas(*p, 0, p->line_count(), x, y, tags, box.items);
  return p->Height(p->line_count());
}

FlowBox Builder::FigureBox(const model::Block& block, const model::FigureRef& ref, double column_width) {
  FlowBox box;
  box.block_id = block.id;
  box.loc = block.loc;
  box.what = "figure '" + ref.figure_id + "'";
  auto spec_it = in_.edition->figures.find(ref.figure_id);
  auto text_it = language_.figures.find(ref.figure_id);
  if (spec_it == in_.edition->figures.end() || text_it == language_.figures.end()) return box;
  const model::FigureSpec& spec = spec_it->second;
  const model::FigureText& words = text_it->second;
  box.page_width = spec.page_width;
  box.width = spec.page_width ? design_.ContentWidth() : column_width;
  const model::LayoutGeometry::Figure& g = design_.geometry.figure;
  box.space_before = g.space_before;
  box.space_after = g.space_after;
  double y = 0;
  box.items.push_back({RuleLine{0, 0.5, box.width, 0.5, g.rule_width, design_.Colour("accent")}, {}, ""});
  y += g.title_top;
  std::string title = Label(language_, "figure") + " " + std::to_string(spec.number) + ". " + words.title;
  text::TextRun title_run;
  title_run.text = title;
  // A caption's first line never ends in a hyphen, even where the template hyphenates captions.
  auto caption = Shape({title_run}, "figure-title", box.width, words.loc, "link", {0});
  // One Div holds the figure's caption, the chart and its notes: PDF 1.7 ties a Caption to a Figure only through
  // such a group, and a Caption inside the Figure would be hidden behind the Figure's /Alt by screen readers.
  const TagStep group = {"Div", NewTag()};
  const TagPath caption_tags = {group, {"Caption", NewTag()}};
  y += Stack(box, 0, y, caption, caption_tags);
  y += design_.Style("figure-title").space_after;
  if (!words.caption.empty()) {
    // The caption says what the figure shows, under its title; the note below says how to read the numbers.
    y += Stack(box, 0, y, ShapePlain(words.caption, "figure-note", box.width, words.loc), caption_tags);
    y += design_.Style("figure-title").space_after;
  }
  auto chart_it = in_.charts.find(ref.figure_id);
  if (chart_it != in_.charts.end() && chart_it->second) {
    const figures::Chart& chart = *chart_it->second;
    box.items.push_back({PlacedChart{chart_it->second, 0, y}, {group, {"Figure", NewTag()}}, chart.alt});
    y += chart.height;
  }
  const TextStyle& note_style = design_.Style("figure-note");
  const TagPath note_tags = {group, {"P", NewTag()}};
  std::vector<std::string> lines = {words.question, words.note};
  if (!spec.group_base_n.empty()) {
    // Groups with bases of their own: each group's n, so a reader can weigh the difference between them.
    const base::NumberStyle& numbers = language_.profile.numbers;
    std::string bases;
    for (const auto& [id, n] : spec.group_base_n) {
      auto label = words.labels.find(id);
      bases += (bases.empty() ? "" : "; ") + (label == words.labels.end() ? id : label->second) + " " +
               numbers.Format(n);
    }
    lines.push_back(Label(language_, "figure-base") + ": " + bases + ".");
  }
  for (const auto& pair : spec.significant_pairs) {
    lines.push_back(model::SignificantPairSentence(Label(language_, "significant-pair"), words, pair));
  }
  if (!words.source.empty()) lines.push_back(Label(language_, "figure-source") + ": " + words.source);
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    y += note_style.space_before;
    y += Stack(box, 0, y, ShapePlain(line, "figure-note", box.width, words.loc), note_tags);
  }
  box.height = y;
  return box;
}

FlowBox Builder::QuoteBox(const model::Block& block, const model::PullQuote& quote, double width) {
  const TextStyle& style = design_.Style("quote");
  const model::LayoutGeometry::PullQuote& g = design_.geometry.pull_quote;
  FlowBox box = BoxFor(block, "pull quote '" + block.id + "'", width, style.space_before + g.extra_space_before,
                       style.space_after + g.extra_space_after);
  const model::Rgb accent = design_.Colour("accent-2");
  box.items.push_back({RuleLine{0, 1, g.rule_length, 1, g.rule_width, accent}, {}, ""});
  double y = g.text_top;
  int tag = NewTag();
  y += Stack(box, 0, y, Shape(Runs(quote.text, nullptr), "quote", width, quote.text.loc), {{"BlockQuote", tag}});
  if (!quote.attribution.empty()) {
    y += g.attribution_gap;
    y += Stack(box, 0, y, Shape(Runs(quote.attribution, nullptr), "box-small", width, quote.attribution.loc),
               {{"BlockQuote", tag}});
  }
  box.height = y + g.bottom;
  return box;
}

FlowBox Builder::TipsBox(const model::Block& block, const model::TipsBox& tips, const model::Section& section,
                         int heading_level) {
  const model::LayoutGeometry::Tips& g = design_.geometry.tips;
  FlowBox box = BoxFor(block, "tips box '" + block.id + "'", design_.ContentWidth(), g.space_before, g.space_after);
  box.page_width = true;
  const double pad = g.padding;
  const double inner = box.width - 2 * pad;
  std::vector<Item> content;
  FlowBox inner_box;  // collects items at inner coordinates
  double y = pad;
  int tag = NewTag();
  TagPath tags = {{"Sect", tag}};
  auto p_tags = [&](int t) { return TagPath{{"Sect", tag}, {"P", t}}; };
  if (!tips.title.empty()) {
    y += Stack(inner_box, pad, y, Shape(Runs(tips.title, &section), "box-title", inner, tips.title.loc),
               {{"Sect", tag}, {HeadingTag(heading_level), NewTag()}});
  }
  if (!tips.giver.name.empty()) {
    std::string giver = Label(language_, "tips-by") + " " + tips.giver.name;
    if (!tips.giver.role.empty()) giver += ", " + tips.giver.role;
    if (!tips.giver.organisation.empty()) giver += ", " + tips.giver.organisation;
    y += Stack(inner_box, pad, y, ShapePlain(giver, "box-small", inner, tips.giver.loc), p_tags(NewTag()));
  }
  if (!tips.title.empty() || !tips.giver.name.empty()) y += g.giver_gap;
  if (!tips.intro.empty()) {
    y += Stack(inner_box, pad, y, Shape(Runs(tips.intro, &section), "box-body", inner, tips.intro.loc),
               p_tags(NewTag()));
    y += g.intro_gap;
  }
  // The tips sit side by side in the columns of the template's "tips" master, row after row.
  const model::MasterPage& grid = design_.masters.at("tips");
  const int count = static_cast<int>(tips.items.size());
  const int columns = std::max(1, std::min(grid.columns, count));
  const double gap = design_.gutter;
  const double tip_width = (inner - gap * (columns - 1)) / columns;
  double row_height = 0;
  const int list = NewTag();
  for (int i = 0; i < count; ++i) {
    if (i > 0 && i % columns == 0) {
      y += row_height + gap;
      row_height = 0;
    }
    const model::Tip& tip = tips.items[i];
    double x = pad + (i % columns) * (tip_width + gap);
    double ty = y;
    TagPath item = tags;
    item.insert(item.end(), {{"L", list}, {"LI", NewTag()}});
    auto in_item = [&](std::vector<TagStep> steps) {
      TagPath path = item;
      path.insert(path.end(), steps.begin(), steps.end());
      return path;
    };
    ty += Stack(inner_box, x, ty, ShapePlain(std::to_string(i + 1), "figure-headline", tip_width, tip.title.loc),
                in_item({{"Lbl", NewTag()}}));
    ty += g.number_gap;
    const int body = NewTag();
    ty += Stack(inner_box, x, ty, Shape(Runs(tip.title, &section), "box-heading", tip_width, tip.title.loc),
                in_item({{"LBody", body}, {HeadingTag(heading_level + 1), NewTag()}}));
    ty += design_.Style("box-heading").space_after;
    ty += Stack(inner_box, x, ty, Shape(Runs(tip.body, &section), "box-body", tip_width, tip.body.loc),
                in_item({{"LBody", body}, {"P", NewTag()}}));
    row_height = std::max(row_height, ty - y);
  }
  y += row_height + pad;
  const std::string tint = grid.background.empty() ? "box-tint" : grid.background;
  box.items.push_back({FilledRect{0, 0, box.width, y, design_.Colour(tint)}, {}, ""});
  box.items.push_back({FilledRect{0, 0, g.stripe_width, y, design_.Colour("accent")}, {}, ""});
  for (Item& item : inner_box.items) box.items.push_back(std::move(item));
  box.height = y;
  return box;
}

FlowBox Builder::FactsBox(const model::Block& block, const model::Methodology& facts, double width,
                          const model::Section& section, int heading_level) {
  const model::LayoutGeometry::Facts& g = design_.geometry.facts;
  FlowBox box = BoxFor(block, "methodology box '" + block.id + "'", width, g.space_before, g.space_after);
  const double pad = g.padding;
  const double inner = width - 2 * pad;
  const double label_width = inner * g.label_share;
  const double value_width = inner - label_width - g.column_gap;
  FlowBox content;
  int table = NewTag();
  double y = pad;
  y += Stack(content, pad, y, ShapePlain(Label(language_, "methodology-facts"), "box-heading", inner, block.loc),
             {{HeadingTag(heading_level), NewTag()}});
  y += g.heading_gap;
  for (const model::Fact& fact : facts.facts) {
    int row = NewTag();
    auto label = Shape(Runs(fact.label, &section), "fact-label", label_width, fact.label.loc);
    auto value = Shape(Runs(fact.value, &section), "fact-value", value_width, fact.value.loc);
    content.items.push_back({RuleLine{pad, y, pad + inner, y, g.rule_width, design_.Colour("rule")}, {}, ""});
    y += g.row_top;
    double h1 = Stack(content, pad, y, label, {{"Table", table}, {"TR", row}, {"TH", NewTag()}});
    double h2 = Stack(content, pad + label_width + g.column_gap, y, value,
                      {{"Table", table}, {"TR", row}, {"TD", NewTag()}});
    y += std::max(h1, h2) + g.row_gap;
  }
  y += pad - g.row_top;
  box.items.push_back({FilledRect{0, 0, width, y, design_.Colour("box-tint")}, {}, ""});
  for (Item& item : content.items) box.items.push_back(std::move(item));
  box.height = y;
  return box;
}

FlowBox Builder::ContactsBox(const model::Block& block, const model::CaseStory& story, double width,
                             int heading_level) {
  const model::LayoutGeometry::Contacts& g = design_.geometry.contacts;
  FlowBox box = BoxFor(block, "contacts of case '" + block.id + "'", width, g.space_before, g.space_after);
  box.block_id = block.id + "-contacts";
  double y = 0;
  box.items.push_back({RuleLine{0, 0.5, width, 0.5, g.rule_width, design_.Colour("accent")}, {}, ""});
  y += g.heading_top;
  int tag = NewTag();
  std::string heading = Label(language_, story.contacts.size() == 1 ? "contact" : "contacts");
  y += Stack(box, 0, y, ShapePlain(heading, "box-heading", width, block.loc),
             {{"Div", tag}, {HeadingTag(heading_level), NewTag()}});
  for (const model::Person& person : story.contacts) {
    std::string line = person.name;
    if (!person.role.empty()) line += ", " + person.role;
    if (!person.organisation.empty()) line += ", " + person.organisation;
    y += Stack(box, 0, y, ShapePlain(line, "box-small", width, person.loc), {{"Div", tag}, {"P", NewTag()}});
    y += g.person_gap;
  }
  // The box ends at its last line, where the eye sees its foot (balancing lines it up with the other column);
  // the gap under the last person joins the space after it.
  if (!story.contacts.empty()) {
    y -= g.person_gap;
    box.space_after += g.person_gap;
  }
  box.height = y;
  return box;
}

}  // namespace barometer::layout
