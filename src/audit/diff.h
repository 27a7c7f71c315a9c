// What changed between two builds: values (figure exports and workbook cells), figure drawings, PDF pages
// (pixels and words), the build record, and files added or removed. Pure comparison of two sets of output files;
// reading them from a folder or building them in memory is outputs.h's job.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/images.h"
#include "audit/outputs.h"

namespace barometer::audit {

/// A value a figure draws that changed, appeared (no old value) or disappeared (no new value).
struct ValueChange {
  std::string language, figure;  ///< figure: its id from the build record, else the export's name
  int number = 0;
  std::string category, series, category_label, series_label;
  std::optional<double> old_value, new_value;
  std::optional<int> old_n, new_n;
  std::string table;  ///< the table it comes from, and its line there (0 when unknown)
  int line = 0;
};

struct CellChange {
  std::string workbook, sheet, cell;
  std::optional<std::string> old_value, new_value;
};

struct FigureChange {
  std::string language, figure, png;  ///< png: the export's path in the output folder
  int number = 0;
  PixelChange pixels;
};

struct PageChange {
  std::string pdf;
  int page = 0;            ///< 1-based
  bool added = false, removed = false;
  PixelChange pixels;      ///< at the rendering resolution
  std::vector<std::string> text;  ///< changed passages, "… [-old-]{+new+} …"
  std::string old_thumbnail, new_thumbnail;  ///< PNG, when asked for
};

/// A difference in what the builds were made from or with (build-info.json): an input file, a library version,
/// the compiler, the languages.
struct RecordChange {
  std::string what;  ///< "input content/2021/tables/x.csv", "library cairo", "compiler version"
  std::optional<std::string> old_value, new_value;
};

struct FileChange {
  std::string path;
  enum Kind { kAdded, kRemoved, kChanged } kind = kChanged;  ///< kChanged: bytes differ, nothing finer found
};

struct DiffReport {
  std::string old_name, new_name;
  std::vector<ValueChange> values;
  std::vector<CellChange> cells;
  std::vector<FigureChange> figures;
  std::vector<PageChange> pages;
  std::vector<RecordChange> record;
  std::vector<FileChange> files;
  /// For the HTML report: the PNG exports of the changed figures, by path, old and new.
  std::map<std::string, std::string> old_images, new_images;
  double page_dpi = 0;

  size_t Total() const {
    return values.size() + cells.size() + figures.size() + pages.size() + record.size() + files.size();
  }
};

struct DiffOptions {
  double page_dpi = 50;     ///< pages are rendered at this resolution to find changed pixels
  bool thumbnails = false;  ///< keep page thumbnails and figure images (for the HTML report)
};

/// The differences of two build records (build-info.json texts). Throws std::runtime_error naming the file when
/// one is not JSON.
std::vector<RecordChange> CompareBuildRecords(const std::string& old_json, const std::string& old_name,
                                              const std::string& new_json, const std::string& new_name);

/// Compares two builds. Throws std::runtime_error naming the file when an output cannot be read (a truncated
/// PNG or PDF, a workbook that is not a zip, a malformed build record).
DiffReport Compare(const OutputSet& old_outputs, const OutputSet& new_outputs, const DiffOptions& options);

}  // namespace barometer::audit
