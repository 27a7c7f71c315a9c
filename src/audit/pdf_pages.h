// A PDF's pages as an auditor compares them: rendered at a modest resolution, and their text (poppler-glib).
#pragma once

#include <string>
#include <vector>

#include "audit/images.h"

namespace barometer::audit {

struct PdfPage {
  Image pixels;
  std::string text;
};

/// Renders every page at `dpi` on white and extracts its text. Throws std::runtime_error naming `name` when the
/// bytes are not a readable PDF (a truncated file, say).
std::vector<PdfPage> ReadPdfPages(const std::string& bytes, const std::string& name, double dpi);

}  // namespace barometer::audit
