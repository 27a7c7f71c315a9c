// Render: writes a laid-out document as a tagged PDF (PDF/UA-1) of its own: pages drawn from the glyph runs,
// fills, rules and charts, the fonts embedded as subsets, and the structure tree, links, destinations, outline,
// page labels and metadata written with them. Cairo is not involved: its PDF surface could write neither
// /Artifact nor /Lang, /Alt and the other entries PDF/UA needs, and a second pass to add them cost more than
// drawing.
#pragma once

#include <string>

#include "layout/document.h"

namespace barometer::render {

/// The whole PDF: every page with its content marked for the structure tree (decorations as /Artifact), one
/// structure element per (tag, id) of the items' tag paths (a paragraph continued on another page, or around a
/// phrase in another language, stays one element), /Lang of the document and of phrases, /Alt on each Figure
/// element (in the tree's order), /ID on notes, /Scope on table headers, link annotations with /Contents, the
/// outline, page labels, an XMP packet (pdfuaid:part 1) and a content-derived /ID. The same document gives the
/// same bytes. Throws std::runtime_error when the layout's figure alt texts do not match its Figure elements.
std::string RenderPdf(const layout::Document& document);

}  // namespace barometer::render
