#include "appendix/native_chart.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "appendix/formats.h"
#include "appendix/sheet_name.h"

namespace barometer::appendix {
namespace {

std::string ColumnLetters(lxw_col_t col) {
  std::string letters;
  for (unsigned n = col + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

/// The cells of one column, rows `first`..`last`. Horizontal bars list them bottom-up: Excel and LibreOffice draw
/// a bar chart's first category at the bottom and list its legend in reverse series order, so a reference in
/// reverse row order (and series added in reverse) shows the figure's first category on top, its first series on
/// top of each group, and a legend in the figure's order. Reversing the axis instead would flip the bars but
/// not the legend.
std::string ColumnRef(const std::string& sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col, bool bottom_up) {
  if (!bottom_up || first == last) {
    std::string ref = "=" + CellRef(sheet, first, col);
    if (last != first) ref += ":$" + ColumnLetters(col) + "$" + std::to_string(last + 1);
    return ref;
  }
  std::string ref = "=(";
  for (lxw_row_t row = last + 1; row-- > first;) ref += CellRef(sheet, row, col) + (row > first ? "," : ")");
  return ref;
}

}  // namespace

std::string CellRef(const std::string& sheet, lxw_row_t row, lxw_col_t col) {
  return SheetNames::Quoted(sheet) + "!$" + ColumnLetters(col) + "$" + std::to_string(row + 1);
}

ChartSheetExtras AddChartSheet(lxw_workbook* workbook, const ChartPlan& plan, const TablePlan& table,
                               const std::string& data_sheet, lxw_row_t header_row) {
  ChartSheetExtras extras;
  extras.alt = plan.alt;
  lxw_chartsheet* sheet = workbook_add_chartsheet(workbook, plan.sheet.c_str());
  if (!sheet) throw std::runtime_error("libxlsxwriter refused the chart sheet name '" + plan.sheet + "'");
  const uint8_t type = plan.type == ChartPlan::kDoughnut ? LXW_CHART_DOUGHNUT
                       : plan.type == ChartPlan::kColumn ? LXW_CHART_COLUMN
                                                         : LXW_CHART_BAR;
  lxw_chart* chart = workbook_add_chart(workbook, type);
  if (!chart) throw std::runtime_error("libxlsxwriter: out of memory adding a chart");

  lxw_chart_font title_font = {};
  title_font.size = 14;
  title_font.bold = 1;
  chart_title_set_name(chart, plan.title.c_str());
  chart_title_set_name_font(chart, &title_font);

  const bool bottom_up = type == LXW_CHART_BAR;
  const lxw_row_t first = header_row + 1;
  const lxw_row_t last = static_cast<lxw_row_t>(header_row + table.rows.size());
  const std::string categories = ColumnRef(data_sheet, first, last, 0, bottom_up);
  // A list of cells, unlike a range, gets no cached cells from libxlsxwriter; the package adds them.
  const bool listed = bottom_up && first != last;
  auto cache = [&](const std::string& ref, size_t column) {
    if (!listed) return;
    CachedCells& cells = extras.caches[ref.substr(1)];
    cells.text = column == 0;
    for (size_t r = table.rows.size(); r-- > 0;) {
      const Cell& cell = table.rows[r][column];
      if (cells.text) cells.texts.push_back(cell.text);
      else cells.numbers.push_back(cell.kind == Cell::kShare ? cell.number : std::nan(""));
    }
  };
  cache(categories, 0);
  const std::string label_format = ShareFormat(table.decimals);
  std::vector<const ChartPlan::Series*> order;
  for (const ChartPlan::Series& s : plan.series) order.push_back(&s);
  if (bottom_up) std::reverse(order.begin(), order.end());

  for (const ChartPlan::Series* series : order) {
    const lxw_col_t col = static_cast<lxw_col_t>(series->column);
    const std::string values = ColumnRef(data_sheet, first, last, col, bottom_up);
    cache(values, col);
    lxw_chart_series* s = chart_add_series(chart, categories.c_str(), values.c_str());
    if (!s) throw std::runtime_error("libxlsxwriter: cannot add a chart series");
    chart_series_set_name_range(s, data_sheet.c_str(), header_row, col);
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, label_format.c_str());
    if (type != LXW_CHART_DOUGHNUT) chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END);

    std::vector<uint32_t> colours = series->colours;
    if (bottom_up) std::reverse(colours.begin(), colours.end());
    bool one_colour = std::all_of(colours.begin(), colours.end(), [&](uint32_t c) { return c == colours.front(); });
    if (one_colour && type != LXW_CHART_DOUGHNUT && !colours.empty()) {
      lxw_chart_fill fill = {colours.front(), 0, 0};
      chart_series_set_fill(s, &fill);
    } else {
      std::vector<lxw_chart_fill> fills(colours.size());
      std::vector<lxw_chart_point> points(colours.size());
      std::vector<lxw_chart_point*> list;
      for (size_t i = 0; i < colours.size(); ++i) {
        fills[i] = {colours[i], 0, 0};
        points[i].fill = &fills[i];
        list.push_back(&points[i]);
      }
      list.push_back(nullptr);
      Check(chart_series_set_points(s, list.data()), "colouring a chart's points");
    }
  }

  // A legend where it names something the axis does not: the rings' categories, or several series.
  const bool legend = type == LXW_CHART_DOUGHNUT || plan.series.size() > 1;
  chart_legend_set_position(chart, legend ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
  if (type == LXW_CHART_DOUGHNUT) {
    chart_set_hole_size(chart, 50);
  } else {
    // libxlsxwriter names a bar chart's axes by direction: x is the horizontal value axis there.
    lxw_chart_axis* value_axis = type == LXW_CHART_BAR ? chart->x_axis : chart->y_axis;
    chart_axis_set_num_format(value_axis, label_format.c_str());
    chart_axis_set_min(value_axis, 0);
  }
  Check(chartsheet_set_chart(sheet, chart), "placing a chart on its sheet");
  chartsheet_set_landscape(sheet);
  chartsheet_set_paper(sheet, 9);  // A4
  return extras;
}

}  // namespace barometer::appendix
