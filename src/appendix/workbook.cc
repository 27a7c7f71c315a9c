// The Excel appendix, written with libxlsxwriter.
//
// Layout of a workbook (every word from labels.yaml or the figure texts, every number from the tables):
//   contents sheet   edition title, appendix title, source, publisher, publication date (as far as it is known),
//                    ISBN, web; one row per figure (number, title, link to its sheet, note); weighting and
//                    significance notes.
//   one sheet per figure with a table
//                    "Figure N", title, question, population, base n; the table (categories x series, shares as
//                    fractions shown as 0%, frozen header row); n per series; excluded answers with a note; any
//                    further values of the same table; the figure's note, significance and source; a native chart.
//   Figure 2 (zones) has no numbers: its sheet lists the technologies under each zone heading and carries no
//                    chart; the contents sheet says so in its note column.
#include "appendix/workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "appendix/sheet_name.h"
#include "base/file_system.h"

namespace barometer::appendix {
namespace {

using model::ChartKind;
using model::FigureSpec;
using model::FigureText;
using model::LanguageEdition;
using model::Table;
using model::TableRow;

// Column widths in Excel's character units, and their approximate size on screen for sizing charts.
constexpr double kLabelColumnWidth = 70;
constexpr double kValueColumnWidth = 18;
constexpr double kContentsNoteWidth = 50;
constexpr double PixelsOf(double width) { return width * 7 + 5; }
// Row heights in points for Calibri 11, the default font, and for the 12-point figure title.
constexpr double kLineHeight = 15;
constexpr double kHeadingLineHeight = 16.5;

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

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + what + ": " + lxw_strerror(error));
  }
}

/// A file in the system's temporary folder with a unique name, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = base::JoinPath(base::ScratchDir(), "barometer-appendix-XXXXXX");
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = mkstemp(name.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file like " + pattern);
    close(fd);
    path_ = name.data();
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

  std::string Read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read back the workbook from " + path_);
    return bytes.str();
  }

 private:
  std::string path_;
};

/// libxlsxwriter takes `char*` for strings it only reads; this keeps the copies alive until the workbook closes.
class StringPool {
 public:
  char* Keep(std::string text) {
    strings_.push_back(std::make_unique<std::string>(std::move(text)));
    return strings_.back()->data();
  }

 private:
  std::vector<std::unique_ptr<std::string>> strings_;
};

/// Where a figure goes.
struct FigureSheet {
  const FigureSpec* spec = nullptr;
  const FigureText* text = nullptr;
  std::string name;  ///< sheet name
};

/// Where the main table of a data sheet landed, for the chart.
struct TableCells {
  lxw_row_t header_row = 0;
  lxw_row_t first_row = 0;  ///< first category row
  lxw_row_t last_row = 0;   ///< last category row
  lxw_col_t series = 0;     ///< series columns, starting at column 1
};

struct Formats {
  lxw_format* title = nullptr;         ///< sheet heading
  lxw_format* heading = nullptr;       ///< figure title
  lxw_format* bold = nullptr;          ///< field labels, also as a rich-string fragment
  lxw_format* text = nullptr;          ///< wrapped body text
  lxw_format* header = nullptr;        ///< table header, label column
  lxw_format* header_value = nullptr;  ///< table header, value columns
  lxw_format* category = nullptr;      ///< row labels of a table
  lxw_format* percent = nullptr;       ///< shares, 0%
  lxw_format* count = nullptr;         ///< unweighted n
  lxw_format* count_left = nullptr;    ///< a lone n next to its label
  lxw_format* whole = nullptr;         ///< figure numbers and years
  lxw_format* note = nullptr;          ///< italic wrapped notes
  lxw_format* aside = nullptr;         ///< italic notes that may run over empty cells
  lxw_format* link = nullptr;          ///< hyperlinks
};

class Writer {
 public:
  Writer(lxw_workbook* workbook, const model::Edition& edition, const LanguageEdition& language,
         base::Diagnostics& diags)
      : workbook_(workbook), edition_(edition), language_(language), diags_(diags) {}

