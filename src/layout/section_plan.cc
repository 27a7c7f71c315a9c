// A section's plan: its body laid out under each way of placing its page-wide boxes (FloatPlan), the cheapest kept;
// the columns of its last page balanced and, where they still end apart, justified vertically; and the snapshots
// that let each trial start again from the section's first page.
#include <algorithm>

#include "layout/flow.h"

namespace barometer::layout {
namespace {

// What the float search weighs (FloatPlanCost): a page, a page of boxes alone with too much blank, a box put off to
// a later page than its text's, unbalanced last-page columns; a point of blank column foot costs 1.
constexpr double kPageCost = 1000;
constexpr double kLonePageCost = 5000;
constexpr double kDeferredCost = 30;
constexpr double kSpreadCost = 2;  // a point of last-page column feet more than a line apart
constexpr double kBrokenRulesCost = 5000;  // a widow, an orphan or a stranded heading
constexpr size_t kMaxFloatsTriedTogether = 4;  // every combination up to this many boxes; one at a time beyond

// The lowest point any item of `page` reaches (its top margin when it has none).
double ItemsBottom(const Page& page, double top) {
  double bottom = top;
  for (const Item& item : page.items) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, TextLines>) {
            bottom = std::max(bottom, c.y + c.paragraph->Height(c.count));
          } else if constexpr (std::is_same_v<T, FilledRect>) {
            if (c.y >= top - kEpsilon) bottom = std::max(bottom, c.y + c.h);  // not a page's background
          } else if constexpr (std::is_same_v<T, PlacedChart>) {
            bottom = std::max(bottom, c.y + c.chart->height);
          } else if constexpr (std::is_same_v<T, RuleLine>) {
            bottom = std::max(bottom, std::max(c.y0, c.y1));
          }
        },
        item.content);
  }
  return bottom;
}

// How far apart the feet of `columns` are (an empty column ends at its top).
template <typename Column>
double Spread(const std::vector<Column>& columns) {
  double lowest = 1e9, highest = -1e9;
  for (const Column& column : columns) {
    const double foot = column.ink >= 0 ? column.ink : column.top;
    lowest = std::min(lowest, foot);
    highest = std::max(highest, foot);
  }
  return columns.empty() ? 0 : highest - lowest;
}

}  // namespace

Distributor::Snapshot Distributor::Save() const {
  return {document_.pages.size(),
          document_.pages.back().items.size(),
          placed_log_.size(),
          master_,
          columns_,
          column_,
          page_has_flow_,
          last_flow_page_,
          last_flow_columns_,
          pending_columns_,
          pending_pages_,
          foot_boxes_,
          foot_blank_};
}

void Distributor::Restore(const Snapshot& snapshot) {
  document_.pages.resize(snapshot.page_count);
  std::vector<Item>& items = document_.pages.back().items;
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(snapshot.last_page_items), items.end());
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
  foot_boxes_ = snapshot.foot_boxes;
  foot_blank_ = snapshot.foot_blank;
  page_ = &document_.pages.back();
}

double Distributor::ColumnSpread() const { return Spread(page_has_flow_ ? columns_ : last_flow_columns_); }

void Distributor::JustifyLastPage(const Snapshot& start) {
  const double max_space = design_.geometry.vertical_justification.max_space;
  const int last_page = page_has_flow_ ? page_->number : last_flow_page_;
  // Only the section's own last page with text, and only right after it (a page of boxes alone may follow).
  if (last_page < static_cast<int>(start.page_count) || last_page < page_->number - 1) return;
  Page& page = document_.pages[last_page - 1];
  std::vector<Column>& columns = page_has_flow_ ? columns_ : last_flow_columns_;
  if (columns.size() < 2 || Spread(columns) <= design_.Style(master_->body_style).leading + kEpsilon) return;
  double foot = 0;
  for (const Column& column : columns) foot = std::max(foot, column.ink);
  for (Column& column : columns) {
    if (column.ink < 0 || column.gaps.empty()) continue;
    double weights = 0;
    for (const Column::Gap& gap : column.gaps) weights += gap.weight;
    // Never into the column's footnotes, nor further than the template allows at any one place.
    const double target = std::min(foot, column.bottom - column.notes_height);
    const double per_weight = std::min(std::max(0.0, target - column.ink) / weights, max_space);
    if (per_weight <= kEpsilon) continue;
    double shift = 0;
    for (size_t g = 0; g < column.gaps.size(); ++g) {
      shift += per_weight * column.gaps[g].weight;
      const size_t end = g + 1 < column.gaps.size() ? column.gaps[g + 1].item : column.end_item;
      for (size_t i = column.gaps[g].item; i < end; ++i) Offset(page.items[i], 0, shift);
    }
    column.ink += shift;
    column.y += shift;
  }
}

