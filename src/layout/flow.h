// Internal to layout: the flow items that blocks are collected into, and the distributor that places them.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "layout/document.h"
#include "model/edition.h"
#include "text/paragraph.h"

namespace barometer::layout {

/// Lengths closer than this are the same, in points (measurements are exact to far better).
inline constexpr double kEpsilon = 0.01;
/// Lines of a paragraph at least on each side of a column or page break (no widows, no orphans).
inline constexpr int kMinLines = 2;

/// A paragraph whose lines may be split across columns (unless `keep_together`).
struct FlowText {
  std::shared_ptr<const text::ShapedParagraph> paragraph;
  double space_before = 0, space_after = 0;
  double indent = 0;                                     ///< from the column's left edge
  std::shared_ptr<const text::ShapedParagraph> marker;  ///< a list bullet, drawn left of the indent
  double marker_shift = 0;  ///< moves the marker left of that (a draft's mark in the margin)
  bool keep_together = false;                           ///< headings: never split
  bool keep_with_next = false;                          ///< headings: stay with two lines of what follows
  TagPath tags;
  TagPath phrase_tags;  ///< a Span per phrase in another language (see AppendTextLines)
  TagPath marker_tags;
  std::string destination;  ///< named destination at the first line
  std::string block_id;     ///< the content block, for page references
  base::SourceLoc loc;
  /// The paragraph broken again so that the given lines (from 0) do not end in a hyphen where it has another way;
  /// empty for text that is never split.
  std::function<std::shared_ptr<const text::ShapedParagraph>(const std::vector<int>&)> rebreak;
};

/// An unbreakable box: items relative to its top-left corner.
struct FlowBox {
  double width = 0, height = 0;
  bool page_width = false;  ///< spans all columns; placed at the top or the foot of a page
  double space_before = 0, space_after = 0;
  std::vector<Item> items;
  std::string block_id;
  base::SourceLoc loc;
  std::string what;  ///< for messages: "figure 'fig04'", "tips box 'po-tips'"
};

using FlowItem = std::variant<FlowText, FlowBox>;

/// A section's flow: its opening (title, lede) spans the page; its body flows through the columns.
struct SectionFlow {
  std::string id;
  const model::MasterPage* master = nullptr;
  FlowBox opening;  ///< page-width title area (kicker, title, lede), placed at the top of the section's first page
  std::vector<FlowItem> body;
  std::string title;  ///< for the outline and contents
  std::vector<std::pair<std::string, std::string>> subheadings;  ///< (title, destination) for the outline
  int heading_level = 1;  ///< the level of the last heading so far: a box's own heading comes one level below it
};

/// A footnote shaped at column width, with its number.
struct ShapedFootnote {
  int number = 0;
  std::shared_ptr<const text::ShapedParagraph> paragraph;
  TagPath phrase_tags;  ///< a Span per phrase in another language (see AppendTextLines)
};

/// Where blocks and sections landed, for page references and the contents.
struct PageMap {
  /// Section or block id -> 1-based page. Hashed: balancing records every paragraph again for each trial, and a
  /// long edition has tens of thousands of ids.
  std::unordered_map<std::string, int> first_page;
  bool operator==(const PageMap&) const = default;
};

/// Distributes sections into pages, appending to `document`. Footnotes are placed at the foot of the column that
/// references them.
class Distributor {
 public:
  Distributor(const model::Template& design, const std::map<std::string, ShapedFootnote>& footnotes,
              Document& document, PageMap& pages, base::Diagnostics& diags);

  /// Starts a new page of `master` and places `opening` (if any) at its top.
  void AddSection(const SectionFlow& section);
  /// Adds a page that holds one page-width box (cover, contents).
  void AddSinglePage(const model::MasterPage& master, const FlowBox& box, double y);
  /// Block ids that page references point to; each gets a named destination.
  void SetAnchors(std::set<std::string> anchors) { anchors_ = std::move(anchors); }
  /// Places the last page's footnotes. Call once after the last section.
  void Finish() { FinishPage(); }

 private:
  struct Column {
    double x = 0, top = 0, y = 0, bottom = 0;
    double notes_height = 0;  ///< footnotes placed at this column's foot, including the gap and rule
    double ink = -1;          ///< the foot of its last text line or column box (no space after); -1 for none
    std::vector<std::string> notes;
    /// A place between two of the column's blocks where vertical justification may add space: the page item
    /// the lower block begins with, and its share (a heading's place takes more than a paragraph's).
    struct Gap {
      size_t item = 0;
      double weight = 1;
    };
    std::vector<Gap> gaps;
    size_t end_item = 0;  ///< past the column's last page item so far
    bool empty() const { return y <= top + 0.01; }
  };

