// The readers of finished outputs (libqpdf, poppler-glib, libxml2), built as a module of their own
// (barometer-readers.so, from src/audit/readers) and loaded only by the commands that read a PDF or a workbook back:
// linked into the binary, libqpdf and libxml2 and the libraries they bring (gnutls, p11-kit, ICU and a dozen more)
// cost every command, a build included, about 11 ms of start-up (`barometer --help` took 30 ms of CPU, 19 without).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "audit/accessibility.h"
#include "audit/pdf_pages.h"
#include "audit/workbook_cells.h"

namespace barometer::audit {

/// What the module gives: the functions of accessibility.h, pdf_pages.h and workbook_cells.h.
struct ReaderModule {
  /// The compiler version the module was built with, and the size of this table: a module of another version (an
  /// older install beside a newer binary, say) is refused rather than called.
  const char* version;
  size_t size;
  AccessibilityReport (*check_accessibility)(const std::string& pdf_bytes);
  std::vector<PdfPage> (*read_pdf_pages)(const std::string& bytes, const std::string& name, double dpi,
                                         const std::vector<PageRead>& wanted);
  std::vector<PageDigest> (*page_digests)(const std::string& bytes, const std::string& name);
  std::vector<Sheet> (*read_workbook_cells)(const std::string& bytes, const std::string& name);
};

/// The module's file name, and the function it exports that returns its table.
inline constexpr const char* kReaderModuleFile = "barometer-readers.so";
inline constexpr const char* kReaderModuleEntry = "barometer_reader_module";

/// The module, loaded on first use from beside the running binary (a build folder) or from where `make install`
/// put it; the same table for the life of the process. Throws std::runtime_error saying what is missing.
const ReaderModule& Readers();

}  // namespace barometer::audit
