// Native Excel charts, each on a chart sheet of its own, drawn from a table sheet's cells in the publication's
// palette and the figure's order.
#pragma once

#include <xlsxwriter.h>

#include <string>

#include "appendix/package.h"
#include "appendix/plan.h"

namespace barometer::appendix {

/// Adds the chart sheet of `chart`, drawing from `table` whose header row is `header_row` on sheet `data_sheet`.
/// Call it right after adding the data sheet: sheets appear in the order they are added. Returns what the package
/// must add (the alt text and the cells of references libxlsxwriter leaves uncached).
ChartSheetExtras AddChartSheet(lxw_workbook* workbook, const ChartPlan& chart, const TablePlan& table,
                   const std::string& data_sheet, lxw_row_t header_row);

/// "'Figure 8'!$A$12": one cell as an absolute reference.
std::string CellRef(const std::string& sheet, lxw_row_t row, lxw_col_t col);

}  // namespace barometer::appendix
