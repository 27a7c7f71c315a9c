// What a workbook holds, decided before a cell is written: the adapter from the model (and the drawn charts) to
// sheets of one table each, their descriptive lines, the numbered notes and the native charts.
//
// The layout follows the UK Analysis Function's guidance "Releasing statistics in spreadsheets": a cover sheet, a
// contents sheet, a notes sheet, then one table per sheet with its title in A1 and a few lines that describe it
// above the table; notes are referenced as "[note 1]"; a value that is not available is "[x]".
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "figures/chart.h"
#include "model/edition.h"

namespace barometer::appendix {

/// The charts of one language as the figures stage drew them, by figure id (the workbook takes their colours).
using DrawnCharts = std::map<std::string, std::shared_ptr<const figures::Chart>>;

/// The fixed words of one language (labels.yaml) and the labels of its figures. A missing word is an error,
/// reported once, and shows as its key.
class Words {
 public:
  Words(const model::LanguageEdition& language, base::Diagnostics& diags) : language_(language), diags_(diags) {}

  std::string Word(const std::string& key);
  /// The workbook's source line: the label `source` when the edition gives one, else the figures' own sources
  /// (`source` in <lang>/figures.yaml), each named once, in figure order.
  std::string Source(const model::Edition& edition);
  std::string Label(const model::FigureSpec& spec, const model::FigureText& text, const std::string& id);
  const model::LanguageEdition& language() const { return language_; }

 private:
  const model::LanguageEdition& language_;
  base::Diagnostics& diags_;
  std::set<std::string> missing_;
};

struct Cell {
  enum Kind { kText, kShare, kCount, kMissing } kind = kText;
  std::string text;   ///< kText, kMissing ("[x]")
  double number = 0;  ///< kShare: a fraction (0.34); kCount: a whole number
  std::string link;   ///< kText: the cell links here ("internal:'Figure 1'!A1" or a web address)

  static Cell Text(std::string text, std::string link = "") { return {kText, std::move(text), 0, std::move(link)}; }
  static Cell Share(double fraction) { return {kShare, "", fraction, ""}; }
  static Cell Count(double n) { return {kCount, "", n, ""}; }
  static Cell Missing() { return {kMissing, "[x]", 0, ""}; }
};

/// One Excel table object: a header row and rows without gaps, the first column labels the rows.
struct TablePlan {
  std::string name;                  ///< the table object's name (unique in the workbook)
  std::vector<std::string> headers;  ///< unique within the table
  std::vector<std::vector<Cell>> rows;
  int decimals = 0;  ///< decimals of the shares, for their number format
};

/// A native chart on a chart sheet of its own, drawn from the value columns of its table.
struct ChartPlan {
  enum Type { kDoughnut, kBar, kColumn } type = kBar;
  std::string sheet;  ///< the chart sheet's name
  std::string title;
  std::string alt;  ///< the chart's alternative text: title and every value
  struct Series {
    size_t column = 1;               ///< value column of the table
    std::vector<uint32_t> colours;   ///< 0xRRGGBB per row (point), as the figure draws it
  };
  std::vector<Series> series;  ///< in the figure's order
};

/// A worksheet with one table: title in A1, descriptive lines, then the table.
struct TableSheet {
  std::string name;
  std::string title;
  std::vector<std::string> lines;
  TablePlan table;
  std::optional<ChartPlan> chart;
};

struct Note {
  std::string marker;  ///< "[note 1]"
  std::string text;
};

struct WorkbookPlan {
  std::string cover_sheet, contents_sheet, notes_sheet;  ///< the three sheets before the tables
  std::string notes_title;
  std::string contents_table, notes_table;  ///< names of their table objects
  std::vector<TableSheet> sheets;      ///< in figure order
  std::vector<Note> notes;             ///< numbered in order of first reference
};

/// Plans the workbook of one language. Figures without texts are left out with an error; a chart missing from
/// `charts` takes the template's chart palette in series order.
WorkbookPlan PlanWorkbook(const model::Edition& edition, const DrawnCharts& charts, Words& words,
                          base::Diagnostics& diags);

/// A valid, workbook-unique Excel table name made from `wanted` (letters, digits and '_').
std::string TableName(const std::string& wanted, std::set<std::string>* taken);

}  // namespace barometer::appendix
