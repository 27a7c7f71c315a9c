// Distributes flow items into the columns of master pages: widows and orphans, sticky headings, boxes that
// float to the next column or page, and footnotes at the foot of the column that references them. How a whole
// section is planned (float plans, balancing, vertical justification) is in section_plan.cc.
#include <algorithm>
#include <optional>
#include <set>

#include "layout/flow.h"

namespace barometer::layout {
namespace {

constexpr size_t kMaxRebreaks = 3;  // times a paragraph is broken again to keep a hyphen off a column's end
// How much of vertical justification's extra space each place between blocks takes.
constexpr double kHeadingGapWeight = 2;  // before a heading, where readers expect air
constexpr double kListGapWeight = 0.5;   // between a list's items, which sit close

}  // namespace

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

std::string BlockDestination(const std::string& block_id) { return "blk-" + block_id; }
std::string NoteDestination(int number) { return "fn-" + std::to_string(number); }
std::string NoteMarkDestination(int number) { return "fnref-" + std::to_string(number); }

void AppendBoxItems(const FlowBox& box, double x, double y, std::vector<Item>& out) {
  for (Item item : box.items) {
    Offset(item, x, y);
    out.push_back(std::move(item));
  }
}

void AppendTextLines(const std::shared_ptr<const text::ShapedParagraph>& p, int first, int count, double x, double y,
                     const TagPath& tags, const TagPath& phrase_tags, std::vector<Item>& out) {
  if (count <= 0 || p->language_ranges().empty()) {
    out.push_back({TextLines{p, first, count, x, y}, tags, ""});
    return;
  }
  const int start = p->line(first).start;
  const int end = p->line(first + count - 1).start + p->line(first + count - 1).length;
  int from = 0;
  const std::vector<text::LanguageRange>& phrases = p->language_ranges();
  for (size_t k = 0; k < phrases.size() && k < phrase_tags.size(); ++k) {
    if (phrases[k].end <= start || phrases[k].start >= end) continue;
    if (phrases[k].start > std::max(from, start)) {
      out.push_back({TextLines{p, first, count, x, y, from, phrases[k].start}, tags, ""});
    }
    TagPath phrase = tags;
    phrase.push_back(phrase_tags[k]);
    out.push_back({TextLines{p, first, count, x, y, phrases[k].start, phrases[k].end}, phrase, ""});
    from = phrases[k].end;
  }
  if (from < end) out.push_back({TextLines{p, first, count, x, y, from, TextLines::kWholeText}, tags, ""});
}

void AppendLinkAreas(const text::ShapedParagraph& p, int first, int count, double x, double y, const TagPath& tags,
                     std::vector<Item>& out) {
  if (!p.HasLinks()) return;  // most paragraphs; balancing emits their lines many times
  for (int line = first; line < first + count; ++line) {
    for (const text::LinkBox& link : p.LinkBoxes(line)) {
      out.push_back({LinkArea{x + p.line(line).x + link.x0, y + p.Height(line - first), link.x1 - link.x0,
                              p.leading(), link.target, link.text},
                     tags, ""});
    }
  }
}

Distributor::Distributor(const model::Template& design, const std::map<std::string, ShapedFootnote>& footnotes,
                         Document& document, PageMap& pages, base::Diagnostics& diags)
    : design_(design), footnotes_(footnotes), document_(document), pages_(pages), diags_(&diags) {}

void Distributor::Record(const std::string& id, double x, double y) {
  if (id.empty() || !page_) return;
  if (pages_.first_page.try_emplace(id, page_->number).second) placed_log_.push_back(id);
  if (anchors_.count(id)) Emit({Destination{BlockDestination(id), x, y}, {}, ""});
}

void Distributor::NewPage(const model::MasterPage& master) {
  FinishPage();
  if (page_has_flow_) {
    last_flow_columns_ = columns_;
    foot_blank_ += FootBlank();
  }
  foot_boxes_.clear();
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
  // Boxes put off from the page before go to the top, in order, as many as fit; the rest wait for the next page.
  size_t placed = 0;
  while (placed < pending_pages_.size() &&
         (placed == 0 || columns_[0].y + pending_pages_[placed]->height <= PageBottom() + kEpsilon)) {
    PlacePageBoxAtTop(*pending_pages_[placed++]);
  }
  pending_pages_.erase(pending_pages_.begin(), pending_pages_.begin() + static_cast<std::ptrdiff_t>(placed));
  deferred_floats_ += static_cast<int>(placed);
  if (placed > 0 && PageBottom() - columns_[0].y < kMinLines * design_.Style(master.body_style).leading) {
    NewPage(master);  // the boxes leave no room for text here
    return;
  }
  ShortenBalancedColumns();
  PlacePendingColumnBoxes();
}

void Distributor::ShortenBalancedColumns() {
  for (auto [page, bottom] :
       {std::pair{balance_page_, balance_bottom_}, std::pair{plan_.cut_page, plan_.cut_bottom}}) {
    if (page_->number != page) continue;
    for (Column& column : columns_) column.bottom = std::min(column.bottom, bottom);
  }
}

void Distributor::BlankPage() {
  FinishPage();
  foot_boxes_.clear();
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
    if (!column.empty()) MarkGap(column, 1);
    AppendBoxItems(box, column.x, y, page_->items);
    Record(box.block_id, column.x, y);
    column.end_item = page_->items.size();
    after_heading_ = false;
    column.ink = y + box.height;
    column.y = column.ink + box.space_after;
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
      return;
    }
    const bool try_foot = float_index_ < plan_.at_foot.size() && plan_.at_foot[float_index_];
    ++float_index_;
    if (try_foot && PlaceBoxAtFoot(box)) return;
    pending_pages_.push_back(&box);  // to the top of the next page; the text flows on around it
    return;
  }
  pending_columns_.push_back(&box);
  PlacePendingColumnBoxes();
}

