// Distributes flow items into the columns of master pages: widows and orphans, sticky headings, boxes that
// float to the next column or page, and footnotes at the foot of the column that references them.
#include <algorithm>
#include <optional>
#include <set>

#include "layout/flow.h"

namespace barometer::layout {
namespace {

constexpr double kEpsilon = 0.01;
constexpr int kMinLines = 2;  // at least two lines of a paragraph on each side of a break
constexpr size_t kMaxRebreaks = 3;  // times a paragraph is broken again to keep a hyphen off a column's end

void Offset(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, RuleLine>) {
          c.x0 += dx, c.x1 += dx, c.y0 += dy, c.y1 += dy;
        } else {
          c.x += dx, c.y += dy;
        }
      },
      item.content);
}

}  // namespace

std::string BlockDestination(const std::string& block_id) { return "blk-" + block_id; }

void AppendBoxItems(const FlowBox& box, double x, double y, std::vector<Item>& out) {
  for (Item item : box.items) {
    Offset(item, x, y);
    out.push_back(std::move(item));
  }
}

Distributor::Distributor(const model::Template& design, const std::map<std::string, ShapedFootnote>& footnotes,
                         Document& document, PageMap& pages, base::Diagnostics& diags)
    : design_(design), footnotes_(footnotes), document_(document), pages_(pages), diags_(&diags) {}

void Distributor::Record(const std::string& id, double x, double y) {
  if (id.empty() || !page_) return;
  auto [it, added] = pages_.first_page.emplace(id, page_->number);
  if (added) placed_log_.push_back(it);
  if (anchors_.count(id)) Emit({Destination{BlockDestination(id), x, y}, {}, ""});
}

void Distributor::NewPage(const model::MasterPage& master) {
  FinishPage();
  if (page_has_flow_) last_flow_columns_ = columns_;
  master_ = &master;
  Page page;
  page.number = static_cast<int>(document_.pages.size()) + 1;
  page.label = std::to_string(page.number);
  page.master = master.name;
  document_.pages.push_back(std::move(page));
  page_ = &document_.pages.back();
  if (!master.background.empty()) {
    Emit({FilledRect{0, 0, design_.page_width, design_.page_height, design_.Colour(master.background)}, {}, ""});
  }
  columns_.clear();
  const double width = design_.ColumnWidth(master.columns);
  for (int i = 0; i < master.columns; ++i) {
    Column column;
    column.x = design_.margins.inner + i * (width + design_.gutter);
    column.top = column.y = design_.margins.top;
    column.bottom = design_.page_height - design_.margins.bottom;
    columns_.push_back(column);
  }
  column_ = 0;
  page_has_flow_ = false;
  std::vector<const FlowBox*> boxes;
  boxes.swap(pending_pages_);
  for (const FlowBox* box : boxes) PlacePageBoxAtTop(*box);
  ShortenBalancedColumns();
  PlacePendingColumnBoxes();
}

void Distributor::ShortenBalancedColumns() {
  if (page_->number != balance_page_) return;
  for (Column& column : columns_) column.bottom = std::min(column.bottom, column.top + balance_height_);
}

void Distributor::BlankPage() {
  FinishPage();
  Page page;
  page.number = static_cast<int>(document_.pages.size()) + 1;
  page.label = std::to_string(page.number);
  document_.pages.push_back(std::move(page));  // no master: no background, no running footer
  page_ = &document_.pages.back();
  columns_.clear();
}

void Distributor::MarkFlow() {
  page_has_flow_ = true;
  last_flow_page_ = page_->number;
}

void Distributor::NextColumn() {
  if (column_ + 1 < columns_.size()) {
    ++column_;
    PlacePendingColumnBoxes();
  } else {
    NewPage(*master_);
  }
}

void Distributor::PlacePageBoxAtTop(const FlowBox& box) {
  double y = columns_[0].y;
  const double bottom = PageBottom();
  if (y + box.height > bottom + kEpsilon) {
    diags_->Error(box.loc, box.what + " is taller than a page (" + std::to_string(static_cast<int>(box.height)) +
                              "pt, the page has " + std::to_string(static_cast<int>(bottom - y)) + "pt)");
  }
  AppendBoxItems(box, design_.margins.inner, y, page_->items);
  Record(box.block_id, design_.margins.inner, y);
  for (Column& column : columns_) column.top = column.y = y + box.height + box.space_after;
}