bool Distributor::TryBalancedBottom(const SectionFlow& section, const Snapshot& start, int last_page, double bottom) {
  const size_t page_count = document_.pages.size();
  Restore(start);
  balance_page_ = last_page;
  balance_bottom_ = bottom;
  ShortenBalancedColumns();  // the section's first page is its last: it was made before `start`
  base::Diagnostics* real = diags_;
  base::Diagnostics trial;  // a trial that needs to break a rule does not fit; it reports nothing
  diags_ = &trial;
  rules_broken_ = false;
  const bool measuring = measuring_;
  measuring_ = true;
  PlaceBody(section);
  measuring_ = measuring;
  diags_ = real;
  return document_.pages.size() == page_count && last_flow_page_ == last_page && pending_columns_.empty() &&
         pending_pages_.empty() && trial.Sorted().empty() && !rules_broken_;
}

void Distributor::BalanceLastPage(const SectionFlow& section, const Snapshot& start, bool fine) {
  // The page to balance is the last one with text; a page after it may hold only page-wide boxes (a tips box
  // that did not fit below the text), and then the text above them still wants both columns.
  const int last_page = page_has_flow_ ? page_->number : last_flow_page_;
  if (last_page != page_->number && last_page != page_->number - 1) return;
  const std::vector<Column> columns = page_has_flow_ ? columns_ : last_flow_columns_;
  if (columns.size() < 2) return;
  const double leading = design_.Style("body").leading;
  if (ColumnSpread() <= leading) return;  // within a line of each other already
  double highest = 0, used = 0;
  for (const Column& column : columns) {
    const double foot = column.ink >= 0 ? column.ink : column.top;
    highest = std::max(highest, foot);
    used += foot - column.top;
  }
  // Boxes at the page's foot take their room from every column's height.
  const double reserved = page_has_flow_ ? FootRoom() : 0;
  const double top = columns[0].top;  // below any page-wide boxes at the page's top
  // The shortest column height that still holds the last page's content without a new page.
  double low = used / static_cast<double>(columns.size()) - leading + reserved;
  double high = highest - top + reserved;
  double best = 0;
  for (int step = 0; step < design_.geometry.balance_steps && high - low > leading / 2; ++step) {
    double height = (low + high) / 2;
    if (TryBalancedBottom(section, start, last_page, top + height)) {
      best = height;
      high = height;
    } else {
      low = height;
    }
  }
  if (fine && best > 0) {
    // From the shortest columns up to the unbalanced ones, the height whose feet end closest.
    TryBalancedBottom(section, start, last_page, top + best);
    double best_spread = ColumnSpread();
    const double from = used / static_cast<double>(columns.size()) - leading + reserved;
    const double to = highest - top + reserved;
    const double step = std::max(leading / 4, (to - from) / (4 * design_.geometry.balance_steps));
    for (double height = from; height <= to + kEpsilon && best_spread > leading; height += step) {
      if (!TryBalancedBottom(section, start, last_page, top + height)) continue;
      const double trial_spread = ColumnSpread();
      if (trial_spread < best_spread - kEpsilon) best_spread = trial_spread, best = height;
    }
  }
  Restore(start);
  balance_page_ = best > 0 ? last_page : 0;
  balance_bottom_ = top + best;
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
  PlaceSectionBody(section, start);
}