bool Distributor::PlaceBoxAtFoot(const FlowBox& box) {
  if (!pending_pages_.empty()) return false;  // boxes keep their order
  const double need = box.space_before + box.height;
  for (const Column& column : columns_) {
    if (column.y + column.notes_height + need > column.bottom + kEpsilon) return false;
  }
  for (Column& column : columns_) column.bottom -= need;
  foot_boxes_.push_back(&box);
  return true;
}

void Distributor::EmitFootBoxes() {
  if (foot_boxes_.empty()) return;
  double y = 0;
  for (const Column& column : columns_) y = std::max(y, column.bottom);
  for (const FlowBox* box : foot_boxes_) {
    y += box->space_before;
    AppendBoxItems(*box, design_.margins.inner, y, page_->items);
    Record(box->block_id, design_.margins.inner, y);
    y += box->height;
  }
}

double Distributor::FootRoom() const {
  double room = 0;
  for (const FlowBox* box : foot_boxes_) room += box->space_before + box->height;
  return room;
}

double Distributor::FootBlank() const {
  double blank = 0;
  for (const Column& column : columns_) blank += PageBottom() - FootRoom() - column.y - column.notes_height;
  return columns_.empty() ? 0 : blank / static_cast<double>(columns_.size());
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
  // Balancing asks this for every trial height; most paragraphs have no notes to make room for.
  const bool has_notes = paragraph.HasFootnotes();
  int count = 0;
  for (int line = first; line < paragraph.line_count(); ++line) {
    const std::vector<std::string> ids = has_notes ? paragraph.FootnotesOnLine(line) : std::vector<std::string>();
    double extra = 0;
    for (const std::string& id : ids) {
      if (std::find(column.notes.begin(), column.notes.end(), id) != column.notes.end() || added.count(id)) continue;
      extra += NoteHeight(id, column.notes.empty() && added.empty());
    }
    if (y + paragraph.Height(count + 1) + notes + extra > column.bottom + kEpsilon) break;
    added.insert(ids.begin(), ids.end());
    notes += extra;
    ++count;
  }
  return count;
}