void Distributor::PlacePendingColumnBoxes() {
  while (!pending_columns_.empty()) {
    const FlowBox& box = *pending_columns_.front();
    Column& column = columns_[column_];
    double y = column.empty() ? column.y : column.y + box.space_before;
    if (y + box.height > column.bottom - column.notes_height + kEpsilon) {
      if (!column.empty()) return;
      diags_->Error(box.loc, box.what + " is taller than a column (" + std::to_string(static_cast<int>(box.height)) +
                                "pt, the column has " +
                                std::to_string(static_cast<int>(column.bottom - column.notes_height - y)) + "pt)");
    }
    AppendBoxItems(box, column.x, y, page_->items);
    Record(box.block_id, column.x, y);
    column.y = y + box.height + box.space_after;
    MarkFlow();
    pending_columns_.erase(pending_columns_.begin());
  }
}

void Distributor::PlaceBox(const FlowBox& box) {
  if (box.page_width) {
    bool fresh = !page_has_flow_ &&
                 std::all_of(columns_.begin(), columns_.end(), [](const Column& c) { return c.empty(); });
    if (fresh && columns_[0].y + box.height <= columns_[0].bottom + kEpsilon) {
      PlacePageBoxAtTop(box);
    } else {
      pending_pages_.push_back(&box);  // to the top of the next page; the text flows on around it
    }
    return;
  }
  pending_columns_.push_back(&box);
  PlacePendingColumnBoxes();
}

double Distributor::NoteHeight(const std::string& id, bool first_in_column) const {
  auto it = footnotes_.find(id);
  if (it == footnotes_.end()) return 0;
  const text::ShapedParagraph& p = *it->second.paragraph;
  return (first_in_column ? design_.footnote_gap : 0) + p.Height(p.line_count()) + design_.geometry.footnotes.gap;
}

int Distributor::LinesThatFit(const text::ShapedParagraph& paragraph, int first, double y) const {
  const Column& column = columns_[column_];
  double notes = column.notes_height;
  std::set<std::string> added;
  int count = 0;
  for (int line = first; line < paragraph.line_count(); ++line) {
    double extra = 0;
    for (const std::string& id : paragraph.FootnotesOnLine(line)) {
      if (std::find(column.notes.begin(), column.notes.end(), id) != column.notes.end() || added.count(id)) continue;
      extra += NoteHeight(id, column.notes.empty() && added.empty());
    }
    if (y + paragraph.Height(count + 1) + notes + extra > column.bottom + kEpsilon) break;
    for (const std::string& id : paragraph.FootnotesOnLine(line)) added.insert(id);
    notes += extra;
    ++count;
  }
  return count;
}

void Distributor::EmitLines(const FlowText& text, int first, int count, double x, double y) {
  const text::ShapedParagraph& p = *text.paragraph;
  if (first == 0) {
    if (!text.destination.empty()) {
      Emit({Destination{text.destination, x, y}, {}, ""});
      Record(text.destination, x, y);
    }
    Record(text.block_id, x, y);
    if (text.marker) Emit({TextLines{text.marker, 0, 1, x - text.indent - text.marker_shift, y}, text.marker_tags, ""});
  }
  Emit({TextLines{text.paragraph, first, count, x, y}, text.tags, ""});
  Column& column = columns_[column_];
  for (int line = first; line < first + count; ++line) {
    double line_top = y + p.Height(line - first);
    for (const text::LinkBox& link : p.LinkBoxes(line)) {
      Emit({LinkArea{x + p.line(line).x + link.x0, line_top, link.x1 - link.x0, p.leading(), link.target,
                     link.text},
            text.tags, ""});
    }
    for (const std::string& id : p.FootnotesOnLine(line)) {
      if (std::find(column.notes.begin(), column.notes.end(), id) != column.notes.end()) continue;
      column.notes_height += NoteHeight(id, column.notes.empty());
      column.notes.push_back(id);
    }
  }
}

namespace {

// Whether `a` and `b` have the same first `count` lines.
bool SameLines(const text::ShapedParagraph& a, const text::ShapedParagraph& b, int count) {
  if (a.line_count() < count || b.line_count() < count) return false;
  for (int i = 0; i < count; ++i) {
    if (a.line(i).start != b.line(i).start || a.line(i).length != b.line(i).length) return false;
  }
  return true;
}

}  // namespace

