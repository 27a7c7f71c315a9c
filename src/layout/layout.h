// Layout: one language's edition -> pages of placed items.
//
// Phases (as Typst's flow layout): collect blocks into flow items (lines of shaped paragraphs, unbreakable boxes,
// sticky headings, footnote references), distribute them into the columns of master pages, compose each page
// with its footnotes and running footer. Page references (@{id}) and the contents settle in a loop with a cap.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "base/diagnostics.h"
#include "base/number_style.h"
#include "figures/chart.h"
#include "layout/document.h"
#include "model/edition.h"
#include "text/paragraph.h"

namespace barometer::layout {

/// Shaped paragraphs by their content, style and width, kept across layout passes (and across builds when the
/// caller keeps it, as `watch` does): only paragraphs whose text or page references changed are shaped again.
/// Diagnostics found while shaping are replayed on every hit, at the place of the paragraph asking. An entry holds
/// only for the template and the text tools (fonts, hyphenation) it was shaped with: whoever keeps a cache across
/// builds drops it when either changes.
struct ShapeCache {
  struct Entry {
    std::shared_ptr<const text::ShapedParagraph> paragraph;
    std::vector<base::Diagnostic> diagnostics;
    base::SourceLoc loc;  ///< where it was shaped, and so where its diagnostics point
    bool used = false;    ///< asked for since the last DropUnused
  };
  using Map = std::map<std::string, Entry>;
  Map entries;
  /// Lets go of the paragraphs no layout asked for since the last call (earlier versions of edited text).
  void DropUnused();
};

struct LayoutInput {
  const model::Edition* edition = nullptr;
  const model::LanguageEdition* language = nullptr;
  /// Charts by figure id, drawn at the width their spec asks for (column or page).
  std::map<std::string, std::shared_ptr<const figures::Chart>> charts;
  text::Shaper* shaper = nullptr;
  std::string creator;  ///< written into the PDF's Creator field
  /// A draft's untranslated units ("section/block"): their paragraphs get a mark in the margin.
  std::set<std::string> untranslated;
  /// Kept across builds by the caller (see ShapeCache); null: a cache of this layout's own.
  ShapeCache* shapes = nullptr;
};

/// An edition longer than this is an error (README "What the build reads, and its limits"): the 2021 edition has
/// 20 pages a language.
inline constexpr int kMaxPages = 1000;

/// Lays out the whole edition of one language. Problems (a box taller than a page, a reference to a page of an
/// unknown id) are diagnostics; the document is then still complete enough to inspect.
Document LayoutEdition(const LayoutInput& input, base::Diagnostics& diags);

/// A text dump of everything placed: per page its items in order with positions and structure tags, every line
/// of text with its glyph runs (font, colour, bytes, glyph count, width), every chart's shapes and labels. Layout
/// tests compare it with recorded ".expected" files.
std::string DumpDocument(const Document& document);

}  // namespace barometer::layout