  /// The distributor's state at a point, to lay out the rest of a section again. Its size is that of the page
  /// it was taken on, never that of the edition: ids placed since are found in `placed_log_`.
  struct Snapshot {
    size_t page_count = 0;  ///< pages before the last one are finished
    /// How many items the last page had: placing only appends to a page (JustifyLastPage, which moves items,
    /// runs after a section's last trial), so a trial is undone by cutting the items it added.
    size_t last_page_items = 0;
    size_t placed_count = 0;  ///< the length of `placed_log_`
    const model::MasterPage* master = nullptr;
    std::vector<Column> columns;
    size_t column = 0;
    bool page_has_flow = false;
    int last_flow_page = 0;
    std::vector<Column> last_flow_columns;
    std::vector<const FlowBox*> pending_columns, pending_pages;
    std::vector<const FlowBox*> foot_boxes;
    double foot_blank = 0;
  };
  /// One way to place a section's page-wide boxes, tried by PlaceSectionBody.
  struct FloatPlan {
    /// Per page-wide box met on a page that already has text, in order: try the foot of that page before the
    /// top of the next.
    std::vector<bool> at_foot;
    /// A page whose columns end at cut_bottom, so the section's last text flows on to the next page and keeps a
    /// box company there; 0 for none.
    int cut_page = 0;
    double cut_bottom = 0;
  };
  Snapshot Save() const;
  void Restore(const Snapshot& snapshot);
  void PlaceBody(const SectionFlow& section);
  /// Lays out a section's body with each candidate FloatPlan (its balancing included) and keeps the cheapest.
  void PlaceSectionBody(const SectionFlow& section, const Snapshot& start);
  /// How a plan is laid out: as a trial whose pages only its cost reads (kMeasure, see measuring_), as a trial
  /// whose caller reads where the text ends (kWithText), or as the section's layout (kFinal: finely balanced).
  enum class PlanTrial { kMeasure, kWithText, kFinal };
  /// Lays out the body under `plan` from `start`, balanced; returns its cost (FloatPlanCost).
  double TryFloatPlan(const SectionFlow& section, const Snapshot& start, const FloatPlan& plan,
                      PlanTrial trial = PlanTrial::kMeasure);
  /// What the layout since `start` costs: its pages, each page of boxes alone that leaves more than the
  /// template's share blank, blank column feet on pages before the last, boxes put off to the next page.
  double FloatPlanCost(const Snapshot& start) const;
  /// Reserves the foot of the current page for a page-wide box when every column's content so far stays above
  /// it; the box is drawn when the page is finished, above the footnotes.
  bool PlaceBoxAtFoot(const FlowBox& box);
  void EmitFootBoxes();
  /// The height the boxes at the current page's foot take, their spaces included.
  double FootRoom() const;
  /// The blank at the feet of the current page's columns, averaged over them (points).
  double FootBlank() const;
  /// Balances the columns of a section's last page with text by laying it out again with shorter columns. (After
  /// it may come one page that holds only page-wide boxes that did not fit below the text.) A coarse search takes
  /// the shortest columns that fit; a `fine` one tries heights a quarter line apart and keeps those whose feet are
  /// closest, as widow, orphan and heading rules make the columns' feet move in steps.
  void BalanceLastPage(const SectionFlow& section, const Snapshot& start, bool fine);
  /// Lays out the body with the last page's columns ending at `bottom`; whether that holds the page's content
  /// without a new page or a broken rule.
  bool TryBalancedBottom(const SectionFlow& section, const Snapshot& start, int last_page, double bottom);
  /// How far apart the foot of the last page's columns are (text and column boxes, spaces after them left out).
  double ColumnSpread() const;
  /// Vertical justification of the section's last page with text, when its columns end more than a line apart:
  /// the shorter columns' blocks move apart, within the template's limit, so the columns end together.
  void JustifyLastPage(const Snapshot& start);
  /// Notes that the block beginning at the next page item may move down under JustifyLastPage.
  void MarkGap(Column& column, double weight);
  double PageBottom() const { return design_.page_height - design_.margins.bottom; }

