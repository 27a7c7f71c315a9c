// Internal to layout: the Builder that collects one language's sections into flow items and boxes, shapes their
// text through a cache kept across layout passes, and makes the front matter and running footers. Its parts live
// in shape_cache.cc (text and footnotes), boxes.cc, collect.cc (blocks -> flow) and front_matter.cc.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "layout/flow.h"
#include "layout/layout.h"

namespace barometer::layout {

using model::RichText;
using model::TextStyle;

/// A label of the language's labels.yaml, or the key itself when missing (the checks report that).
std::string Label(const model::LanguageEdition& language, const std::string& key);

/// The named destination of a section's title.
inline std::string SectionDestination(const std::string& id) { return "sec-" + id; }

/// Collects one pass of one language. REQUIRES: the edition passed the checks (styles, masters, ids exist).
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

  /// The runs of rich text, footnote marks numbered and page references resolved against the previous pass.
  std::vector<text::TextRun> Runs(const RichText& rich, const model::Section* section);

  /// Shapes runs in a style at a width, through the cache; diagnostics of a cached paragraph are reported again.
  std::shared_ptr<const text::ShapedParagraph> Shape(std::vector<text::TextRun> runs, const std::string& style_name,
                                                     double width, const base::SourceLoc& loc,
                                                     const std::string& link_colour = "link",
                                                     const std::vector<int>& unhyphenated_lines = {});

  /// Shape() for one plain run.
  std::shared_ptr<const text::ShapedParagraph> ShapePlain(const std::string& text, const std::string& style_name,
                                                          double width, const base::SourceLoc& loc);

  /// A title or heading style: never hyphenated, whatever the template says of the style.
  bool IsHeading(const std::string& style_name) const;

  int NewTag() { return next_tag_++; }
  /// A Span element for each phrase of `p` in another language, with its /Lang (see AppendTextLines).
  TagPath PhraseTags(const text::ShapedParagraph& p) {
    TagPath tags;
    for (const text::LanguageRange& phrase : p.language_ranges()) tags.push_back({"Span", NewTag(), phrase.tag});
    return tags;
  }

  // ---- footnotes ----

  /// The number of a footnote (given on first reference), shaping its text at column width then.
  int FootnoteNumber(const std::string& key, const model::Section* section, const std::string& id);

  const std::map<std::string, ShapedFootnote>& footnotes() const { return footnotes_; }
  /// Block ids that page references point to.
  const std::set<std::string>& anchors() const { return anchors_; }

  // ---- boxes ----

  /// Stacks paragraphs top to bottom inside a box of `width`, returning the height used.
  double Stack(FlowBox& box, double x, double y, const std::shared_ptr<const text::ShapedParagraph>& p,
               const TagPath& tags);

  /// A figure: accent rule, title, the chart, the question and note under it.
  FlowBox FigureBox(const model::Block& block, const model::FigureRef& ref, double column_width);

  /// A pull quote with its attribution under a short accent rule.
  FlowBox QuoteBox(const model::Block& block, const model::PullQuote& quote, double width);

  /// A page-wide tinted box of numbered tips, side by side in the "tips" master's columns. Its title is a heading
  /// of `heading_level`, the tips a list whose titles are headings one level below.
  FlowBox TipsBox(const model::Block& block, const model::TipsBox& tips, const model::Section& section,
                  int heading_level);

  /// The methodology facts as a two-column table in a tinted box, under a heading of `heading_level`.
  FlowBox FactsBox(const model::Block& block, const model::Methodology& facts, double width,
                   const model::Section& section, int heading_level);

  /// A case story's contact people under an accent rule and a heading of `heading_level`.
  FlowBox ContactsBox(const model::Block& block, const model::CaseStory& story, double width, int heading_level);

  // ---- flow ----

  /// A paragraph of the flow in a style, with the style's spaces.
  FlowText Text(const RichText& rich, const model::Section& section, const std::string& style_name, double width,
                const TagPath& tags, const std::string& link_colour);

  /// Collects a section's blocks into its opening and its flow.
  SectionFlow Section(const model::Section& section);
  /// A section's opening: a destination, the kicker and the title across the page.
  FlowBox Opening(const model::Section& section, const model::MasterPage& master);
  /// Adds one block to a section's flow (flow.master set).
  void AddBlock(SectionFlow& flow, const model::Block& block, const model::Section& section);
  /// A heading that keeps with what follows; an h2 gets a destination for the outline.
  void AddHeading(SectionFlow& flow, const model::Block& block, const model::Heading& heading,
                  const model::Section& section, double column);
  /// A list's items, each with its marker left of the indent.
  void AddList(SectionFlow& flow, const model::Block& block, const model::BulletList& list,
               const model::Section& section, double column);

  /// A case story: its lede across the page, the before/now story in the columns, nomination, link, contacts.
  void AddCase(SectionFlow& flow, const model::Block& block, const model::CaseStory& story,
               const model::Section& section, double column, double full);

  /// The colophon: about text, links and the imprint from edition.yaml.
  void AddColophon(SectionFlow& flow, const model::Block& block, const model::Colophon& colophon,
                   const model::Section& section, double column, const std::string& links);

  /// The publication date as precise as edition.yaml gives it (2021, 2021-06 or 2021-06-15).
  std::string PublicationDate() const;

  // ---- cover and contents ----

  /// The cover: series, title, subtitle and publisher.
  FlowBox Cover();

  /// The contents: one entry per section with the page it starts on (from the previous pass).
  FlowBox Contents(const std::vector<SectionFlow>& sections);

  /// The running footer (title and page number) on the pages whose master has one.
  void AddFooters(Document& document);

  double column_width_ = 0;  ///< the body master's column width (footnotes are shaped at it)

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

}  // namespace barometer::layout
