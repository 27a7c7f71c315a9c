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

/// Renders the pages `wanted` marks (all when it is empty) at `dpi` on white and extracts their text; the other
/// pages stay empty. Throws std::runtime_error naming `name` when the bytes are not a readable PDF (a truncated
/// file, say).
std::vector<PdfPage> ReadPdfPages(const std::string& bytes, const std::string& name, double dpi,
                                  const std::vector<bool>& wanted = {});

/// One digest per page of everything that draws it: its content streams and, followed through its resources,
/// the forms, images and embedded fonts it uses (object numbers and links aside). Two pages with the same
/// digest look the same, so a diff renders only pages whose digests differ. Throws like ReadPdfPages.
std::vector<std::string> PageDigests(const std::string& bytes, const std::string& name);

}  // namespace barometer::audit