double Distributor::TryFloatPlan(const SectionFlow& section, const Snapshot& start, const FloatPlan& plan,
                                 PlanTrial trial) {
  const bool final = trial == PlanTrial::kFinal;
  Restore(start);
  plan_ = plan;
  ShortenBalancedColumns();  // the section's first page may be the one cut: it was made before `start`
  rules_broken_ = false;
  // A plan tried and thrown away: its cost needs the columns' and the boxes' places, not the text's.
  measuring_ = trial == PlanTrial::kMeasure;
  PlaceBody(section);
  const bool broke_rules = rules_broken_;
  BalanceLastPage(section, start, final);
  measuring_ = false;
  if (final) JustifyLastPage(start);
  return FloatPlanCost(start) + (broke_rules || rules_broken_ ? kBrokenRulesCost : 0);
}

double Distributor::FloatPlanCost(const Snapshot& start) const {
  double cost = deferred_floats_ * kDeferredCost + foot_blank_ - start.foot_blank;
  // Last-page columns whose feet end more than a line apart.
  cost += kSpreadCost * std::max(0.0, ColumnSpread() - design_.Style("body").leading);
  const double content = design_.ContentHeight();
  for (size_t i = start.page_count - 1; i < document_.pages.size(); ++i) {
    const Page& page = document_.pages[i];
    cost += kPageCost;
    if (page.number <= last_flow_page_) continue;
    double blank = 1 - (ItemsBottom(page, design_.margins.top) - design_.margins.top) / content;
    if (blank > design_.geometry.floats.lone_blank_share) cost += kLonePageCost;
  }
  return cost;
}

void Distributor::PlaceSectionBody(const SectionFlow& section, const Snapshot& start) {
  base::Diagnostics* real = diags_;
  base::Diagnostics scratch;  // trials report nothing; the chosen plan is laid out again below
  diags_ = &scratch;
  FloatPlan best;
  double best_cost = TryFloatPlan(section, start, best);
  const size_t floats = float_index_;
  std::vector<std::vector<bool>> choices;
  if (floats <= kMaxFloatsTriedTogether) {
    for (size_t mask = 1; mask < (size_t{1} << floats); ++mask) {
      std::vector<bool> at_foot(floats);
      for (size_t k = 0; k < floats; ++k) at_foot[k] = (mask >> k) & 1;
      choices.push_back(std::move(at_foot));
    }
  } else {
    for (size_t k = 0; k < floats; ++k) {
      choices.emplace_back(floats, false);
      choices.back()[k] = true;
    }
  }
  for (const std::vector<bool>& at_foot : choices) {
    FloatPlan plan;
    plan.at_foot = at_foot;
    double cost = TryFloatPlan(section, start, plan);
    if (cost < best_cost - kEpsilon) best_cost = cost, best = plan;
  }
  // A page that holds boxes alone after the section's last text: end that text's page earlier, a line a column
  // more at a time, so the last lines flow on to the boxes' page.
  TryFloatPlan(section, start, best);
  if (last_flow_page_ < page_->number && best.cut_page == 0 && page_->master == section.master->name) {
    const int page = last_flow_page_;
    double lowest = 0, top = 0;
    for (const Column& column : last_flow_columns_) lowest = std::max(lowest, column.y), top = column.top;
    const double leading = design_.Style(section.master->body_style).leading;
    // Of the cuts that leave no page of boxes alone, the one that leaves the cut page fullest: the boxes' page
    // ends the section, where blank is natural.
    double best_blank = 3;
    FloatPlan chosen = best;
    for (int lines = 1; lines <= design_.geometry.floats.max_pull_lines && lowest - lines * leading > top; ++lines) {
      FloatPlan plan = best;
      plan.cut_page = page;
      plan.cut_bottom = lowest - lines * leading;
      if (TryFloatPlan(section, start, plan, PlanTrial::kWithText) > best_cost - kLonePageCost / 2) continue;
      // Balanced columns on the last page first.
      double blank = 1 - (ItemsBottom(document_.pages[page - 1], design_.margins.top) - design_.margins.top) /
                             design_.ContentHeight();
      if (ColumnSpread() > leading) blank += 1;
      if (blank < best_blank - kEpsilon) best_blank = blank, chosen = plan;
    }
    best = chosen;
  }
  diags_ = real;
  TryFloatPlan(section, start, best, PlanTrial::kFinal);
  plan_ = {};
}

}  // namespace barometer::layout
