#include "appendix/sheets.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "appendix/sheet_name.h"

namespace barometer::appendix {
namespace {

// Column widths in Excel's character units.
constexpr double kTextColumn = 100;   // the one wide column of the cover
constexpr double kLabelColumn = 60;   // row labels of a table, and the lines above it
constexpr double kValueColumn = 20;
constexpr double kSheetColumn = 26;   // sheet names on the contents sheet
constexpr double kNoteColumn = 14;    // note markers

/// How many lines `text` takes when wrapped in a column `capacity` average characters wide, word by word as a
/// spreadsheet wraps it. An estimate on the safe side: neither Excel nor LibreOffice reliably sizes rows of
/// wrapped text on opening, so the workbook sets the heights itself.
int WrappedLines(const std::string& text, double capacity) {
  int lines = 1;
  double line = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    double word = 0;
    for (size_t i = start; i < end; ++i) word += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (line == 0) {
      line = word;
    } else if (line + 1 + word <= capacity) {
      line += 1 + word;
    } else {
      ++lines;
      line = word;
    }
    while (line > capacity) {
      ++lines;
      line -= capacity;
    }
    start = end + 1;
  }
  return lines;
}

void SetWidth(lxw_worksheet* sheet, lxw_col_t first, lxw_col_t last, double width) {
  Check(worksheet_set_column(sheet, first, last, width, nullptr), "setting a column width");
}

}  // namespace

lxw_worksheet* AddWorksheet(lxw_workbook* workbook, const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (!sheet) throw std::runtime_error("libxlsxwriter refused the sheet name '" + name + "'");
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  return sheet;
}

void SheetWriter::String(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                         lxw_format* format) {
  if (text.empty()) return;
  Check(worksheet_write_string(sheet, row, col, text.c_str(), format), "writing a cell");
}

void SheetWriter::Link(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& target,
                       const std::string& text) {
  Check(worksheet_write_url_opt(sheet, row, col, target.c_str(), f_.link, text.c_str(), nullptr), "writing a link");
}

void SheetWriter::Fit(lxw_row_t row, const std::string& text, double width, double line_height) {
  // An average character of Calibri 11 is about 0.9 of Excel's width unit ('0').
  const int lines = WrappedLines(text, width / 0.9);
  if (lines > 1) heights_[row] = std::max(heights_[row], lines * line_height + 2);
}

void SheetWriter::ApplyHeights(lxw_worksheet* sheet) {
  for (const auto& [row, height] : heights_) Check(worksheet_set_row(sheet, row, height, nullptr), "sizing a row");
  heights_.clear();
}

lxw_row_t SheetWriter::WriteHead(lxw_worksheet* sheet, const std::string& title,
                                 const std::vector<std::string>& lines, double wrap_width) {
  lxw_row_t row = 0;
  // Unwrapped: a long title runs on over the empty cells to its right.
  String(sheet, row, 0, title, f_.title);
  ++row;
  for (const std::string& line : lines) {
    if (wrap_width > 0) Fit(row, line, wrap_width);
    String(sheet, row++, 0, line, wrap_width > 0 ? f_.text : nullptr);
  }
  return row;
}

void SheetWriter::WriteTable(lxw_worksheet* sheet, lxw_row_t row, const TablePlan& table,
                             const std::vector<double>& widths) {
  const lxw_col_t last_col = static_cast<lxw_col_t>(table.headers.size() - 1);
  std::vector<lxw_table_column> columns(table.headers.size());
  std::vector<lxw_table_column*> column_list;
  std::vector<std::string> headers = table.headers;
  for (size_t c = 0; c < headers.size(); ++c) {
    columns[c].header = headers[c].data();
    // Headers align with their column: right over numbers, left over text.
    const bool numbers = !table.rows.empty() && c < table.rows[0].size() && table.rows[0][c].kind != Cell::kText;
    columns[c].header_format = numbers ? f_.header_value : f_.header;
    column_list.push_back(&columns[c]);
    Fit(row, headers[c], widths[std::min(c, widths.size() - 1)]);
  }
  column_list.push_back(nullptr);
  std::string name = table.name;
  lxw_table_options options = {};
  options.name = name.data();
  options.no_autofilter = LXW_TRUE;  // filter buttons would hide the header text of narrow columns
  options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  options.style_type_number = 1;
  options.columns = column_list.data();
  const lxw_row_t last_row = static_cast<lxw_row_t>(row + table.rows.size());
  Check(worksheet_add_table(sheet, row, 0, last_row, last_col, &options), "adding a table");

  lxw_format* share = f_.Share(table.decimals);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const lxw_row_t at = static_cast<lxw_row_t>(row + 1 + r);
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const Cell& cell = table.rows[r][c];
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case Cell::kText:
          if (!cell.link.empty()) {
            Link(sheet, at, col, cell.link, cell.text);
          } else {
            String(sheet, at, col, cell.text, f_.text);
            Fit(at, cell.text, widths[std::min(c, widths.size() - 1)]);
          }
          break;
        case Cell::kShare:
          Check(worksheet_write_number(sheet, at, col, cell.number, share), "writing a share");
          break;
        case Cell::kCount:
          Check(worksheet_write_number(sheet, at, col, cell.number, f_.count), "writing a count");
          break;
        case Cell::kMissing:
          String(sheet, at, col, cell.text, f_.missing);
          break;
      }
    }
  }
}

