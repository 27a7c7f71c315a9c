// What libxlsxwriter cannot say, written into the finished .xlsx package: the language of the charts' text runs
// (it tags every run en-US) and the alternative text of charts on chart sheets (it writes none there).
#pragma once

#include <string>
#include <vector>

namespace barometer::appendix {

/// Returns `xlsx` with every `lang="en-US"` in xl/charts/*.xml replaced by `locale`, and `alt_texts[i]` as the
/// description of the chart on the i-th chart sheet (in the order the sheets were added). Entries it does not
/// change are copied byte for byte; changed ones get the same fixed date as libxlsxwriter's, so the bytes depend
/// only on the inputs. Throws std::runtime_error when the package cannot be read or written.
std::string FinishPackage(const std::string& xlsx, const std::string& locale, const std::vector<std::string>& alt_texts);

}  // namespace barometer::appendix
