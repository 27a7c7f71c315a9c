#include "layout/layout.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "layout/flow.h"

namespace barometer::layout {
namespace {

using model::RichText;
using model::TextStyle;

std::string Label(const model::LanguageEdition& language, const std::string& key) {
  auto it = language.labels.find(key);
  return it == language.labels.end() ? key : it->second;
}

std::string SectionDestination(const std::string& id) { return "sec-" + id; }

// Shaped paragraphs by their content, style and width, kept across layout passes: only paragraphs whose page
// references changed are shaped again. Diagnostics found while shaping are replayed on every hit.
struct ShapeCache {
  struct Entry {
    std::shared_ptr<const text::ShapedParagraph> paragraph;
    std::vector<base::Diagnostic> diagnostics;
  };
  using Map = std::map<std::string, Entry>;
};

class Builder {
 public:
  Builder(const LayoutInput& input, const PageMap& pages, ShapeCache::Map& cache, base::Diagnostics& diags)
      : cache_(cache),
        in_(input),
        design_(input.edition->design),
        language_(*input.language),
        shaper_(*input.shaper),
        pages_(pages),
        diags_(diags) {}

  // ---- text ----

  std::vector<text::TextRun> Runs(const RichText& rich, const model::Section* section) {
    std::vector<text::TextRun> runs;
    for (const model::Span& span : rich.spans) {
      text::TextRun run;
      run.emphasis = span.emphasis;
      run.strong = span.strong;
      run.link = span.link;
      if (!span.footnote.empty()) {
        std::string key = (section ? section->id : std::string()) + "/" + span.footnote;
        run.text = std::to_string(FootnoteNumber(key, section, span.footnote));
        run.superscript = true;
        run.footnote = key;
      } else if (!span.page_ref.empty()) {
        auto it = pages_.first_page.find(span.page_ref);
        // Before the first pass has placed anything, a two-digit stand-in keeps the line breaks close.
        run.text = it == pages_.first_page.end() ? "00" : std::to_string(it->second);
        if (run.link.empty()) {
          bool section_ref = std::any_of(language_.sections.begin(), language_.sections.end(),
                                         [&](const model::Section& s) { return s.id == span.page_ref; });
          run.link = "#" + (section_ref ? SectionDestination(span.page_ref) : BlockDestination(span.page_ref));
          if (!section_ref) anchors_.insert(span.page_ref);
        }
      } else {
        run.text = span.text;
      }
      runs.push_back(std::move(run));
    }
    return runs;
  }

  std::shared_ptr<const text::ShapedParagraph> Shape(std::vector<text::TextRun> runs, const std::string& style_name,
                                                     double width, const base::SourceLoc& loc,
                                                     const std::string& link_colour = "link") {
    const TextStyle& style = design_.Style(style_name);
    std::ostringstream key;
    key << style_name << '|' << width << '|' << link_colour;
    for (const text::TextRun& r : runs) {
      key << '\x1f' << r.text << '\x1e' << r.emphasis << r.strong << r.superscript << r.link << '\x1e' << r.footnote;
    }
    auto cached = cache_.find(key.str());
    if (cached != cache_.end()) {
      for (const base::Diagnostic& d : cached->second.diagnostics) diags_.Add(d);
      return cached->second.paragraph;
    }
    text::ParagraphInput input;
    input.runs = std::move(runs);
    input.style = style;
    input.colour = design_.Colour(style.color);
    input.link_colour = design_.Colour(link_colour);
    input.width = width;
    input.max_word_space = design_.max_word_space;
    input.min_word_space = design_.min_word_space;
    input.max_hyphens_in_row = design_.max_hyphens_in_row;
    base::Diagnostics found;
    auto shaped = shaper_.Shape(input, loc, found);
    std::vector<base::Diagnostic> diagnostics = found.Sorted();
    for (const base::Diagnostic& d : diagnostics) diags_.Add(d);
    cache_.emplace(key.str(), ShapeCache::Entry{shaped, std::move(diagnostics)});
    return shaped;
  }

  std::shared_ptr<const text::ShapedParagraph> ShapePlain(const std::string& text, const std::string& style_name,
                                                          double width, const base::SourceLoc& loc) {
    text::TextRun run;
    run.text = text;
    return Shape({run}, style_name, width, loc);
  }