void Distributor::PlaceText(const FlowText& original, const FlowText* next) {
  // A paragraph split after a hyphenated line is broken again with that line whole, so no hyphen runs across a
  // column or page; `rebroken` then holds it.
  std::optional<FlowText> rebroken;
  std::vector<int> unhyphenated;
  const FlowText* text = &original;
  const text::ShapedParagraph* p = text->paragraph.get();
  if (text->keep_with_next && next) {
    const Column& column = columns_[column_];
    int next_lines = std::min(kMinLines, next->paragraph->line_count());
    double need = (column.empty() ? 0 : text->space_before) + p->Height(p->line_count()) + text->space_after +
                  next->space_before + next->paragraph->Height(next_lines);
    if (!column.empty() && column.y + need > column.bottom - column.notes_height + kEpsilon) NextColumn();
  }
  int first = 0;
  while (first < p->line_count()) {
    Column& column = columns_[column_];
    double y = (column.empty() || first > 0) ? column.y : column.y + text->space_before;
    int fit = LinesThatFit(*p, first, y);
    int left = p->line_count() - first;
    int take = left;
    if (fit < left) {
      take = text->keep_together ? 0 : fit;
      if (take > 0 && left - take < kMinLines) take = left - kMinLines;  // no widow
      if (first == 0 && take < kMinLines) take = 0;                      // no orphan
      if (take < 0) take = 0;
    }
    if (take > 0 && take < left && p->line(first + take - 1).hyphenated && original.rebreak &&
        unhyphenated.size() < kMaxRebreaks) {
      unhyphenated.push_back(first + take - 1);
      auto again = original.rebreak(unhyphenated);
      // Taken only when the lines already placed stay as they are.
      if (again && SameLines(*again, *p, first) && !again->line(first + take - 1).hyphenated) {
        rebroken = original;
        rebroken->paragraph = std::move(again);
        text = &*rebroken;
        p = text->paragraph.get();
        continue;
      }
    }
    if (take == 0) {
      if (!column.empty()) {
        NextColumn();
        continue;
      }
      // An empty column cannot hold what the rules ask for: break the rules rather than loop.
      take = std::max(1, std::min(fit, left));
      rules_broken_ = true;
    }
    EmitLines(*text, first, take, column.x + text->indent, y);
    columns_[column_].y = y + p->Height(take);
    MarkFlow();
    first += take;
    if (first < p->line_count()) NextColumn();
  }
  columns_[column_].y += text->space_after;
}

void Distributor::FlushPending() {
  while (!pending_columns_.empty() || !pending_pages_.empty()) {
    if (!pending_columns_.empty()) {
      NextColumn();
      continue;
    }
    // The section's text has ended: a page-wide box goes below the lowest column when it fits there.
    double lowest = 0;
    for (const Column& column : columns_) lowest = std::max(lowest, column.y + column.notes_height);
    const FlowBox& box = *pending_pages_.front();
    double y = lowest + box.space_before;
    bool no_notes = std::all_of(columns_.begin(), columns_.end(), [](const Column& c) { return c.notes.empty(); });
    if (no_notes && y + box.height <= PageBottom() + kEpsilon) {
      AppendBoxItems(box, design_.margins.inner, y, page_->items);
      Record(box.block_id, design_.margins.inner, y);
      for (Column& column : columns_) column.y = y + box.height + box.space_after;
      pending_pages_.erase(pending_pages_.begin());
    } else {
      NewPage(*master_);
    }
  }
}

Distributor::Snapshot Distributor::Save() const {
  return {document_.pages.size(),
          document_.pages.back(),
          placed_log_.size(),
          master_,
          columns_,
          column_,
          page_has_flow_,
          last_flow_page_,
          last_flow_columns_,
          pending_columns_,
          pending_pages_};
}

void Distributor::Restore(const Snapshot& snapshot) {
  document_.pages.resize(snapshot.page_count);
  document_.pages.back() = snapshot.last_page;
  while (placed_log_.size() > snapshot.placed_count) {
    pages_.first_page.erase(placed_log_.back());
    placed_log_.pop_back();
  }
  master_ = snapshot.master;
  columns_ = snapshot.columns;
  column_ = snapshot.column;
  page_has_flow_ = snapshot.page_has_flow;
  last_flow_page_ = snapshot.last_flow_page;
  last_flow_columns_ = snapshot.last_flow_columns;
  pending_columns_ = snapshot.pending_columns;
  pending_pages_ = snapshot.pending_pages;
  page_ = &document_.pages.back();
}

void Distributor::PlaceBody(const SectionFlow& section) {
  for (size_t i = 0; i < section.body.size(); ++i) {
    if (const auto* text = std::get_if<FlowText>(&section.body[i])) {
      const FlowText* next = nullptr;
      for (size_t j = i + 1; j < section.body.size() && !next; ++j) next = std::get_if<FlowText>(&section.body[j]);
      PlaceText(*text, text->keep_with_next ? next : nullptr);
    } else {
      PlaceBox(std::get<FlowBox>(section.body[i]));
    }
  }
  FlushPending();
}

