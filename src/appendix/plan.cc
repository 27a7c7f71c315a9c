#include "appendix/plan.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "appendix/sheet_name.h"
#include "base/number_style.h"

namespace barometer::appendix {

std::string Words::Word(const std::string& key) {
  auto it = language_.labels.find(key);
  if (it != language_.labels.end()) return it->second;
  if (missing_.insert(key).second) {
    diags_.Error(language_.LabelsLoc(), "label '" + key + "' is missing; the Excel appendix needs it");
  }
  return key;
}

std::string Words::Source(const model::Edition& edition) {
  if (language_.labels.count("source")) return Word("source");
  std::vector<const model::FigureSpec*> specs;
  for (const auto& [id, spec] : edition.figures) specs.push_back(&spec);
  std::stable_sort(specs.begin(), specs.end(),
                   [](const model::FigureSpec* a, const model::FigureSpec* b) { return a->number < b->number; });
  std::vector<std::string> sources;
  for (const model::FigureSpec* spec : specs) {
    auto text = language_.figures.find(spec->id);
    if (text == language_.figures.end() || text->second.source.empty()) continue;
    if (std::find(sources.begin(), sources.end(), text->second.source) == sources.end()) {
      sources.push_back(text->second.source);
    }
  }
  if (sources.empty()) return Word("source");  // reports the missing label
  std::string line = Word("figure-source") + ":";
  for (size_t i = 0; i < sources.size(); ++i) line += (i ? "; " : " ") + sources[i];
  return line;
}

std::string Words::Label(const model::FigureSpec& spec, const model::FigureText& text, const std::string& id) {
  if (auto label = model::FigureLabel(spec, text, id)) return *label;
  if (missing_.insert(spec.id + "/" + id).second) {
    diags_.Error(text.loc, "figure '" + spec.id + "' has no label for '" + id + "' in language '" + language_.code +
                               "'; the Excel appendix needs it");
  }
  return id;
}

std::string TableName(const std::string& wanted, std::set<std::string>* taken) {
  std::string name;
  for (char c : wanted) {
    const unsigned char u = static_cast<unsigned char>(c);
    // Letters beyond ASCII are valid in Excel names; other ASCII punctuation and spaces are not.
    const bool keep = u >= 0x80 || std::isalnum(u);
    if (keep) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) name = "T_" + name;
  std::string unique = name;
  for (int i = 2; taken->count(unique); ++i) unique = name + "_" + std::to_string(i);
  taken->insert(unique);
  return unique;
}

namespace {

using model::ChartKind;
using model::FigureSpec;
using model::FigureText;
using model::Table;
using model::TableRow;

int DecimalsOf(double value) {
  for (int d = 0; d < 2; ++d) {
    const double scaled = value * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 2;
}

// 0xRRGGBB, the form libxlsxwriter takes a colour in.
uint32_t RgbNumber(const model::Rgb& c) {
  auto channel = [](double v) { return static_cast<uint32_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return channel(c.r) << 16 | channel(c.g) << 8 | channel(c.b);
}

class Planner {
 public:
  Planner(const model::Edition& edition, const DrawnCharts& charts, Words& words, base::Diagnostics& diags)
      : edition_(edition),
        charts_(charts),
        words_(words),
        diags_(diags),
        numbers_(words.language().profile.numbers) {}

  WorkbookPlan Plan() {
    plan_.cover_sheet = names_.Make(Word("appendix-cover"), "Cover");
    plan_.contents_sheet = names_.Make(Word("appendix-contents"), "Contents");
    plan_.notes_sheet = names_.Make(Word("appendix-notes-title"), "Notes");
    plan_.notes_title = Word("appendix-notes-title");
    plan_.contents_table = TableName(plan_.contents_sheet, &table_names_);
    plan_.notes_table = TableName(plan_.notes_sheet, &table_names_);
    for (const FigureSpec* spec : FiguresInOrder()) {
      auto text = words_.language().figures.find(spec->id);
      if (text == words_.language().figures.end()) {
        diags_.Error(spec->loc, "figure '" + spec->id + "' has no texts in language '" + words_.language().code +
                                    "', so the appendix leaves it out");
        continue;
      }
      if (spec->kind == ChartKind::kZones) {
        PlanZones(*spec, text->second);
        continue;
      }
      auto table = edition_.tables.find(spec->table);
      if (table == edition_.tables.end()) {
        diags_.Error(spec->loc, "figure '" + spec->id + "' names table '" + spec->table + "', which is not loaded");
        continue;
      }
      PlanFigure(*spec, text->second, table->second);
    }
    return std::move(plan_);
  }

 private:
  std::string Word(const std::string& key) { return words_.Word(key); }

  std::vector<const FigureSpec*> FiguresInOrder() const {
    std::vector<const FigureSpec*> out;
    for (const auto& [id, spec] : edition_.figures) out.push_back(&spec);
    std::stable_sort(out.begin(), out.end(),
                     [](const FigureSpec* a, const FigureSpec* b) { return a->number < b->number; });
    return out;
  }

  /// The marker of a note, numbered on its first reference.
  std::string Ref(const std::string& key, const std::string& text) {
    auto it = note_markers_.find(key);
    if (it != note_markers_.end()) return it->second;
    const std::string marker =
        "[" + Word("appendix-note-ref") + " " + std::to_string(plan_.notes.size() + 1) + "]";
    plan_.notes.push_back({marker, text});
    note_markers_[key] = marker;
    return marker;
  }

  std::string FigureName(const FigureSpec& spec) { return Word("appendix-figure") + " " + std::to_string(spec.number); }

  /// The sheet's A1: "Figure 4: title", with what part of the figure it holds when that is not the figure itself.
  std::string Title(const FigureSpec& spec, const FigureText& text, const std::string& part = "") {
    return FigureName(spec) + ": " + text.title + (part.empty() ? "" : " – " + part);
  }

  std::string NotesLine(const std::vector<std::string>& markers) {
    std::string line = Word("appendix-notes-line");
    for (const std::string& marker : markers) line += " " + marker;
    return line;
  }

  std::string Field(const std::string& key, const std::string& text) { return Word(key) + ": " + text; }

  // --- figures with numbers ----------------------------------------------------------------------------------

  /// A table of shares: categories down and series across, or the other way round with `series_down` (a figure
  /// with a single category reads better as a column than as one long row). A value the table lacks is "[x]".
  TablePlan ShareTable(const FigureSpec& spec, const FigureText& text, const Table& table,
                       const std::string& indicator, const std::vector<std::string>& categories,
                       const std::vector<std::string>& series, bool series_down, const std::string& name,
                       bool* missing) {
    TablePlan out;
    out.name = TableName(name, &table_names_);
    const std::string unit = " " + Word("appendix-percent-unit");
    const std::vector<std::string>& down = series_down ? series : categories;
    const std::vector<std::string>& across = series_down ? categories : series;
    out.headers.push_back(Word("appendix-category"));
    for (const std::string& id : across) out.headers.push_back(words_.Label(spec, text, id) + unit);
    for (const std::string& row_id : down) {
      std::vector<Cell> row = {Cell::Text(words_.Label(spec, text, row_id))};
      for (const std::string& column_id : across) {
        const std::string& category = series_down ? column_id : row_id;
        const std::string& one_series = series_down ? row_id : column_id;
        const TableRow* value = table.Find(indicator, one_series, category);
        if (!value) {
          row.push_back(Cell::Missing());
          *missing = true;
          continue;
        }
        out.decimals = std::max(out.decimals, DecimalsOf(value->value));
        row.push_back(Cell::Share(value->value / 100.0));
        placed_.insert(value);
      }
      out.rows.push_back(std::move(row));
    }
    UniqueHeaders(&out.headers);
    return out;
  }

  /// Adds a column of unweighted n beside each value column: each group's own base.
  void AddCounts(const FigureSpec& spec, const FigureText& text, const Table& table, bool series_down,
                 TablePlan* out) {
    const std::vector<std::string>& down = series_down ? spec.series : spec.categories;
    const std::vector<std::string>& across = series_down ? spec.categories : spec.series;
    for (const std::string& id : across) {
      out->headers.push_back(words_.Label(spec, text, id) + ", " + Word("appendix-n"));
    }
    for (size_t r = 0; r < down.size(); ++r) {
      for (const std::string& column_id : across) {
        const std::string& category = series_down ? column_id : down[r];
        const std::string& one_series = series_down ? down[r] : column_id;
        const TableRow* value = table.Find(spec.indicator, one_series, category);
        out->rows[r].push_back(value ? Cell::Count(value->n) : Cell::Missing());
      }
    }
    UniqueHeaders(&out->headers);
  }

  static void UniqueHeaders(std::vector<std::string>* headers) {
    std::set<std::string> seen;
    for (std::string& header : *headers) {
      std::string unique = header;
      for (int i = 2; !seen.insert(unique).second; ++i) unique = header + " (" + std::to_string(i) + ")";
      header = unique;
    }
  }

  bool CountsVary(const FigureSpec& spec, const Table& table) const {
    for (const std::string& series : spec.series) {
      for (const std::string& category : spec.categories) {
        const TableRow* value = table.Find(spec.indicator, series, category);
        if (value && value->n != spec.base_n) return true;
      }
    }
    return false;
  }

  std::string Significance(const FigureSpec& spec, const FigureText& text) {
    if (!spec.significant.empty()) {
      std::string list;
      for (const std::string& id : spec.significant) list += (list.empty() ? "" : "; ") + words_.Label(spec, text, id);
      return Word("appendix-significant-categories") + " " + list;
    }
    if (spec.significant_overall) return Word("appendix-significant-overall");
    return "";
  }

  /// One note per pair of groups whose difference the editor states is significant.
  void SignificantPairs(const FigureSpec& spec, const FigureText& text, std::vector<std::string>* markers) {
    for (const auto& pair : spec.significant_pairs) {
      markers->push_back(Ref(spec.id + "/pair/" + pair.first + "/" + pair.second,
                             FigureName(spec) + ": " +
                                 model::SignificantPairSentence(Word("significant-pair"), text, pair)));
    }
  }

  /// The sheet's source line: the figure's own source when it has one, else the edition's.
  std::string SourceLine(const FigureText& text) {
    return text.source.empty() ? Word("source") : Word("figure-source") + ": " + text.source;
  }

  uint32_t Colour(const FigureSpec& spec, const std::string& category, const std::string& series, size_t index) {
    auto chart = charts_.find(spec.id);
    if (chart != charts_.end() && chart->second) {
      for (const figures::Shape& shape : chart->second->shapes) {
        if ((shape.role == "bar" || shape.role == "segment") && shape.category == category &&
            shape.series == series) {
          return RgbNumber(shape.fill);
        }
      }
    }
    const auto& names = edition_.design.chart_palette;
    if (names.empty()) return 0x000000;
    auto colour = edition_.design.palette.find(names[index % names.size()]);
    return colour == edition_.design.palette.end() ? 0x000000 : RgbNumber(colour->second);
  }

  /// Alternative text of a chart: its title, then every value of its table, row by row, each named by its
  /// column's label when there are several.
  std::string AltText(const std::string& title, const TablePlan& table, const std::vector<std::string>& columns) {
    std::string alt = title + ".";
    for (const std::vector<Cell>& row : table.rows) {
      std::string values;
      for (size_t c = 1; c <= columns.size() && c < row.size(); ++c) {
        const std::string value =
            row[c].kind == Cell::kShare ? numbers_.Percent(row[c].number * 100, table.decimals) : row[c].text;
        values += (values.empty() ? "" : ", ") + (columns.size() > 1 ? columns[c - 1] + " " + value : value);
      }
      alt += " " + row[0].text + ": " + values + ";";
    }
    if (alt.back() == ';') alt.back() = '.';
    return alt;
  }

  void PlanFigure(const FigureSpec& spec, const FigureText& text, const Table& table) {
    const bool series_down = spec.categories.size() == 1 && spec.series.size() > 1;
    const std::string figure = FigureName(spec);
    const bool counts_vary = CountsVary(spec, table);

    // The figure's own table.
    TableSheet main;
    main.name = names_.Make(figure, spec.id);
    main.title = Title(spec, text);
    bool missing = false;
    main.table = ShareTable(spec, text, table, spec.indicator, spec.categories, spec.series, series_down, main.name,
                            &missing);
    if (counts_vary) AddCounts(spec, text, table, series_down, &main.table);

    ChartPlan chart;
    chart.type = spec.kind == ChartKind::kDonut            ? ChartPlan::kDoughnut
                 : spec.kind == ChartKind::kGroupedColumns ? ChartPlan::kColumn
                                                           : ChartPlan::kBar;
    chart.sheet = names_.Make(figure + " " + Word("appendix-sheet-chart"), spec.id + " chart");
    chart.title = text.title;
    const std::vector<std::string>& down = series_down ? spec.series : spec.categories;
    const std::vector<std::string>& across = series_down ? spec.categories : spec.series;
    for (size_t c = 0; c < across.size(); ++c) {
      ChartPlan::Series s;
      s.column = 1 + c;
      for (size_t r = 0; r < down.size(); ++r) {
        const std::string& category = series_down ? across[c] : down[r];
        const std::string& one_series = series_down ? down[r] : across[c];
        // The palette index the figure kinds use: a category's for rings and single-series bars, else a series'.
        const size_t index = across.size() == 1 ? r : c;
        s.colours.push_back(Colour(spec, category, one_series, index));
      }
      chart.series.push_back(std::move(s));
    }
    std::vector<std::string> column_labels;
    for (const std::string& id : across) column_labels.push_back(words_.Label(spec, text, id));
    chart.alt = AltText(FigureName(spec) + ": " + text.title, main.table, column_labels);

    // Lines in reading order, so the notes are numbered in the order a reader meets them.
    main.lines.push_back(Word("appendix-one-table") + " " + Word("appendix-chart-line") + " " + chart.sheet + ".");
    DescribeFigure(spec, text, counts_vary, &main.lines);
    std::vector<std::string> markers = {Ref("weighting", Word("appendix-weighting")),
                                        Ref("significance", Word("appendix-significance"))};
    if (!text.note.empty()) markers.push_back(Ref(spec.id + "/note", FigureName(spec) + ": " + text.note));
    const std::string significance = Significance(spec, text);
    if (!significance.empty()) {
      markers.push_back(Ref(spec.id + "/significance", FigureName(spec) + ": " + significance));
    }
    SignificantPairs(spec, text, &markers);
    if (missing) markers.push_back(Ref("missing", Word("appendix-x-note")));
    main.lines.push_back(NotesLine(markers));
    main.lines.push_back(SourceLine(text));
    main.chart = std::move(chart);
    plan_.sheets.push_back(std::move(main));

    // The answers the figure leaves out ("don't know"), on a sheet of their own.
    if (!spec.excluded.empty()) {
      TableSheet excluded;
      excluded.name = names_.Make(figure + " " + Word("appendix-sheet-excluded"), spec.id + " excluded");
      excluded.title = Title(spec, text, Word("appendix-excluded"));
      bool gaps = false;
      excluded.table = ShareTable(spec, text, table, spec.indicator, spec.excluded, spec.series, false,
                                  excluded.name, &gaps);
      excluded.lines.push_back(Word("appendix-one-table"));
      DescribeFigure(spec, text, counts_vary, &excluded.lines);
      std::vector<std::string> notes = {Ref("excluded", Word("appendix-excluded-note")),
                                        Ref("weighting", Word("appendix-weighting"))};
      if (gaps) notes.push_back(Ref("missing", Word("appendix-x-note")));
      excluded.lines.push_back(NotesLine(notes));
      excluded.lines.push_back(SourceLine(text));
      plan_.sheets.push_back(std::move(excluded));
    }

    // Values of the same table the figure neither draws nor excludes (a published total), one sheet per indicator,
    // so that every value of the table is in the workbook.
    std::vector<std::string> indicators;
    for (const TableRow& row : table.rows) {
      if (placed_.count(&row)) continue;
      if (std::find(indicators.begin(), indicators.end(), row.indicator) == indicators.end()) {
        indicators.push_back(row.indicator);
      }
    }
    for (const std::string& indicator : indicators) {
      std::vector<std::string> series, categories;
      for (const TableRow& row : table.rows) {
        if (row.indicator != indicator || placed_.count(&row)) continue;
        if (std::find(series.begin(), series.end(), row.series) == series.end()) series.push_back(row.series);
        if (std::find(categories.begin(), categories.end(), row.category) == categories.end()) {
          categories.push_back(row.category);
        }
      }
      TableSheet further;
      further.name = names_.Make(figure + " " + Word("appendix-sheet-further"), spec.id + " further");
      further.title = Title(spec, text, Word("appendix-other-values"));
      bool gaps = false;
      further.table = ShareTable(spec, text, table, indicator, categories, series, false, further.name, &gaps);
      further.lines.push_back(Word("appendix-one-table"));
      DescribeFigure(spec, text, counts_vary, &further.lines);
      std::vector<std::string> notes = {Ref("weighting", Word("appendix-weighting"))};
      if (!text.note.empty()) notes.push_back(Ref(spec.id + "/note", FigureName(spec) + ": " + text.note));
      if (gaps) notes.push_back(Ref("missing", Word("appendix-x-note")));
      further.lines.push_back(NotesLine(notes));
      further.lines.push_back(SourceLine(text));
      plan_.sheets.push_back(std::move(further));
    }
  }

  /// Question, population and base: the lines that say what the numbers count.
  void DescribeFigure(const FigureSpec& spec, const FigureText& text, bool counts_vary,
                      std::vector<std::string>* lines) {
    if (!text.caption.empty()) lines->push_back(text.caption);
    if (!text.question.empty()) lines->push_back(Field("appendix-question", text.question));
    if (!text.population.empty()) lines->push_back(Field("appendix-population", text.population));
    if (!spec.group_base_n.empty()) {
      std::string bases;
      for (const auto& [id, n] : spec.group_base_n) {
        bases += (bases.empty() ? "" : "; ") + words_.Label(spec, text, id) + " " + numbers_.Format(n);
      }
      lines->push_back(Field("appendix-base-groups", bases));
    } else if (spec.base_n > 0) {
      // The tables give one n per figure; it is the base of the whole figure, not of each group in it.
      std::string base = Field("appendix-base-figure", numbers_.Format(spec.base_n));
      if (!counts_vary) base += " " + Ref("base", Word("appendix-base-note"));
      lines->push_back(base);
    }
  }

  // --- the zones figure: words, no numbers -------------------------------------------------------------------

  void PlanZones(const FigureSpec& spec, const FigureText& text) {
    TableSheet sheet;
    sheet.name = names_.Make(FigureName(spec), spec.id);
    sheet.title = Title(spec, text);
    sheet.table.name = TableName(sheet.name, &table_names_);
    sheet.table.headers = {Word("appendix-zone-item"), Word("appendix-zone")};
    for (const std::string& zone : spec.zone_order) {
      auto items = spec.zones.find(zone);
      if (items == spec.zones.end()) continue;
      for (const std::string& item : items->second) {
        sheet.table.rows.push_back(
            {Cell::Text(words_.Label(spec, text, item)), Cell::Text(words_.Label(spec, text, zone))});
      }
    }
    std::vector<std::string> markers = {Ref(spec.id + "/zones", FigureName(spec) + ": " + Word("appendix-zones-note"))};
    if (!text.note.empty()) markers.push_back(Ref(spec.id + "/note", FigureName(spec) + ": " + text.note));
    sheet.lines.push_back(Word("appendix-one-table"));
    if (!text.caption.empty()) sheet.lines.push_back(text.caption);
    if (!text.question.empty()) sheet.lines.push_back(Field("appendix-question", text.question));
    if (!text.population.empty()) sheet.lines.push_back(Field("appendix-population", text.population));
    sheet.lines.push_back(NotesLine(markers));
    sheet.lines.push_back(SourceLine(text));
    plan_.sheets.push_back(std::move(sheet));
  }

  const model::Edition& edition_;
  const DrawnCharts& charts_;
  Words& words_;
  base::Diagnostics& diags_;
  base::NumberStyle numbers_;
  WorkbookPlan plan_;
  SheetNames names_;
  std::set<std::string> table_names_;
  std::map<std::string, std::string> note_markers_;
  std::set<const TableRow*> placed_;
};

}  // namespace

WorkbookPlan PlanWorkbook(const model::Edition& edition, const DrawnCharts& charts, Words& words,
                          base::Diagnostics& diags) {
  return Planner(edition, charts, words, diags).Plan();
}

}  // namespace barometer::appendix