  int NewTag() { return next_tag_++; }

  // ---- footnotes ----

  int FootnoteNumber(const std::string& key, const model::Section* section, const std::string& id) {
    auto it = footnote_numbers_.find(key);
    if (it != footnote_numbers_.end()) return it->second;
    int number = static_cast<int>(footnote_numbers_.size()) + 1;
    footnote_numbers_[key] = number;
    if (section) {
      for (const model::Footnote& note : section->footnotes) {
        if (note.id != id) continue;
        std::vector<text::TextRun> runs;
        text::TextRun mark;
        mark.text = std::to_string(number) + "\u2002";
        runs.push_back(mark);
        for (text::TextRun& r : Runs(note.text, section)) runs.push_back(std::move(r));
        footnotes_[key] = {number, Shape(std::move(runs), "footnote", column_width_, note.loc)};
      }
    }
    return number;
  }

  const std::map<std::string, ShapedFootnote>& footnotes() const { return footnotes_; }
  /// Block ids that page references point to.
  const std::set<std::string>& anchors() const { return anchors_; }

  // ---- boxes ----

  // Stacks paragraphs top to bottom inside a box of `width`, returning the height used.
  double Stack(FlowBox& box, double x, double y, const std::shared_ptr<const text::ShapedParagraph>& p,
               const TagPath& tags) {
    box.items.push_back({TextLines{p, 0, p->line_count(), x, y}, tags, ""});
    for (int line = 0; line < p->line_count(); ++line) {
      for (const text::LinkBox& link : p->LinkBoxes(line)) {
        box.items.push_back({LinkArea{x + p->line(line).x + link.x0, y + p->Height(line), link.x1 - link.x0,
                                      p->leading(), link.target},
                             tags, ""});
      }
    }
    return p->Height(p->line_count());
  }

  FlowBox FigureBox(const model::Block& block, const model::FigureRef& ref, double column_width) {
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
    box.space_before = 8;
    box.space_after = 14;
    double y = 0;
    box.items.push_back({RuleLine{0, 0.5, box.width, 0.5, 1.2, design_.Colour("accent")}, {}, ""});
    y += 7;
    std::string title = Label(language_, "figure") + " " + std::to_string(spec.number) + ". " + words.title;
    y += Stack(box, 0, y, ShapePlain(title, "figure-title", box.width, words.loc), {{"Caption", NewTag()}});
    y += design_.Style("figure-title").space_after;
    auto chart_it = in_.charts.find(ref.figure_id);
    if (chart_it != in_.charts.end() && chart_it->second) {
      const figures::Chart& chart = *chart_it->second;
      box.items.push_back({PlacedChart{chart_it->second, 0, y}, {{"Figure", NewTag()}}, chart.alt});
      y += chart.height;
    }
    const TextStyle& note_style = design_.Style("figure-note");
    int note_tag = NewTag();
    for (const std::string* part : {&words.question, &words.note}) {
      if (part->empty()) continue;
      y += note_style.space_before;
      y += Stack(box, 0, y, ShapePlain(*part, "figure-note", box.width, words.loc), {{"P", note_tag}});
    }
    box.height = y;
    return box;
  }

  FlowBox QuoteBox(const model::Block& block, const model::PullQuote& quote, double width) {
    FlowBox box;
    box.block_id = block.id;
    box.loc = block.loc;
    box.what = "pull quote '" + block.id + "'";
    box.width = width;
    const TextStyle& style = design_.Style("quote");
    box.space_before = style.space_before + 4;
    box.space_after = style.space_after + 6;
    const model::Color accent = design_.Colour("accent-2");
    box.items.push_back({RuleLine{0, 1, 36, 1, 2.5, accent}, {}, ""});
    double y = 10;
    int tag = NewTag();
    y += Stack(box, 0, y, Shape(Runs(quote.text, nullptr), "quote", width, quote.text.loc), {{"BlockQuote", tag}});
    if (!quote.attribution.empty()) {
      y += 3;
      y += Stack(box, 0, y, Shape(Runs(quote.attribution, nullptr), "box-small", width, quote.attribution.loc),
                 {{"BlockQuote", tag}});
    }
    box.height = y + 2;
    return box;
  }

