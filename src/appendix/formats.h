// The cell formats of a workbook, made once per workbook.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <string>

namespace barometer::appendix {

/// Throws std::runtime_error with `what` when libxlsxwriter reports an error.
void Check(lxw_error error, const char* what);

struct Formats {
  lxw_format* title = nullptr;    ///< A1 of every sheet
  lxw_format* heading = nullptr;  ///< a heading on the cover sheet
  lxw_format* text = nullptr;     ///< wrapped text: descriptive lines, labels of table rows
  lxw_format* header = nullptr;   ///< table header, label column
  lxw_format* header_value = nullptr;  ///< table header, value columns
  lxw_format* count = nullptr;    ///< unweighted n
  lxw_format* missing = nullptr;  ///< "[x]", right-aligned with the numbers
  lxw_format* link = nullptr;     ///< hyperlinks
  lxw_format* date = nullptr;     ///< the publication date with the parts that are known

  /// The format of shares with `decimals` decimals: 0%, 0.0%, 0.00%.
  lxw_format* Share(int decimals);

  lxw_workbook* workbook = nullptr;
  std::map<int, lxw_format*> shares;
};

/// The workbook's formats; `date_format` is the Excel number format of the publication date ("yyyy", ...).
Formats MakeFormats(lxw_workbook* workbook, const std::string& date_format);

/// The Excel number format of shares with `decimals` decimals.
std::string ShareFormat(int decimals);

}  // namespace barometer::appendix