void Distributor::EmitLines(const FlowText& text, int first, int count, double x, double y) {
  const text::ShapedParagraph& p = *text.paragraph;
  if (first == 0) {
    if (!text.destination.empty()) {
      if (!measuring_) Emit({Destination{text.destination, x, y}, {}, ""});
      Record(text.destination, x, y);
    }
    Record(text.block_id, x, y);
    if (text.marker && !measuring_) {
      Emit({TextLines{text.marker, 0, 1, x - text.indent - text.marker_shift, y}, text.marker_tags, ""});
    }
  }
  if (!measuring_) {
    AppendTextLines(text.paragraph, first, count, x, y, text.tags, text.phrase_tags, page_->items);
    AppendLinkAreas(p, first, count, x, y, text.tags, page_->items);
  }
  if (!p.HasFootnotes()) return;
  Column& column = columns_[column_];
  for (int line = first; line < first + count; ++line) {
    for (const std::string& id : p.FootnotesOnLine(line)) {
      if (std::find(column.notes.begin(), column.notes.end(), id) != column.notes.end()) continue;
      const int number = footnotes_.at(id).number;
      if (!measuring_) {
        Emit({Destination{NoteMarkDestination(number), x + p.line(line).x, y + p.Height(line - first)}, {}, ""});
      }
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
    if (first == 0 && !column.empty()) MarkGap(column, text->keep_with_next ? kHeadingGapWeight
                                                       : text->marker              ? kListGapWeight
                                                                                   : 1);
    EmitLines(*text, first, take, column.x + text->indent, y);
    columns_[column_].end_item = page_->items.size();
    columns_[column_].y = columns_[column_].ink = y + p->Height(take);
    MarkFlow();
    first += take;
    if (first < p->line_count()) NextColumn();
  }
  columns_[column_].y += text->space_after;
  after_heading_ = original.keep_with_next;
}

void Distributor::MarkGap(Column& column, double weight) {
  if (!after_heading_) column.gaps.push_back({page_->items.size(), weight});
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
    if (no_notes && y + box.height <= PageBottom() - FootRoom() + kEpsilon) {
      AppendBoxItems(box, design_.margins.inner, y, page_->items);
      Record(box.block_id, design_.margins.inner, y);
      for (Column& column : columns_) {
        column.y = y + box.height + box.space_after;
      }
      pending_pages_.erase(pending_pages_.begin());
    } else {
      NewPage(*master_);
    }
  }
}

void Distributor::PlaceBody(const SectionFlow& section) {
  float_index_ = 0;
  deferred_floats_ = 0;
  after_heading_ = false;
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

void Distributor::AddSinglePage(const model::MasterPage& master, const FlowBox& box, double y) {
  NewPage(master);
  AppendBoxItems(box, design_.margins.inner, y, page_->items);
  Record(box.block_id, design_.margins.inner, y);
}

void Distributor::FinishPage() {
  if (!page_) return;
  EmitFootBoxes();
  for (const Column& column : columns_) {
    if (column.notes.empty()) continue;
    // Footnotes end at the page's foot, or above the boxes there.
    const double notes_bottom = foot_boxes_.empty() ? PageBottom() : column.bottom;
    double y = notes_bottom - column.notes_height + design_.footnote_gap;
    const double width = design_.ColumnWidth(master_->columns);
    const model::LayoutGeometry::Footnotes& g = design_.geometry.footnotes;
    Emit({RuleLine{column.x, y - design_.footnote_gap / 2, column.x + std::min(width, g.rule_length),
                   y - design_.footnote_gap / 2, g.rule_width, design_.Colour("rule")},
          {}, ""});
    for (const std::string& id : column.notes) {
      const ShapedFootnote& note = footnotes_.at(id);
      const TagPath tags = {{"Note", 1000000 + note.number}};
      Emit({Destination{NoteDestination(note.number), column.x, y}, {}, ""});
      AppendTextLines(note.paragraph, 0, note.paragraph->line_count(), column.x, y, tags, note.phrase_tags,
                      page_->items);
      AppendLinkAreas(*note.paragraph, 0, note.paragraph->line_count(), column.x, y, tags, page_->items);
      y += note.paragraph->Height(note.paragraph->line_count()) + g.gap;
    }
  }
}

}  // namespace barometer::layout