  FlowBox TipsBox(const model::Block& block, const model::TipsBox& tips, const model::Section& section) {
    FlowBox box;
    box.block_id = block.id;
    box.loc = block.loc;
    box.what = "tips box '" + block.id + "'";
    box.page_width = true;
    box.width = design_.ContentWidth();
    box.space_before = 10;
    box.space_after = 16;
    const double pad = 16;
    const double inner = box.width - 2 * pad;
    std::vector<Item> content;
    FlowBox inner_box;  // collects items at inner coordinates
    double y = pad;
    int tag = NewTag();
    TagPath tags = {{"Sect", tag}};
    auto heading_tags = [&](int t) { return TagPath{{"Sect", tag}, {"H3", t}}; };
    auto p_tags = [&](int t) { return TagPath{{"Sect", tag}, {"P", t}}; };
    y += Stack(inner_box, pad, y, Shape(Runs(tips.title, &section), "box-title", inner, tips.title.loc),
               heading_tags(NewTag()));
    std::string giver = Label(language_, "tips-by") + " " + tips.giver.name;
    if (!tips.giver.role.empty()) giver += ", " + tips.giver.role;
    if (!tips.giver.organisation.empty()) giver += ", " + tips.giver.organisation;
    y += Stack(inner_box, pad, y, ShapePlain(giver, "box-small", inner, tips.giver.loc), p_tags(NewTag()));
    y += 8;
    if (!tips.intro.empty()) {
      y += Stack(inner_box, pad, y, Shape(Runs(tips.intro, &section), "box-body", inner, tips.intro.loc),
                 p_tags(NewTag()));
      y += 6;
    }
    // The tips sit side by side in the columns of the template's "tips" master, row after row.
    const model::MasterPage& grid = design_.masters.at("tips");
    const int count = static_cast<int>(tips.items.size());
    const int columns = std::max(1, std::min(grid.columns, count));
    const double gap = design_.gutter;
    const double tip_width = (inner - gap * (columns - 1)) / columns;
    double row_height = 0;
    for (int i = 0; i < count; ++i) {
      if (i > 0 && i % columns == 0) {
        y += row_height + gap;
        row_height = 0;
      }
      const model::Tip& tip = tips.items[i];
      double x = pad + (i % columns) * (tip_width + gap);
      double ty = y;
      ty += Stack(inner_box, x, ty, ShapePlain(std::to_string(i + 1), "figure-headline", tip_width, tip.title.loc),
                  {{"Sect", tag}, {"Lbl", NewTag()}});
      ty += 2;
      ty += Stack(inner_box, x, ty, Shape(Runs(tip.title, &section), "box-heading", tip_width, tip.title.loc),
                  heading_tags(NewTag()));
      ty += design_.Style("box-heading").space_after;
      ty += Stack(inner_box, x, ty, Shape(Runs(tip.body, &section), "box-body", tip_width, tip.body.loc),
                  p_tags(NewTag()));
      row_height = std::max(row_height, ty - y);
    }
    y += row_height + pad;
    const std::string tint = grid.background.empty() ? "box-tint" : grid.background;
    box.items.push_back({FilledRect{0, 0, box.width, y, design_.Colour(tint)}, {}, ""});
    box.items.push_back({FilledRect{0, 0, 4, y, design_.Colour("accent")}, {}, ""});
    for (Item& item : inner_box.items) box.items.push_back(std::move(item));
    box.height = y;
    return box;
  }