  void NewPage(const model::MasterPage& master);
  /// A page left blank, so that the next one is even.
  void BlankPage();
  /// On the page being balanced (or cut by the float plan), ends the columns at that height.
  void ShortenBalancedColumns();
  void NextColumn();
  /// Notes that body content (text or a column box) went onto this page.
  void MarkFlow();
  void FinishPage();
  void PlaceText(const FlowText& text, const FlowText* next);
  void PlaceBox(const FlowBox& box);
  void PlacePageBoxAtTop(const FlowBox& box);
  void PlacePendingColumnBoxes();
  void FlushPending();
  double NoteHeight(const std::string& id, bool first_in_column) const;
  /// How many lines from `first` fit in the current column, footnotes included.
  int LinesThatFit(const text::ShapedParagraph& paragraph, int first, double y) const;
  void Emit(Item item) { page_->items.push_back(std::move(item)); }
  void EmitLines(const FlowText& text, int first, int count, double x, double y);
  /// Notes the page an id landed on; an id in `anchors` also gets a named destination there.
  void Record(const std::string& id, double x, double y);

  const model::Template& design_;
  const std::map<std::string, ShapedFootnote>& footnotes_;
  Document& document_;
  PageMap& pages_;
  /// The ids in the order they first entered `pages_`, so that Restore() removes those placed after a snapshot.
  std::vector<std::string> placed_log_;
  base::Diagnostics* diags_;  ///< a scratch sink while balancing trials run
  const model::MasterPage* master_ = nullptr;
  Page* page_ = nullptr;
  std::vector<Column> columns_;
  size_t column_ = 0;
  bool page_has_flow_ = false;  ///< any body item placed on this page yet
  int last_flow_page_ = 0;      ///< the last page that body items went onto
  std::vector<Column> last_flow_columns_;  ///< that page's columns as it was left, once a later page began
  std::vector<const FlowBox*> pending_columns_;
  std::vector<const FlowBox*> pending_pages_;
  std::set<std::string> anchors_;
  bool after_heading_ = false;   ///< the last block placed was a heading: no space to add under it
  bool rules_broken_ = false;    ///< a paragraph had to be split against the widow and orphan rules
  /// A trial whose pages are thrown away (a float plan not yet chosen, a balancing height): text is measured and
  /// placed, but its lines, links and destinations are not made into items. What trials compare reads the
  /// columns and the boxes' items, never the text's (JustifyLastPage, which moves items, runs after the last).
  bool measuring_ = false;
  FloatPlan plan_;               ///< the plan being laid out
  size_t float_index_ = 0;       ///< page-wide boxes met on pages with text so far in the section
  int deferred_floats_ = 0;      ///< page-wide boxes put off to the top of a later page so far in the section
  std::vector<const FlowBox*> foot_boxes_;  ///< page-wide boxes at the current page's foot, top to bottom
  double foot_blank_ = 0;        ///< FootBlank() summed over the pages with text left so far
  int balance_page_ = 0;         ///< the page whose columns are shortened to balance them, or 0
  double balance_bottom_ = 0;    ///< where that page's columns end
};

/// The named destination of a block that a page reference points to.
std::string BlockDestination(const std::string& block_id);
/// The named destinations of footnote `number`'s text and of its mark in the text.
std::string NoteDestination(int number);
std::string NoteMarkDestination(int number);

/// The items that draw lines [first, first + count) of `p`, its first line's top at (x, y), in element `tags`:
/// one item, or where the lines hold phrases in another language, the text around each phrase and the phrase
/// (in `tags` plus its Span of `phrase_tags`, one per p.language_ranges()) as items of their own, in text order.
void AppendTextLines(const std::shared_ptr<const text::ShapedParagraph>& p, int first, int count, double x, double y,
                     const TagPath& tags, const TagPath& phrase_tags, std::vector<Item>& out);

/// The link areas of lines [first, first + count) of `p`, its first line's top at (x, y).
void AppendLinkAreas(const text::ShapedParagraph& p, int first, int count, double x, double y, const TagPath& tags,
                     std::vector<Item>& out);

/// Moves an item by (dx, dy).
void Offset(Item& item, double dx, double dy);

/// Places a box's items at (x, y) on a page (offsets every coordinate).
void AppendBoxItems(const FlowBox& box, double x, double y, std::vector<Item>& out);

}  // namespace barometer::layout
