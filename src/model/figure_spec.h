// Indicator tables and figure specs: the data a figure is drawn from, and how.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/byte_places.h"
#include "base/diagnostics.h"

namespace barometer::model {

/// One value of a tidy indicator table: a weighted percentage and its unweighted base.
struct TableRow {
  std::string indicator;
  std::string series;
  std::string category;
  double value = 0;  ///< weighted percentage, 0..100
  int n = 0;         ///< unweighted base
  base::SourceLoc loc;
};

struct Table {
  std::string name;  ///< file name without ".csv"
  std::string path;
  std::vector<TableRow> rows;

  /// The row for (indicator, series, category), or nullptr.
  const TableRow* Find(const std::string& indicator, const std::string& series, const std::string& category) const;
};

enum class ChartKind {
  kDonut,           ///< one distribution as a ring
  kStackedBar,      ///< one 100%-stacked bar
  kGroupedColumns,  ///< vertical bars, categories x series
  kCitizenRoles,    ///< a headline share and its sub-shares
  kPromoteHinder,   ///< per group, a bar left (hindered) and right (promoted)
  kDiverging,       ///< agree/disagree around a centre line
  kGroupedBars,     ///< horizontal bars, many categories x series
  kBars,            ///< one series, one bar per category
  kZones,           ///< labels in three zones: new, both, known
};

/// "donut" -> kDonut; false when the name is unknown.
bool ParseChartKind(const std::string& name, ChartKind* kind);
/// Every kind's name, for "did you mean".
std::vector<std::string> ChartKindNames();

/// How a figure is drawn, the same in every language.
struct FigureSpec {
  std::string id;  ///< "fig01"
  int number = 0;
  ChartKind kind = ChartKind::kBars;
  std::string table;      ///< table name; empty for kZones
  std::string indicator;  ///< indicator within the table
  std::vector<std::string> categories;  ///< draw order
  std::vector<std::string> series;      ///< draw order
  std::vector<std::string> excluded;    ///< categories in the table that are not drawn ("don't know")
  bool single_choice = false;           ///< drawn + excluded shares of each series sum to 100 within rounding
  bool page_width = false;              ///< spans the page instead of one column
  int base_n = 0;  ///< the base of the whole figure; 0 when each group has its own (group_base_n)
  /// The unweighted base of each series (group) when the groups' bases differ: series id -> n, in series order.
  std::vector<std::pair<std::string, int>> group_base_n;
  std::vector<std::string> significant;  ///< categories whose difference between series is significant at 0.05
  /// Pairs of series (groups) whose difference is significant at 0.05, as the editor states them.
  std::vector<std::pair<std::string, std::string>> significant_pairs;
  /// False for a single-series figure whose series needs no name: nothing is printed in the donut's hole or
  /// above the bar, and the series needs no label (the alt text and the workbook use the figure's title).
  bool show_series_name = true;
  bool significant_overall = false;
  std::vector<std::string> highlight;    ///< categories to emphasise or group
  std::map<std::string, std::vector<std::string>> zones;  ///< kZones: zone id -> item ids
  std::vector<std::string> zone_order;                     ///< kZones: zone ids in file order
  base::SourceLoc loc;
};

/// A figure's words in one language.
struct FigureText {
  std::string title;
  std::map<std::string, std::string> labels;  ///< category, series and zone ids -> label
  std::string question;
  std::string population;
  std::string note;
  std::string alt;  ///< overrides the generated alt text when set
  /// Each text as written, before its number references ({fig04/n}) were filled in: "note" -> text.
  std::map<std::string, std::string> written;
  /// Where each byte of a text was written (model::Span::byte_positions for plain strings): "note" -> places.
  std::map<std::string, base::BytePlaces> positions;
  std::string caption;  ///< a sentence under the title saying what the figure shows; separate from the note
  std::string source;   ///< where the figure's data come from, printed as its last line
  base::SourceLoc loc;
  std::map<std::string, base::SourceLoc> label_locs;
};

/// The label of a category, series or zone id in `text`; for the single series of a figure that does not name it,
/// the figure's title. Nothing when the language has no label for it (the callers report that).
std::optional<std::string> FigureLabel(const FigureSpec& spec, const FigureText& text, const std::string& id);

/// The single row of "<indicator>-grouped" in `table` for `series`: the published total of the spec's highlighted
/// categories. Null when there is none, or more than one (then it is not a single total).
const TableRow* GroupRow(const Table& table, const FigureSpec& spec, const std::string& series);

}  // namespace barometer::model