  FlowBox FactsBox(const model::Block& block, const model::Methodology& facts, double width,
                   const model::Section& section) {
    FlowBox box;
    box.block_id = block.id;
    box.loc = block.loc;
    box.what = "methodology box '" + block.id + "'";
    box.width = width;
    box.space_before = 6;
    box.space_after = 14;
    const double pad = 12;
    const double inner = width - 2 * pad;
    const double label_width = inner * 0.36;
    const double value_width = inner - label_width - 8;
    FlowBox content;
    int table = NewTag();
    double y = pad;
    y += Stack(content, pad, y, ShapePlain(Label(language_, "methodology-facts"), "box-heading", inner, block.loc),
               {{"H3", NewTag()}});
    y += 4;
    for (const model::Fact& fact : facts.facts) {
      int row = NewTag();
      auto label = Shape(Runs(fact.label, &section), "fact-label", label_width, fact.label.loc);
      auto value = Shape(Runs(fact.value, &section), "fact-value", value_width, fact.value.loc);
      content.items.push_back({RuleLine{pad, y, pad + inner, y, 0.4, design_.Colour("rule")}, {}, ""});
      y += 3;
      double h1 = Stack(content, pad, y, label, {{"Table", table}, {"TR", row}, {"TH", NewTag()}});
      double h2 = Stack(content, pad + label_width + 8, y, value, {{"Table", table}, {"TR", row}, {"TD", NewTag()}});
      y += std::max(h1, h2) + 2;
    }
    y += pad - 3;
    box.items.push_back({FilledRect{0, 0, width, y, design_.Colour("box-tint")}, {}, ""});
    for (Item& item : content.items) box.items.push_back(std::move(item));
    box.height = y;
    return box;
  }

  FlowBox ContactsBox(const model::Block& block, const model::CaseStory& story, double width) {
    FlowBox box;
    box.block_id = block.id + "-contacts";
    box.loc = block.loc;
    box.what = "contacts of case '" + block.id + "'";
    box.width = width;
    box.space_before = 8;
    box.space_after = 8;
    double y = 0;
    box.items.push_back({RuleLine{0, 0.5, width, 0.5, 0.8, design_.Colour("accent")}, {}, ""});
    y += 6;
    int tag = NewTag();
    std::string heading = Label(language_, story.contacts.size() == 1 ? "contact" : "contacts");
    y += Stack(box, 0, y, ShapePlain(heading, "box-heading", width, block.loc), {{"Div", tag}, {"H3", NewTag()}});
    for (const model::Person& person : story.contacts) {
      std::string line = person.name;
      if (!person.role.empty()) line += ", " + person.role;
      if (!person.organisation.empty()) line += ", " + person.organisation;
      y += Stack(box, 0, y, ShapePlain(line, "box-small", width, person.loc), {{"Div", tag}, {"P", NewTag()}});
      y += 2;
    }
    box.height = y;
    return box;
  }

  // ---- flow ----

  FlowText Text(const RichText& rich, const model::Section& section, const std::string& style_name, double width,
                const TagPath& tags, const std::string& link_colour) {
    const TextStyle& style = design_.Style(style_name);
    FlowText text;
    text.paragraph = Shape(Runs(rich, &section), style_name, width, rich.loc, link_colour);
    text.space_before = style.space_before;
    text.space_after = style.space_after;
    text.tags = tags;
    text.loc = rich.loc;
    return text;
  }

