// Writes the worksheets of a planned workbook: the cover, the contents, the notes and the sheets of one table each.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <string>

#include "appendix/formats.h"
#include "appendix/plan.h"
#include "model/edition.h"

namespace barometer::appendix {

/// What the cover sheet says about the publication.
struct CoverFacts {
  std::string title;       ///< A1
  std::string about;       ///< what the workbook holds
  std::string source;
  std::string publisher;
  model::Date published;   ///< written as a date; only its known parts are shown
  std::string isbn;        ///< may be empty
  std::string contact;     ///< a web address, never a person's e-mail or phone
};

class SheetWriter {
 public:
  SheetWriter(Formats& formats, Words& words) : f_(formats), words_(words) {}

  void WriteCover(lxw_worksheet* sheet, const CoverFacts& facts, const WorkbookPlan& plan);
  void WriteContents(lxw_worksheet* sheet, const WorkbookPlan& plan);
  void WriteNotes(lxw_worksheet* sheet, const WorkbookPlan& plan);
  /// Returns the row of the table's header (0-based), for the chart that draws from it.
  lxw_row_t WriteTableSheet(lxw_worksheet* sheet, const TableSheet& plan);

 private:
  void String(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format);
  void Link(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& target, const std::string& text);
  /// Title in A1 and the lines below it, each in column A; returns the next free row. The lines wrap in a
  /// column `wrap_width` characters wide, or with 0 (a narrow column A) run on over the empty cells beside them.
  lxw_row_t WriteHead(lxw_worksheet* sheet, const std::string& title, const std::vector<std::string>& lines,
                      double wrap_width);
  /// The table object at `row`, column A, with its cells; `widths` are the columns' widths in characters.
  void WriteTable(lxw_worksheet* sheet, lxw_row_t row, const TablePlan& table, const std::vector<double>& widths);
  void Fit(lxw_row_t row, const std::string& text, double width, double line_height = 15);
  void ApplyHeights(lxw_worksheet* sheet);

  Formats& f_;
  Words& words_;
  std::map<lxw_row_t, double> heights_;  ///< rows of the current sheet that need more than one line
};

/// A new worksheet set up to print on A4 landscape, one page wide. Throws when libxlsxwriter refuses the name.
lxw_worksheet* AddWorksheet(lxw_workbook* workbook, const std::string& name);

}  // namespace barometer::appendix
