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

/// What to read of a page.
enum class PageRead { kNothing, kText, kTextAndPixels };

/// Reads each page as `wanted` says (every page in full when it is empty): its text, and its rendering at `dpi`
/// on white; what is not read stays empty. Throws std::runtime_error naming `name` when the bytes are not a
/// readable PDF (a truncated file, say).
std::vector<PdfPage> ReadPdfPages(const std::string& bytes, const std::string& name, double dpi,
                                  const std::vector<PageRead>& wanted = {});

/// Digests of everything that draws a page, followed from the page through its resources (object numbers and
/// links aside): `drawing` covers the content streams, forms and images and the fonts' dictionaries; `fonts` adds
/// the embedded font programs and their code-to-text maps. A font subset holds the glyphs of the whole document
/// in the order of their first use, so one new digit on page 5 changes the subset, and with it `fonts`, of every
/// page set in that font; such a page whose `drawing` and text are unchanged still draws the same glyphs.
struct PageDigest {
  std::string drawing, fonts;
};
/// Throws like ReadPdfPages.
std::vector<PageDigest> PageDigests(const std::string& bytes, const std::string& name);

}  // namespace barometer::audit