  SectionFlow Section(const model::Section& section) {
    SectionFlow flow;
    flow.id = section.id;
    auto master_it = design_.masters.find(section.master);
    // An unknown master is reported by check::CheckEdition, which stops the build before layout.
    if (master_it == design_.masters.end()) master_it = design_.masters.find("body");
    const model::MasterPage& master = master_it->second;
    flow.master = &master;
    flow.title = section.title.Plain();
    const double column = design_.ColumnWidth(master.columns);
    const double full = design_.ContentWidth();
    const std::string& body = master.body_style;
    const std::string& links = master.link_colour;

    // The opening: kicker and title across the page.
    FlowBox& opening = flow.opening;
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
    y += Stack(opening, 0, y, Shape(Runs(section.title, &section), master.title_style, full, section.title.loc),
               {{"H1", sect}});
    y += design_.Style(master.title_style).space_after;
    opening.height = y;
    opening.space_after = 4;

    for (size_t i = 0; i < section.blocks.size(); ++i) {
      const model::Block& block = section.blocks[i];
      std::visit(
          [&](const auto& content) {
            using T = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<T, model::Heading>) {
              std::string style = content.level == 2 ? "h2" : "h3";
              FlowText text = Text(content.text, section, style, column,
                                   {{content.level == 2 ? "H2" : "H3", NewTag()}}, links);
              text.keep_together = true;
              text.keep_with_next = true;
              text.block_id = block.id;
              if (content.level == 2) {
                text.destination = "sec-" + section.id + "-" + block.id;
                flow.subheadings.emplace_back(content.text.Plain(), text.destination);
              }
              flow.body.push_back(std::move(text));
            } else if constexpr (std::is_same_v<T, model::Paragraph>) {
              FlowText text = Text(content.text, section, body, column, {{"P", NewTag()}}, links);
              text.block_id = block.id;
              flow.body.push_back(std::move(text));
            } else if constexpr (std::is_same_v<T, model::BulletList>) {
              const TextStyle& style = design_.Style("list");
              int list = NewTag();
              for (size_t k = 0; k < content.items.size(); ++k) {
                int item = NewTag();
                FlowText text = Text(content.items[k], section, "list", column - style.indent,
                                     {{"L", list}, {"LI", item}, {"LBody", NewTag()}}, links);
                text.indent = style.indent;
                std::string mark = content.ordered ? std::to_string(k + 1) + "." : "\u2022";
                text.marker = ShapePlain(mark, "list", style.indent, block.loc);
                text.marker_tags = {{"L", list}, {"LI", item}, {"Lbl", NewTag()}};
                text.space_before = k == 0 ? style.space_before : 0;
                text.space_after = k + 1 == content.items.size() ? design_.Style(body).space_after : style.space_after;
                text.block_id = k == 0 ? block.id : "";
                flow.body.push_back(std::move(text));
              }
            } else if constexpr (std::is_same_v<T, model::PullQuote>) {
              flow.body.push_back(QuoteBox(block, content, column));
            } else if constexpr (std::is_same_v<T, model::FigureRef>) {
              flow.body.push_back(FigureBox(block, content, column));
            } else if constexpr (std::is_same_v<T, model::CaseStory>) {
              AddCase(flow, block, content, section, column, full);
            } else if constexpr (std::is_same_v<T, model::TipsBox>) {
              flow.body.push_back(TipsBox(block, content, section));
            } else if constexpr (std::is_same_v<T, model::Methodology>) {
              flow.body.push_back(FactsBox(block, content, column, section));
            } else if constexpr (std::is_same_v<T, model::Colophon>) {
              AddColophon(flow, block, content, section, column, links);
            }
          },
          block.content);
    }
    return flow;
  }

  void AddCase(SectionFlow& flow, const model::Block& block, const model::CaseStory& story,
               const model::Section& section, double column, double full) {
    // The lede runs across the page under the title; the story flows in the columns.
    FlowBox lede;
    lede.page_width = true;
    lede.width = full;
    lede.block_id = block.id;
    lede.loc = block.loc;
    lede.what = "lede of case '" + block.id + "'";
    lede.height = Stack(lede, 0, 0, Shape(Runs(story.lede, &section), "lead", full * 0.82, story.lede.loc),
                        {{"P", NewTag()}});
    lede.space_after = design_.Style("lead").space_after;
    flow.body.push_back(std::move(lede));
    for (auto [key, paragraphs] : {std::pair{"before", &story.before}, std::pair{"now", &story.now}}) {
      FlowText heading;
      heading.paragraph = ShapePlain(Label(language_, key), "h2", column, block.loc);
      heading.space_before = design_.Style("h2").space_before;
      heading.space_after = design_.Style("h2").space_after;
      heading.keep_together = heading.keep_with_next = true;
      heading.tags = {{"H2", NewTag()}};
      flow.body.push_back(std::move(heading));
      for (const RichText& paragraph : *paragraphs) {
        flow.body.push_back(Text(paragraph, section, "body", column, {{"P", NewTag()}}, "link"));
      }
    }
    if (!story.nomination.empty()) {
      FlowText nomination = Text(story.nomination, section, "box-body", column, {{"P", NewTag()}}, "link");
      nomination.space_before = 6;
      flow.body.push_back(std::move(nomination));
    }
    if (story.link) {
      model::RichText link = story.link->text;
      for (model::Span& span : link.spans) span.link = story.link->url;
      flow.body.push_back(Text(link, section, "box-body", column, {{"P", NewTag()}}, "link"));
    }
    if (!story.contacts.empty()) flow.body.push_back(ContactsBox(block, story, column));
  }

