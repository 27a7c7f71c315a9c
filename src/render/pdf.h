// Render: draws a laid-out document into a PDF with Cairo, then completes it with libqpdf: the document
// language (/Lang), figure alt text (/Alt), dates in PDF form and a deterministic /ID, none of which Cairo 1.16
// can write.
#pragma once

#include <string>
#include <vector>

#include "layout/document.h"

namespace barometer::render {

/// The structure element render draws decorations in (Cairo 1.16 accepts only standard structure types, and no
/// /Artifact); the post-pass removes these elements and marks their content as /Artifact.
inline constexpr char kArtifactElement[] = "Private";

/// Draws every page with structure tags, links, destinations and the outline; returns the PDF bytes. When
/// `elements` is given, it receives the structure elements Cairo was asked to open, in order (the tree's order),
/// apart from the Document, links and artifacts: an element opened again for a later part of it (see
/// PostProcessPdf) is listed again with the same step.
/// Throws std::runtime_error when Cairo reports an error (e.g. unbalanced tags).
std::string RenderPdf(const layout::Document& document, std::vector<layout::TagStep>* elements = nullptr);

/// Completes the PDF for PDF/UA-1: joins the parts of an element that Cairo wrote as separate elements (the
/// `elements` RenderPdf listed: a paragraph continued in another column or page, or around a phrase in another
/// language) into the first part, and gives an element its step's /Lang; turns the kArtifactElement elements
/// into /Artifact marked content; adds
/// /Lang, /Alt on each Figure element (in document order), /ID on notes, /Scope on table headers, /Contents on
/// links and /Tabs /S on their pages, an XMP packet (pdfuaid:part 1), D:-prefixed dates, display-title
/// preference and a content-derived /ID. The output depends only on the input bytes. Throws on a malformed PDF.
std::string PostProcessPdf(const std::string& pdf, const layout::Document& document,
                           const std::vector<layout::TagStep>& elements);

}  // namespace barometer::render
