// What libxlsxwriter cannot say, written into the finished .xlsx package: the language of the charts' text runs
// (it tags every run en-US), the alternative text of charts on chart sheets (it writes none there), and the
// cached cells of chart references that list cells one by one (it caches only plain ranges).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace barometer::appendix {

/// The cells a chart reference points to, as a reader without a calculation engine needs them: texts (category
/// labels) or numbers (values; NaN for a cell without a number).
struct CachedCells {
  bool text = false;
  std::vector<std::string> texts;
  std::vector<double> numbers;
};

/// What the package needs to know about the chart on one chart sheet.
struct ChartSheetExtras {
  std::string alt;                            ///< the chart's alternative text
  std::map<std::string, CachedCells> caches;  ///< reference as written in the chart (without '=') -> its cells
};

/// Returns `xlsx` with every `lang="en-US"` in xl/charts/*.xml replaced by `locale`, and for the chart on the i-th
/// chart sheet (in the order the sheets were added) `charts[i].alt` as its description and a cache for each of
/// its references named in `charts[i].caches` that has none. Entries it does not change are copied byte for byte;
/// changed ones get the same fixed date as libxlsxwriter's, so the bytes depend only on the inputs.
/// Throws std::runtime_error when the package cannot be read or written.
std::string FinishPackage(const std::string& xlsx, const std::string& locale,
                          const std::vector<ChartSheetExtras>& charts);

}  // namespace barometer::appendix