  void AddColophon(SectionFlow& flow, const model::Block& block, const model::Colophon& colophon,
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
      text.space_after = 1;
      flow.body.push_back(std::move(text));
    }
    // The imprint comes from edition.yaml; an empty ISBN prints nothing rather than a made-up number.
    std::vector<std::string> imprint;
    imprint.push_back(Label(language_, "publisher") + ": " + language_.publisher);
    imprint.push_back(Label(language_, "published") + ": " + PublicationDate());
    if (!in_.edition->web.empty()) imprint.push_back(Label(language_, "web") + ": " + in_.edition->web);
    if (!language_.isbn.empty()) imprint.push_back(Label(language_, "isbn") + ": " + language_.isbn);
    bool first = true;
    for (const std::string& line : imprint) {
      FlowText text;
      text.paragraph = ShapePlain(line, "colophon", column, block.loc);
      text.space_before = first ? 18 : 0;
      text.space_after = 1;
      text.tags = {{"P", NewTag()}};
      flow.body.push_back(std::move(text));
      first = false;
    }
  }

  std::string PublicationDate() const {
    const model::Date& date = in_.edition->publication_date;
    std::string out = std::to_string(date.year);
    if (date.month) {
      char buffer[16];
      if (date.day) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
      } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
      }
      out = buffer;
    }
    return out;
  }

  // ---- cover and contents ----

  FlowBox Cover() {
    FlowBox box;
    const double width = design_.ContentWidth();
    box.width = width;
    box.what = "cover";
    double y = 0;
    y += Stack(box, 0, y, ShapePlain(language_.series + " " + std::to_string(in_.edition->year), "cover-series",
                                     width, language_.loc),
               {{"P", NewTag()}});
    box.items.push_back({RuleLine{0, y + 10, 48, y + 10, 3, design_.Colour("accent-2")}, {}, ""});
    double title_top = design_.ContentHeight() * 0.30;
    double ty = title_top;
    ty += Stack(box, 0, ty, ShapePlain(language_.title, "cover-title", width * 0.9, language_.loc),
                {{"H1", NewTag()}});
    ty += 16;
    if (!language_.subtitle.empty()) {
      Stack(box, 0, ty, ShapePlain(language_.subtitle, "cover-subtitle", width * 0.8, language_.loc),
            {{"P", NewTag()}});
    }
    auto publisher = ShapePlain(language_.publisher, "cover-publisher", width, language_.loc);
    double bottom = design_.ContentHeight() - publisher->Height(publisher->line_count());
    Stack(box, 0, bottom, publisher, {{"P", NewTag()}});
    box.height = design_.ContentHeight();
    return box;
  }

  FlowBox Contents(const std::vector<SectionFlow>& sections) {
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
    const double number_width = 36;
    for (const SectionFlow& section : sections) {
      if (section.master->name == "back-cover") continue;
      y += entry.space_before;
      auto it = pages_.first_page.find(section.id);
      std::string page = it == pages_.first_page.end() ? "00" : std::to_string(it->second);
      int item = NewTag();
      auto title = ShapePlain(section.title, "toc-entry", width - number_width - 12, {});
      auto number = ShapePlain(page, "toc-entry", number_width, {});
      double h = title->Height(title->line_count());
      box.items.push_back({RuleLine{0, y + h + 3, width, y + h + 3, 0.4, design_.Colour("rule")}, {}, ""});
      box.items.push_back({TextLines{title, 0, title->line_count(), 0, y}, {{"TOC", toc}, {"TOCI", item}}, ""});
      box.items.push_back({TextLines{number, 0, 1, width - number->line(0).width, y},
                           {{"TOC", toc}, {"TOCI", item}}, ""});
      box.items.push_back({LinkArea{0, y, width, h, "#" + SectionDestination(section.id)},
                           {{"TOC", toc}, {"TOCI", item}}, ""});
      y += h + 3;
    }
    box.height = y;
    return box;
  }

  void AddFooters(Document& document) {
    const double y = design_.page_height - design_.margins.bottom + 26;
    const double left = design_.margins.inner;
    const double right = design_.page_width - design_.margins.outer;
    const std::string title = language_.title;
    auto title_text = ShapePlain(title, "footer", design_.ContentWidth() - 60, {});
    for (Page& page : document.pages) {
      auto master = design_.masters.find(page.master);
      if (master == design_.masters.end() || !master->second.running_footer) continue;
      auto number = ShapePlain(page.label, "footer", 40, {});
      page.items.push_back({RuleLine{left, y - 6, right, y - 6, 0.4, design_.Colour("rule")}, {}, ""});
      page.items.push_back({TextLines{title_text, 0, 1, left, y}, {}, ""});
      page.items.push_back({TextLines{number, 0, 1, right - number->line(0).width, y}, {}, ""});
    }
  }

  double column_width_ = 0;

 private:
  ShapeCache::Map& cache_;
  const LayoutInput& in_;
  const model::Template& design_;
  const model::LanguageEdition& language_;
  text::Shaper& shaper_;
  const PageMap& pages_;
  base::Diagnostics& diags_;
  int next_tag_ = 1;
  std::map<std::string, int> footnote_numbers_;
  std::map<std::string, ShapedFootnote> footnotes_;
  std::set<std::string> anchors_;
};