  void Write() {
    MakeFormats();
    SetProperties();

    SheetNames names;
    const std::string contents_name = names.Make(Word("appendix-contents"), "Contents");
    std::vector<FigureSheet> figures;
    for (const FigureSpec* spec : FiguresInOrder()) {
      auto text = language_.figures.find(spec->id);
      if (text == language_.figures.end()) {
        diags_.Error(spec->loc, "figure '" + spec->id + "' has no texts in language '" + language_.code +
                                    "', so the appendix leaves it out");
        continue;
      }
      figures.push_back(
          {spec, &text->second, names.Make(Word("appendix-figure") + " " + std::to_string(spec->number), spec->id)});
    }

    lxw_worksheet* contents = AddSheet(contents_name);
    std::vector<lxw_worksheet*> sheets;
    for (const FigureSheet& figure : figures) sheets.push_back(AddSheet(figure.name));

    WriteContents(contents, figures);
    for (size_t i = 0; i < figures.size(); ++i) {
      if (figures[i].spec->kind == ChartKind::kZones) {
        WriteZonesSheet(sheets[i], figures[i]);
      } else {
        WriteDataSheet(sheets[i], figures[i]);
      }
    }
    worksheet_activate(contents);
  }

 private:
  // --- words -------------------------------------------------------------------------------------------------

  /// A fixed word from labels.yaml. A missing key is an error (reported once) and shows as the key itself.
  std::string Word(const std::string& key) {
    auto it = language_.labels.find(key);
    if (it != language_.labels.end()) return it->second;
    if (missing_labels_.insert(key).second) {
      diags_.Error(language_.LabelsLoc(), "label '" + key + "' is missing; the Excel appendix needs it");
    }
    return key;
  }

  /// A category, series or zone label of a figure. A missing one is an error and shows as the id.
  std::string Label(const FigureSheet& figure, const std::string& id) {
    auto it = figure.text->labels.find(id);
    if (it != figure.text->labels.end()) return it->second;
    if (missing_labels_.insert(figure.spec->id + "/" + id).second) {
      diags_.Error(figure.text->loc, "figure '" + figure.spec->id + "' has no label for '" + id + "' in language '" +
                                         language_.code + "'; the Excel appendix needs it");
    }
    return id;
  }

  std::vector<const FigureSpec*> FiguresInOrder() const {
    std::vector<const FigureSpec*> out;
    for (const auto& [id, spec] : edition_.figures) out.push_back(&spec);
    std::stable_sort(out.begin(), out.end(),
                     [](const FigureSpec* a, const FigureSpec* b) { return a->number < b->number; });
    return out;
  }

  // --- set-up ------------------------------------------------------------------------------------------------

  lxw_format* NewFormat() {
    lxw_format* format = workbook_add_format(workbook_);
    if (!format) throw std::runtime_error("libxlsxwriter: out of memory adding a format");
    return format;
  }

