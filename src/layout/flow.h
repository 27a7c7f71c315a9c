// Internal to layout: the flow items that blocks are collected into, and the distributor that places them.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "layout/document.h"
#include "model/edition.h"
#include "text/paragraph.h"

namespace barometer::layout {

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
  bool page_width = false;  ///< spans all columns; placed at the top of a page
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
};

/// Where blocks and sections landed, for page references and the contents.
struct PageMap {
  std::map<std::string, int> first_page;  ///< section or block id -> 1-based page
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
    std::vector<std::string> notes;
    bool empty() const { return y <= top + 0.01; }
  };

  /// The distributor's state at a point, to lay out the rest of a section again. Its size is that of the page
  /// it was taken on, never that of the edition: ids placed since are found in `placed_log_`.
  struct Snapshot {
    size_t page_count = 0;  ///< pages before the last one are finished: only the last is kept
    Page last_page;
    size_t placed_count = 0;  ///< the length of `placed_log_`
    const model::MasterPage* master = nullptr;
    std::vector<Column> columns;
    size_t column = 0;
    bool page_has_flow = false;
    int last_flow_page = 0;
    std::vector<Column> last_flow_columns;
    std::vector<const FlowBox*> pending_columns, pending_pages;
  };
  Snapshot Save() const;
  void Restore(const Snapshot& snapshot);
  void PlaceBody(const SectionFlow& section);
  /// Balances the columns of a section's last page with text by laying it out again with shorter columns. (After
  /// it may come one page that holds only page-wide boxes that did not fit below the text.)
  void BalanceLastPage(const SectionFlow& section, const Snapshot& start);
  double PageBottom() const { return design_.page_height - design_.margins.bottom; }

  void NewPage(const model::MasterPage& master);
  /// A page left blank, so that the next one is even.
  void BlankPage();
  /// On the page being balanced, ends the columns at the balanced height.
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
  std::vector<std::map<std::string, int>::iterator> placed_log_;
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
  bool rules_broken_ = false;    ///< a paragraph had to be split against the widow and orphan rules
  int balance_page_ = 0;         ///< the page whose columns are shortened to balance them, or 0
  double balance_height_ = 0;    ///< the column height on that page
};

/// The named destination of a block that a page reference points to.
std::string BlockDestination(const std::string& block_id);

/// Places a box's items at (x, y) on a page (offsets every coordinate).
void AppendBoxItems(const FlowBox& box, double x, double y, std::vector<Item>& out);

}  // namespace barometer::layout