Document LayoutPass(const LayoutInput& input, const PageMap& previous, PageMap& placed, ShapeCache::Map& cache,
                    base::Diagnostics& diags) {
  const model::Template& design = input.edition->design;
  const model::LanguageEdition& language = *input.language;
  Document document;
  document.page_width = design.page_width;
  document.page_height = design.page_height;
  Builder builder(input, previous, cache, diags);
  builder.column_width_ = design.ColumnWidth(design.masters.at("body").columns);

  std::vector<SectionFlow> sections;
  for (const model::Section& section : language.sections) sections.push_back(builder.Section(section));

  Distributor distributor(design, builder.footnotes(), document, placed, diags);
  distributor.SetAnchors(builder.anchors());
  distributor.AddSinglePage(design.masters.at("cover"), builder.Cover(), design.margins.top);
  FlowBox contents = builder.Contents(sections);
  distributor.AddSinglePage(design.masters.at("contents"), contents, design.margins.top);
  placed.first_page.emplace("contents", 2);
  for (const SectionFlow& section : sections) distributor.AddSection(section);
  distributor.Finish();
  builder.AddFooters(document);

  document.outline.push_back({Label(language, "contents"), "contents", 1, 2});
  for (const SectionFlow& section : sections) {
    auto it = placed.first_page.find(section.id);
    document.outline.push_back({section.title, SectionDestination(section.id), 1,
                                it == placed.first_page.end() ? 0 : it->second});
    for (const auto& [title, destination] : section.subheadings) {
      auto sub = placed.first_page.find(destination);
      document.outline.push_back({title, destination, 2, sub == placed.first_page.end() ? 0 : sub->second});
    }
  }

  document.metadata.title = language.title;
  document.metadata.subject = language.subtitle;
  document.metadata.author = language.publisher;
  std::string keywords;
  for (const std::string& keyword : language.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  document.metadata.keywords = keywords;
  document.metadata.creator = input.creator;
  document.metadata.date = input.edition->publication_date.IsoTimestamp();
  document.metadata.language = language.locale;
  for (const Page& page : document.pages) {
    for (const Item& item : page.items) {
      if (std::holds_alternative<PlacedChart>(item.content)) document.figure_alts.push_back(item.alt);
    }
  }
  return document;
}

}  // namespace

Document LayoutEdition(const LayoutInput& input, base::Diagnostics& diags) {
  // Page references and the contents depend on where things land, and where things land can depend on the
  // numbers printed. Lay out until the page map stops changing (twice in practice), with a cap.
  PageMap previous;
  Document document;
  ShapeCache::Map cache;
  for (int pass = 0; pass < 4; ++pass) {
    PageMap placed;
    base::Diagnostics pass_diags;
    document = LayoutPass(input, previous, placed, cache, pass_diags);
    bool settled = placed == previous;
    previous = placed;
    if (settled || pass == 3) {
      for (const base::Diagnostic& d : pass_diags.Sorted()) diags.Add(d);
      break;
    }
  }
  return document;
}

}  // namespace barometer::layout
