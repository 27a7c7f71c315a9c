// Render: draws a laid-out document into a PDF with Cairo, then completes it with libqpdf: the document
// language (/Lang), figure alt text (/Alt), dates in PDF form and a deterministic /ID, none of which Cairo 1.16
// can write.
#pragma once

#include <string>

#include "layout/document.h"

namespace barometer::render {

/// The structure element render draws decorations in (Cairo 1.16 accepts only standard structure types, and no
/// /Artifact); the post-pass removes these elements and marks their content as /Artifact.
inline constexpr char kArtifactElement[] = "Private";

/// Draws every page with structure tags, links, destinations and the outline; returns the PDF bytes.
/// Throws std::runtime_error when Cairo reports an error (e.g. unbalanced tags).
std::string RenderPdf(const layout::Document& document);

/// Completes the PDF for PDF/UA-1: turns the kArtifactElement elements into /Artifact marked content; adds
/// /Lang, /Alt on each Figure element (in document order), /ID on notes, /Scope on table headers, /Contents on
/// links and /Tabs /S on their pages, an XMP packet (pdfuaid:part 1), D:-prefixed dates, display-title
/// preference and a content-derived /ID. The output depends only on the input bytes. Throws on a malformed PDF.
std::string PostProcessPdf(const std::string& pdf, const layout::Document& document);

}  // namespace barometer::render