void Distributor::BalanceLastPage(const SectionFlow& section, const Snapshot& start) {
  // The page to balance is the last one with text; a page after it may hold only page-wide boxes (a tips box
  // that did not fit below the text), and then the text above them still wants both columns.
  const int last_page = page_has_flow_ ? page_->number : last_flow_page_;
  if (last_page != page_->number && last_page != page_->number - 1) return;
  const std::vector<Column> columns = page_has_flow_ ? columns_ : last_flow_columns_;
  if (columns.size() < 2) return;
  double lowest = columns[0].y, highest = columns[0].y, used = 0;
  for (const Column& column : columns) {
    lowest = std::min(lowest, column.y);
    highest = std::max(highest, column.y);
    used += column.y - column.top;
  }
  const double leading = design_.Style("body").leading;
  if (highest - lowest <= 2 * leading) return;
  const size_t page_count = document_.pages.size();
  // The shortest column height that still holds the last page's content without a new page.
  double low = used / static_cast<double>(columns.size()) - leading;
  double high = highest - columns[0].top;
  double best = 0;
  base::Diagnostics* real = diags_;
  for (int step = 0; step < design_.geometry.balance_steps && high - low > leading / 2; ++step) {
    double height = (low + high) / 2;
    Restore(start);
    balance_page_ = last_page;
    balance_height_ = height;
    ShortenBalancedColumns();  // the section's first page is its last: it was made before `start`
    base::Diagnostics trial;  // a trial that needs to break a rule does not fit; it reports nothing
    diags_ = &trial;
    rules_broken_ = false;
    PlaceBody(section);
    diags_ = real;
    bool fits = document_.pages.size() == page_count && last_flow_page_ == last_page && pending_columns_.empty() &&
                pending_pages_.empty() && trial.Sorted().empty() && !rules_broken_;
    if (fits) {
      best = height;
      high = height;
    } else {
      low = height;
    }
  }
  Restore(start);
  balance_page_ = best > 0 ? last_page : 0;
  balance_height_ = best;
  ShortenBalancedColumns();
  PlaceBody(section);
  balance_page_ = 0;
}

void Distributor::AddSection(const SectionFlow& section) {
  if (!page_ || section.master->new_page || section.master != master_) {
    if (section.master->even_page && document_.pages.size() % 2 == 0) BlankPage();
    NewPage(*section.master);
  }
  double band = 0;
  if (!section.master->band.empty()) {
    // A band of colour behind the section's opening, from the page's top edge to just below the title.
    band = section.master->band_height > 0 ? section.master->band_height
                                           : design_.margins.top + section.opening.height;
    Emit({FilledRect{0, 0, design_.page_width, band, design_.Colour(section.master->band)}, {}, ""});
  }
  if (!section.opening.items.empty()) PlacePageBoxAtTop(section.opening);
  for (Column& column : columns_) {
    if (column.y < band + design_.gutter) column.top = column.y = band + design_.gutter;
  }
  Record(section.id, design_.margins.inner, design_.margins.top);
  Snapshot start = Save();
  PlaceBody(section);
  BalanceLastPage(section, start);
}

void Distributor::AddSinglePage(const model::MasterPage& master, const FlowBox& box, double y) {
  NewPage(master);
  AppendBoxItems(box, design_.margins.inner, y, page_->items);
  Record(box.block_id, design_.margins.inner, y);
}

void Distributor::FinishPage() {
  if (!page_) return;
  for (const Column& column : columns_) {
    if (column.notes.empty()) continue;
    double y = PageBottom() - column.notes_height + design_.footnote_gap;
    const double width = design_.ColumnWidth(master_->columns);
    const model::LayoutGeometry::Footnotes& g = design_.geometry.footnotes;
    Emit({RuleLine{column.x, y - design_.footnote_gap / 2, column.x + std::min(width, g.rule_length),
                   y - design_.footnote_gap / 2, g.rule_width, design_.Colour("rule")},
          {}, ""});
    for (const std::string& id : column.notes) {
      const ShapedFootnote& note = footnotes_.at(id);
      Emit({TextLines{note.paragraph, 0, note.paragraph->line_count(), column.x, y},
            {{"Note", 1000000 + note.number}}, ""});
      y += note.paragraph->Height(note.paragraph->line_count()) + g.gap;
    }
  }
}

}  // namespace barometer::layout