  void MakeFormats() {
    f_.title = NewFormat();
    format_set_bold(f_.title);
    format_set_font_size(f_.title, 14);
    f_.heading = NewFormat();
    format_set_bold(f_.heading);
    format_set_font_size(f_.heading, 12);
    format_set_text_wrap(f_.heading);
    format_set_align(f_.heading, LXW_ALIGN_VERTICAL_TOP);
    f_.bold = NewFormat();
    format_set_bold(f_.bold);
    format_set_align(f_.bold, LXW_ALIGN_VERTICAL_TOP);
    f_.text = NewFormat();
    format_set_text_wrap(f_.text);
    format_set_align(f_.text, LXW_ALIGN_VERTICAL_TOP);
    f_.header = NewFormat();
    format_set_bold(f_.header);
    format_set_text_wrap(f_.header);
    format_set_align(f_.header, LXW_ALIGN_VERTICAL_BOTTOM);
    format_set_bottom(f_.header, LXW_BORDER_THIN);
    f_.header_value = NewFormat();
    format_set_bold(f_.header_value);
    format_set_text_wrap(f_.header_value);
    format_set_align(f_.header_value, LXW_ALIGN_RIGHT);
    format_set_align(f_.header_value, LXW_ALIGN_VERTICAL_BOTTOM);
    format_set_bottom(f_.header_value, LXW_BORDER_THIN);
    f_.category = NewFormat();
    format_set_text_wrap(f_.category);
    format_set_align(f_.category, LXW_ALIGN_VERTICAL_TOP);
    f_.percent = NewFormat();
    format_set_num_format(f_.percent, "0%");
    format_set_align(f_.percent, LXW_ALIGN_VERTICAL_TOP);
    f_.count = NewFormat();
    format_set_num_format(f_.count, "#,##0");
    format_set_align(f_.count, LXW_ALIGN_VERTICAL_TOP);
    f_.count_left = NewFormat();
    format_set_num_format(f_.count_left, "#,##0");
    format_set_align(f_.count_left, LXW_ALIGN_LEFT);
    format_set_align(f_.count_left, LXW_ALIGN_VERTICAL_TOP);
    f_.whole = NewFormat();
    format_set_num_format(f_.whole, "0");
    format_set_align(f_.whole, LXW_ALIGN_LEFT);
    format_set_align(f_.whole, LXW_ALIGN_VERTICAL_TOP);
    f_.note = NewFormat();
    format_set_italic(f_.note);
    format_set_text_wrap(f_.note);
    format_set_align(f_.note, LXW_ALIGN_VERTICAL_TOP);
    f_.aside = NewFormat();
    format_set_italic(f_.aside);
    f_.link = NewFormat();
    format_set_underline(f_.link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f_.link, 0x0563C1);  // Excel's own hyperlink blue
    format_set_align(f_.link, LXW_ALIGN_VERTICAL_TOP);
  }

  void SetProperties() {
    std::string keywords;
    for (const std::string& keyword : language_.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
    lxw_doc_properties properties = {};
    properties.title = pool_.Keep(language_.title + " – " + Word("appendix-title"));
    properties.subject = pool_.Keep(language_.subtitle.empty() ? Word("appendix-title") : language_.subtitle);
    properties.author = pool_.Keep(language_.publisher);
    properties.company = pool_.Keep(language_.publisher);
    properties.category = pool_.Keep(language_.series);
    properties.keywords = pool_.Keep(keywords);
    properties.comments = pool_.Keep(Word("source"));
    // The only date in the file; from the content, never the clock, so two builds give the same bytes.
    properties.created = static_cast<time_t>(edition_.publication_date.EpochSeconds());
    Check(workbook_set_properties(workbook_, &properties), "setting document properties");
    // An .xlsx has no document language of its own; a custom property carries the BCP 47 tag.
    Check(workbook_set_custom_property_string(workbook_, "Language", language_.locale.c_str()),
          "setting the language property");
    Check(workbook_set_custom_property_string(workbook_, "Edition", edition_.id.c_str()),
          "setting the edition property");
  }

  lxw_worksheet* AddSheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (!sheet) throw std::runtime_error("libxlsxwriter refused the sheet name '" + name + "'");
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    return sheet;
  }

  // --- cells -------------------------------------------------------------------------------------------------

  void String(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    if (text.empty()) return;
    Check(worksheet_write_string(sheet, row, col, text.c_str(), format), "writing a cell");
  }

