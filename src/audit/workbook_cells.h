// Reads the cells of an .xlsx workbook back (libzip for the package, libxml2 for its parts), so two appendices
// can be compared cell by cell.
#pragma once

#include <string>
#include <vector>

namespace barometer::audit {

struct Cell {
  std::string ref;    ///< "B7"
  int row = 0, column = 0;  ///< 1-based, for ordering
  std::string value;  ///< the shown value: a shared or inline string's text, or a number as written
};

struct Sheet {
  std::string name;
  std::vector<Cell> cells;  ///< row by row, left to right
};

/// The workbook's sheets in workbook order. Throws std::runtime_error naming `name` when the bytes are not a zip,
/// or a part the workbook needs is missing or not XML.
std::vector<Sheet> ReadWorkbookCells(const std::string& bytes, const std::string& name);

}  // namespace barometer::audit
