// The accessibility check of a finished PDF: the machine-checkable conditions of PDF/UA-1 (ISO 14289-1) as the
// Matterhorn Protocol lists them. No free PDF/UA validator is packaged for Debian, so this one reads the PDF back
// with libqpdf: every page's content stream, the structure tree, the annotations and the metadata.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace barometer::audit {

/// What the check found. `problems` is empty for a PDF that passes; the counts say how much was looked at.
struct AccessibilityReport {
  std::vector<std::string> problems;  ///< one line each, e.g. "page 3: text (Tj) outside tagged content and /Artifact"
  int pages = 0;
  int elements = 0;            ///< structure elements in the tree
  int painting_operators = 0;  ///< text, path and image operators in the pages' content streams
  int tagged_operators = 0;    ///< of those, inside marked content that the structure tree owns
  int artifact_operators = 0;  ///< of those, inside /Artifact
  std::map<std::string, int> roles;  ///< structure elements by standard role ("P" -> 412)
};

/// Checks the PDF bytes. A file qpdf cannot read at all is one problem, not an exception.
///  - content: every text, path and image operator is inside marked content with an MCID the structure tree
///    owns (for that page), or inside /Artifact, never both; every MCID in the tree exists on its page; per page,
///    the elements begin in the order they are drawn, and each element's marked content is in drawing order (the
///    part of an element after a break or a box is read with the element: structure order = reading order);
///  - document: /MarkInfo /Marked true (not /Suspects), /Lang, /ViewerPreferences /DisplayDocTitle true, an Info
///    /Title, an XMP /Metadata stream with pdfuaid:part 1 and a dc:title equal to the Info title, fonts embedded;
///  - structure: /Alt on every Figure; headings start at H1 and never skip a level; TH with /Scope; Table, TR,
///    TH/TD, L, LI, Lbl/LBody, TOC/TOCI nested as ISO 32000 says; Note with a unique /ID; every Link element
///    holding the OBJR of a link annotation; /Lang (catalog and elements) a well-formed BCP 47 tag; a Caption the
///    first or last child of the Table, L, TOC, Figure or Formula it captions, or of a Div, Sect, Part or Art
///    grouping one with it, one per element;
///  - annotations: each link annotation has /Contents and a /StructParent and is owned by a Link element; a page
///    with annotations has /Tabs /S.
AccessibilityReport CheckAccessibility(const std::string& pdf_bytes);

/// `check-pdf PDF...`: prints each file's problems (and a one-line summary); 0 when all pass, 1 otherwise, 3 when
/// a file cannot be read.
int RunCheckPdf(const std::vector<std::string>& paths);

}  // namespace barometer::audit