  void Number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    Check(worksheet_write_number(sheet, row, col, value, format), "writing a number");
  }

  /// "Label: text" in one wrapped cell, the label in bold.
  void Field(lxw_worksheet* sheet, lxw_row_t row, const std::string& label, const std::string& text,
             lxw_format* cell_format) {
    if (text.empty()) return;
    std::string head = label + ": ";
    lxw_rich_string_tuple first = {f_.bold, head.data()};
    std::string body = text;
    lxw_rich_string_tuple second = {nullptr, body.data()};
    lxw_rich_string_tuple* fragments[] = {&first, &second, nullptr};
    Check(worksheet_write_rich_string(sheet, row, 0, fragments, cell_format), "writing a rich string");
    Fit(row, head + body, kLabelColumnWidth);
  }

  void Link(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& url, const std::string& text) {
    Check(worksheet_write_url_opt(sheet, row, col, url.c_str(), f_.link, text.c_str(), nullptr), "writing a link");
  }

  /// Makes room for `text` wrapped in a column `width` characters wide. `per_char` is how much wider than
  /// Excel's width unit ('0' in Calibri 11) an average character of the font is.
  void Fit(lxw_row_t row, const std::string& text, double width, double per_char = 0.9,
           double line_height = kLineHeight) {
    const int lines = WrappedLines(text, width / per_char);
    if (lines > 1) heights_[row] = std::max(heights_[row], lines * line_height + 2);
  }

  /// Sets the heights Fit asked for on `sheet` and starts afresh for the next sheet.
  void ApplyHeights(lxw_worksheet* sheet) {
    for (const auto& [row, height] : heights_) Check(worksheet_set_row(sheet, row, height, nullptr), "sizing a row");
    heights_.clear();
  }

  // --- the contents sheet ------------------------------------------------------------------------------------

  void WriteContents(lxw_worksheet* sheet, const std::vector<FigureSheet>& figures) {
    Check(worksheet_set_column(sheet, 0, 0, 22, nullptr), "setting a column width");
    Check(worksheet_set_column(sheet, 1, 1, kLabelColumnWidth, nullptr), "setting a column width");
    Check(worksheet_set_column(sheet, 2, 2, 16, nullptr), "setting a column width");
    Check(worksheet_set_column(sheet, 3, 3, kContentsNoteWidth, nullptr), "setting a column width");

    lxw_row_t row = 0;
    String(sheet, row++, 0, language_.title, f_.title);
    String(sheet, row++, 0, Word("appendix-title"), f_.heading);
    String(sheet, row++, 0, Word("source"), f_.aside);
    ++row;

    String(sheet, row, 0, Word("publisher"), f_.bold);
    String(sheet, row++, 1, language_.publisher, f_.text);
    String(sheet, row, 0, Word("appendix-published"), f_.bold);
    WriteDate(sheet, row++, 1);
    if (!language_.isbn.empty()) {
      String(sheet, row, 0, Word("isbn"), f_.bold);
      String(sheet, row++, 1, language_.isbn, f_.text);
    }
    if (!edition_.web.empty()) {
      String(sheet, row, 0, Word("web"), f_.bold);
      Link(sheet, row++, 1, edition_.web, edition_.web);
    }
    ++row;

    String(sheet, row, 0, Word("appendix-figure"), f_.header);
    String(sheet, row, 1, Word("appendix-sheet-title"), f_.header);
    String(sheet, row, 2, Word("appendix-go-to"), f_.header);
    String(sheet, row, 3, Word("appendix-note"), f_.header);
    ++row;
    for (const FigureSheet& figure : figures) {
      Number(sheet, row, 0, figure.spec->number, f_.whole);
      String(sheet, row, 1, figure.text->title, f_.text);
      Fit(row, figure.text->title, kLabelColumnWidth);
      Link(sheet, row, 2, "internal:" + SheetNames::Quoted(figure.name) + "!A1", figure.name);
      if (figure.spec->kind == ChartKind::kZones) {
        String(sheet, row, 3, Word("appendix-zones-note"), f_.note);
        Fit(row, Word("appendix-zones-note"), kContentsNoteWidth);
      }
      ++row;
    }
    ++row;
    String(sheet, row++, 0, Word("appendix-weighting"), f_.aside);
    String(sheet, row++, 0, Word("appendix-significance"), f_.aside);
    ApplyHeights(sheet);
  }

  /// The publication date with exactly the parts that are known: a year stays a year.
  void WriteDate(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col) {
    const model::Date& date = edition_.publication_date;
    if (date.month == 0) {
      Number(sheet, row, col, date.year, f_.whole);
      return;
    }
    lxw_format* format = date.day == 0 ? MonthFormat() : DayFormat();
    lxw_datetime datetime = {date.year, date.month, date.day == 0 ? 1 : date.day, 0, 0, 0};
    Check(worksheet_write_datetime(sheet, row, col, &datetime, format), "writing the publication date");
  }

  lxw_format* MonthFormat() {
    lxw_format* format = NewFormat();
    format_set_num_format(format, "yyyy-mm");
    format_set_align(format, LXW_ALIGN_LEFT);
    return format;
  }

  lxw_format* DayFormat() {
    lxw_format* format = NewFormat();
    format_set_num_format(format, "yyyy-mm-dd");
    format_set_align(format, LXW_ALIGN_LEFT);
    return format;
  }

  // --- figure sheets -----------------------------------------------------------------------------------------

  /// "Figure N", title, question, population; returns the next free row.
  lxw_row_t WriteFigureHeading(lxw_worksheet* sheet, const FigureSheet& figure, lxw_col_t value_columns) {
    Check(worksheet_set_column(sheet, 0, 0, kLabelColumnWidth, nullptr), "setting a column width");
    if (value_columns > 0) {
      Check(worksheet_set_column(sheet, 1, value_columns, kValueColumnWidth, nullptr), "setting a column width");
    }
    lxw_row_t row = 0;
    String(sheet, row++, 0, Word("appendix-figure") + " " + std::to_string(figure.spec->number), f_.title);
    Fit(row, figure.text->title, kLabelColumnWidth, 1.15, kHeadingLineHeight);
    String(sheet, row++, 0, figure.text->title, f_.heading);
    Field(sheet, row++, Word("appendix-question"), figure.text->question, f_.text);
    Field(sheet, row++, Word("appendix-population"), figure.text->population, f_.text);
    return row;
  }

  /// Note and source at the foot of a figure sheet; returns the next free row.
  lxw_row_t WriteFoot(lxw_worksheet* sheet, lxw_row_t row, const FigureSheet& figure, bool significance) {
    if (!figure.text->note.empty()) Field(sheet, row++, Word("appendix-note"), figure.text->note, f_.text);
    if (significance) Field(sheet, row++, Word("appendix-significance-label"), Significance(figure), f_.text);
    String(sheet, row++, 0, Word("source"), f_.aside);
    return row;
  }

  std::string Significance(const FigureSheet& figure) {
    const FigureSpec& spec = *figure.spec;
    if (!spec.significant.empty()) {
      std::string list;
      for (const std::string& id : spec.significant) list += (list.empty() ? "" : "; ") + Label(figure, id);
      return Word("appendix-significant-categories") + " " + list;
    }
    if (spec.significant_overall) return Word("appendix-significant-overall");
    return Word("appendix-significant-none");
  }

  void WriteZonesSheet(lxw_worksheet* sheet, const FigureSheet& figure) {
    lxw_row_t row = WriteFigureHeading(sheet, figure, 0);
    Fit(row, Word("appendix-zones-note"), kLabelColumnWidth);
    String(sheet, row++, 0, Word("appendix-zones-note"), f_.note);
    for (const std::string& zone : figure.spec->zone_order) {
      ++row;
      String(sheet, row++, 0, Label(figure, zone), f_.header);
      auto items = figure.spec->zones.find(zone);
      if (items == figure.spec->zones.end()) continue;
      for (const std::string& item : items->second) {
        Fit(row, Label(figure, item), kLabelColumnWidth);
        String(sheet, row++, 0, Label(figure, item), f_.category);
      }
    }
    ++row;
    WriteFoot(sheet, row, figure, false);
    ApplyHeights(sheet);
  }

  void WriteDataSheet(lxw_worksheet* sheet, const FigureSheet& figure) {
    const FigureSpec& spec = *figure.spec;
    const lxw_col_t series_count = static_cast<lxw_col_t>(spec.series.size());
    lxw_row_t row = WriteFigureHeading(sheet, figure, std::max<lxw_col_t>(series_count, 1));
    String(sheet, row, 0, Word("appendix-base"), f_.bold);
    Number(sheet, row++, 1, spec.base_n, f_.count_left);
    ++row;

    auto found = edition_.tables.find(spec.table);
    if (found == edition_.tables.end()) {
      diags_.Error(spec.loc, "figure '" + spec.id + "' names table '" + spec.table + "', which is not loaded");
      ApplyHeights(sheet);
      return;
    }
    const Table& table = found->second;
    std::set<const TableRow*> placed;

    // The figure's table: categories in draw order down, series across.
    TableCells cells;
    cells.header_row = row;
    cells.series = series_count;
    SeriesHeader(sheet, row++, figure, Word("appendix-category"), spec.series);
    cells.first_row = row;
    for (const std::string& category : spec.categories) {
      ValueRow(sheet, row++, figure, table, spec.indicator, category, spec.series, &placed);
    }
    cells.last_row = row - 1;
    worksheet_freeze_panes(sheet, cells.first_row, 0);
    row = WriteCounts(sheet, row, figure, table);

    if (!spec.excluded.empty()) {
      ++row;
      SeriesHeader(sheet, row++, figure, Word("appendix-excluded"), spec.series);
      for (const std::string& category : spec.excluded) {
        ValueRow(sheet, row++, figure, table, spec.indicator, category, spec.series, &placed);
      }
      Fit(row, Word("appendix-excluded-note"), kLabelColumnWidth);
      String(sheet, row++, 0, Word("appendix-excluded-note"), f_.note);
    }

    row = WriteFurtherValues(sheet, row, figure, table, &placed);
    ++row;
    row = WriteFoot(sheet, row, figure, true);
    ApplyHeights(sheet);
    // The chart prints on a page of its own rather than cut by a page break.
    const lxw_row_t chart_row = row + 1;
    lxw_row_t breaks[] = {chart_row, 0};
    Check(worksheet_set_h_pagebreaks(sheet, breaks), "setting a page break");
    InsertChart(sheet, chart_row, figure, cells);
  }

  void SeriesHeader(lxw_worksheet* sheet, lxw_row_t row, const FigureSheet& figure, const std::string& first,
                    const std::vector<std::string>& series) {
    String(sheet, row, 0, first, f_.header);
    Fit(row, first, kLabelColumnWidth, 1.0);
    for (size_t j = 0; j < series.size(); ++j) {
      String(sheet, row, static_cast<lxw_col_t>(1 + j), Label(figure, series[j]), f_.header_value);
      Fit(row, Label(figure, series[j]), kValueColumnWidth, 1.0);
    }
  }

  void ValueRow(lxw_worksheet* sheet, lxw_row_t row, const FigureSheet& figure, const Table& table,
                const std::string& indicator, const std::string& category, const std::vector<std::string>& series,
                std::set<const TableRow*>* placed) {
    String(sheet, row, 0, Label(figure, category), f_.category);
    Fit(row, Label(figure, category), kLabelColumnWidth);
    for (size_t j = 0; j < series.size(); ++j) {
      const TableRow* value = table.Find(indicator, series[j], category);
      if (!value) {
        diags_.Error(figure.spec->loc, "figure '" + figure.spec->id + "': table '" + table.name +
                                           "' has no value for " + indicator + " / " + series[j] + " / " + category +
                                           "; its appendix cell stays empty");
        continue;
      }
      // Stored as a fraction so that formulas on it work; the format shows the published rounding.
      Number(sheet, row, static_cast<lxw_col_t>(1 + j), value->value / 100.0, f_.percent);
      placed->insert(value);
    }
  }

  /// The unweighted n of each series: one row when every category of a series has the same n, otherwise a block
  /// of n per category. Returns the next free row.
  lxw_row_t WriteCounts(lxw_worksheet* sheet, lxw_row_t row, const FigureSheet& figure, const Table& table) {
    const FigureSpec& spec = *figure.spec;
    bool uniform = true;
    std::vector<int> per_series(spec.series.size(), -1);
    for (size_t j = 0; j < spec.series.size(); ++j) {
      for (const std::string& category : spec.categories) {
        const TableRow* value = table.Find(spec.indicator, spec.series[j], category);
        if (!value) continue;
        if (per_series[j] >= 0 && per_series[j] != value->n) uniform = false;
        per_series[j] = value->n;
      }
    }
    if (uniform) {
      String(sheet, row, 0, Word("appendix-n"), f_.category);
      for (size_t j = 0; j < per_series.size(); ++j) {
        if (per_series[j] >= 0) Number(sheet, row, static_cast<lxw_col_t>(1 + j), per_series[j], f_.count);
      }
      return row + 1;
    }
    ++row;
    SeriesHeader(sheet, row++, figure, Word("appendix-n"), spec.series);
    for (const std::string& category : spec.categories) {
      String(sheet, row, 0, Label(figure, category), f_.category);
      for (size_t j = 0; j < spec.series.size(); ++j) {
        const TableRow* value = table.Find(spec.indicator, spec.series[j], category);
        if (value) Number(sheet, row, static_cast<lxw_col_t>(1 + j), value->n, f_.count);
      }
      ++row;
    }
    return row;
  }

  /// Rows of the table the figure does not draw and does not list as excluded (e.g. a published total), grouped
  /// by indicator in file order, so that every value of the table is in the appendix. Returns the next free row.
  lxw_row_t WriteFurtherValues(lxw_worksheet* sheet, lxw_row_t row, const FigureSheet& figure, const Table& table,
                               std::set<const TableRow*>* placed) {
    std::vector<std::string> indicators;
    for (const TableRow& value : table.rows) {
      if (placed->count(&value)) continue;
      if (std::find(indicators.begin(), indicators.end(), value.indicator) == indicators.end()) {
        indicators.push_back(value.indicator);
      }
    }
    for (const std::string& indicator : indicators) {
      std::vector<std::string> series, categories;
      for (const TableRow& value : table.rows) {
        if (value.indicator != indicator || placed->count(&value)) continue;
        if (std::find(series.begin(), series.end(), value.series) == series.end()) series.push_back(value.series);
        if (std::find(categories.begin(), categories.end(), value.category) == categories.end()) {
          categories.push_back(value.category);
        }
      }
      ++row;
      SeriesHeader(sheet, row++, figure, Word("appendix-other-values"), series);
      for (const std::string& category : categories) {
        ValueRow(sheet, row++, figure, table, indicator, category, series, placed);
      }
    }
    return row;
  }

  // --- charts ------------------------------------------------------------------------------------------------

  static uint8_t ChartType(ChartKind kind) {
    switch (kind) {
      case ChartKind::kDonut:
        return LXW_CHART_DOUGHNUT;
      case ChartKind::kStackedBar:
        return LXW_CHART_BAR_STACKED_PERCENT;
      case ChartKind::kGroupedColumns:
        return LXW_CHART_COLUMN;
      case ChartKind::kGroupedBars:
      case ChartKind::kPromoteHinder:
      case ChartKind::kBars:
      case ChartKind::kCitizenRoles:
      case ChartKind::kDiverging:
      case ChartKind::kZones:
        break;
    }
    return LXW_CHART_BAR;
  }

  void InsertChart(lxw_worksheet* sheet, lxw_row_t anchor, const FigureSheet& figure, const TableCells& cells) {
    const ChartKind kind = figure.spec->kind;
    const uint8_t type = ChartType(kind);
    lxw_chart* chart = workbook_add_chart(workbook_, type);
    if (!chart) throw std::runtime_error("libxlsxwriter: out of memory adding a chart");
    const char* sheet_name = figure.name.c_str();
    const size_t categories = cells.last_row - cells.first_row + 1;
    const size_t series = cells.series;

    lxw_chart_font title_font = {};
    title_font.size = 12;
    title_font.bold = 1;
    chart_title_set_name(chart, pool_.Keep(figure.text->title));
    chart_title_set_name_font(chart, &title_font);

    // A 100%-stacked bar stacks series, while the figure stacks its categories: each category row becomes one
    // chart series, and each table series one bar.
    const bool by_row = type == LXW_CHART_BAR_STACKED_PERCENT;
    const size_t chart_series = by_row ? categories : series;
    for (size_t k = 0; k < chart_series; ++k) {
      lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
      if (!s) throw std::runtime_error("libxlsxwriter: cannot add a chart series");
      if (by_row) {
        const lxw_row_t row = static_cast<lxw_row_t>(cells.first_row + k);
        chart_series_set_categories(s, sheet_name, cells.header_row, 1, cells.header_row, cells.series);
        chart_series_set_values(s, sheet_name, row, 1, row, cells.series);
        chart_series_set_name_range(s, sheet_name, row, 0);
      } else {
        const lxw_col_t col = static_cast<lxw_col_t>(1 + k);
        chart_series_set_categories(s, sheet_name, cells.first_row, 0, cells.last_row, 0);
        chart_series_set_values(s, sheet_name, cells.first_row, col, cells.last_row, col);
        chart_series_set_name_range(s, sheet_name, cells.header_row, col);
      }
      chart_series_set_labels(s);
      chart_series_set_labels_num_format(s, "0%");
      if (type == LXW_CHART_BAR || type == LXW_CHART_COLUMN) {
        chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END);
      } else if (by_row) {
        chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_CENTER);
      }
    }

    // Legend only where it names something the axis does not.
    const bool legend = type == LXW_CHART_DOUGHNUT || chart_series > 1;
    chart_legend_set_position(chart, legend ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);

    if (type != LXW_CHART_DOUGHNUT) {
      // libxlsxwriter names a bar chart's axes by direction: x is the horizontal value axis there.
      const bool horizontal = type == LXW_CHART_BAR || type == LXW_CHART_BAR_STACKED_PERCENT;
      lxw_chart_axis* category_axis = horizontal ? chart->y_axis : chart->x_axis;
      lxw_chart_axis* value_axis = horizontal ? chart->x_axis : chart->y_axis;
      chart_axis_set_num_format(value_axis, "0%");
      chart_axis_set_min(value_axis, 0);
      if (horizontal) {
        // Excel draws bar categories bottom-up; reversed, they read top-down in the figure's order, with the
        // value axis kept at the bottom.
        chart_axis_set_reverse(category_axis);
        chart_axis_set_crossing_max(category_axis);
      }
    } else {
      chart_set_hole_size(chart, 50);
    }

    // Size: as wide as the table, tall enough for every bar and its label.
    double width = PixelsOf(kLabelColumnWidth) + PixelsOf(kValueColumnWidth) * static_cast<double>(series);
    width = std::max(width, 640.0);
    double height = 320;
    if (type == LXW_CHART_BAR) {
      height = std::max(300.0, 90.0 + 18.0 * static_cast<double>(categories * series) +
                                   12.0 * static_cast<double>(categories) + (series > 1 ? 30.0 : 0.0));
    } else if (type == LXW_CHART_BAR_STACKED_PERCENT) {
      height = std::max(260.0, 180.0 + 40.0 * static_cast<double>(series));
    } else if (type == LXW_CHART_DOUGHNUT) {
      height = 400;
    }
    lxw_chart_options options = {};
    options.x_scale = width / 480.0;
    options.y_scale = height / 288.0;
    options.description = pool_.Keep(figure.text->title);
    Check(worksheet_insert_chart_opt(sheet, anchor, 0, chart, &options), "inserting a chart");
  }

  lxw_workbook* workbook_;
  const model::Edition& edition_;
  const LanguageEdition& language_;
  base::Diagnostics& diags_;
  Formats f_;
  StringPool pool_;
  std::map<lxw_row_t, double> heights_;  ///< rows of the current sheet that need more than one line
  std::set<std::string> missing_labels_;
};

struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

}  // namespace

std::string BuildWorkbook(const model::Edition& edition, const model::LanguageEdition& language,
                          base::Diagnostics& diags) {
  TempFile file;
  lxw_workbook_options options = {};
  std::string scratch = base::ScratchDir();
  options.tmpdir = scratch.data();
  std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new_opt(file.path().c_str(), &options));
  if (!workbook) throw std::runtime_error("libxlsxwriter: cannot create a workbook at " + file.path());
  {
    Writer writer(workbook.get(), edition, language, diags);
    writer.Write();
    // workbook_close frees the workbook, also when it fails.
    Check(workbook_close(workbook.release()), "writing the workbook");
  }
  return file.Read();
}

}  // namespace barometer::appendix