void SheetWriter::WriteCover(lxw_worksheet* sheet, const CoverFacts& facts, const WorkbookPlan& plan) {
  SetWidth(sheet, 0, 0, kTextColumn);
  lxw_row_t row = WriteHead(sheet, facts.title, {}, kTextColumn);
  auto heading = [&](const std::string& key) { String(sheet, row++, 0, words_.Word(key), f_.heading); };
  auto text = [&](const std::string& line) {
    Fit(row, line, kTextColumn);
    String(sheet, row++, 0, line, f_.text);
  };
  heading("appendix-about-heading");
  text(facts.about);
  heading("appendix-contents");
  Link(sheet, row++, 0, "internal:" + SheetNames::Quoted(plan.contents_sheet) + "!A1",
       words_.Word("appendix-contents-link"));
  Link(sheet, row++, 0, "internal:" + SheetNames::Quoted(plan.notes_sheet) + "!A1", words_.Word("appendix-notes-link"));
  heading("appendix-source-heading");
  text(facts.source);
  heading("publisher");
  text(facts.publisher);
  heading("appendix-published");
  const model::Date& date = facts.published;
  lxw_datetime datetime = {date.year, date.month == 0 ? 1 : date.month, date.day == 0 ? 1 : date.day, 0, 0, 0};
  Check(worksheet_write_datetime(sheet, row++, 0, &datetime, f_.date), "writing the publication date");
  if (!facts.isbn.empty()) {
    heading("isbn");
    text(facts.isbn);
  }
  if (!facts.contact.empty()) {
    heading("contact");
    Link(sheet, row++, 0, facts.contact, facts.contact);
  }
  ApplyHeights(sheet);
}

void SheetWriter::WriteContents(lxw_worksheet* sheet, const WorkbookPlan& plan) {
  SetWidth(sheet, 0, 0, kSheetColumn);
  SetWidth(sheet, 1, 1, kTextColumn);
  const lxw_row_t row = WriteHead(sheet, words_.Word("appendix-contents"),
                                  {words_.Word("appendix-one-table") + " " + words_.Word("appendix-contents-intro")},
                                  0);
  TablePlan table;
  table.name = plan.contents_table;
  table.headers = {words_.Word("appendix-sheet"), words_.Word("appendix-sheet-title")};
  auto add = [&](const std::string& name, const std::string& title) {
    table.rows.push_back({Cell::Text(name, "internal:" + SheetNames::Quoted(name) + "!A1"), Cell::Text(title)});
  };
  add(plan.notes_sheet, plan.notes_title);
  for (const TableSheet& sheet_plan : plan.sheets) add(sheet_plan.name, sheet_plan.title);
  WriteTable(sheet, row, table, {kSheetColumn, kTextColumn});
  ApplyHeights(sheet);
}

void SheetWriter::WriteNotes(lxw_worksheet* sheet, const WorkbookPlan& plan) {
  SetWidth(sheet, 0, 0, kNoteColumn);
  SetWidth(sheet, 1, 1, kTextColumn);
  const lxw_row_t row = WriteHead(sheet, plan.notes_title,
                                  {words_.Word("appendix-one-table") + " " + words_.Word("appendix-notes-intro")},
                                  0);
  TablePlan table;
  table.name = plan.notes_table;
  table.headers = {words_.Word("appendix-note-number"), words_.Word("appendix-note-text")};
  for (const Note& note : plan.notes) table.rows.push_back({Cell::Text(note.marker), Cell::Text(note.text)});
  WriteTable(sheet, row, table, {kNoteColumn, kTextColumn});
  ApplyHeights(sheet);
}

lxw_row_t SheetWriter::WriteTableSheet(lxw_worksheet* sheet, const TableSheet& plan) {
  const size_t columns = plan.table.headers.size();
  SetWidth(sheet, 0, 0, kLabelColumn);
  if (columns > 1) SetWidth(sheet, 1, static_cast<lxw_col_t>(columns - 1), kValueColumn);
  const lxw_row_t row = WriteHead(sheet, plan.title, plan.lines, kLabelColumn);
  WriteTable(sheet, row, plan.table, {kLabelColumn, kValueColumn});
  ApplyHeights(sheet);
  return row;
}

}  // namespace barometer::appendix
