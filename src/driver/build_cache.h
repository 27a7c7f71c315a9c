// What a long-lived process (`watch`) keeps from one build to the next, so that a rebuild after a small edit
// redoes only what the edit touches. Nothing here may change what a build makes: every kept item is checked,
// bytes for bytes, against the files it was made from before it is used, and the outputs of a build with a cache
// are the outputs of one without, byte for byte.
//
// - Parsed files (sections, figure texts and specs, tables, language profiles, the template) and the font check:
//   `files`, given again while each file they read is unchanged.
// - SHA-256 of inputs (the build record) and outputs (SHA256SUMS): `sums`.
// - Per language, its text tools (fonts, hyphenation patterns, shaper), kept while the fonts and the language's
//   hyphenation settings are unchanged; the shaped paragraphs of its layout, kept while those tools and the
//   template are unchanged; its charts, figure exports and workbook, kept while every input but the section
//   files is unchanged (they read no section: prose edits leave them as they are).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_memo.h"
#include "driver/build.h"
#include "figures/chart.h"
#include "layout/layout.h"
#include "model/edition.h"
#include "text/fonts.h"
#include "text/hyphenator.h"
#include "text/paragraph.h"

namespace barometer::driver {

/// A language's text tools. Made on the main thread, and warmed up there: the first use of each font face goes
/// through process-wide caches in fontconfig, Cairo and FreeType, and two threads doing that at once gave
/// different glyph metrics now and then (and so different line breaks).
struct TextTools {
  /// `hyphenator` may be made on any thread (it shares nothing): the languages' patterns load at once.
  TextTools(const std::string& fonts_dir, const model::LanguageEdition& language,
            std::unique_ptr<text::Hyphenator> hyphenator);
  /// Uses each face of the template's styles once (each face once is enough: the caches are per face, not size).
  void Warm(const model::Template& design);

  text::FontSet fonts;
  std::unique_ptr<text::Hyphenator> hyphenator;
  text::Shaper shaper;
  std::set<std::tuple<std::string, int, bool>> warmed;  ///< family, weight, italic
};

/// The inputs a set of outputs was made from: path as read -> bytes.
using Inputs = std::map<std::string, std::string>;

/// A language's charts, figure exports and workbook, and the diagnostics that came with them, as one build made
/// them.
struct LanguageWriters {
  Inputs inputs;  ///< every input of that build but the section files
  bool strict = false;
  std::map<std::string, std::shared_ptr<const figures::Chart>> charts;
  std::vector<base::Diagnostic> chart_diagnostics;
  /// The writer tasks that need no page (each figure's exports, then the workbook), in task order.
  std::vector<std::vector<Output>> outputs;
  std::vector<std::vector<base::Diagnostic>> diagnostics;
};

/// What is kept of one language.
struct LanguageState {
  std::string tools_key;  ///< what its text tools were made from (fonts folder, locale, hyphenation)
  std::unique_ptr<TextTools> tools;
  std::string template_bytes;  ///< the template the shaped paragraphs were made with
  layout::ShapeCache shapes;
  std::shared_ptr<const LanguageWriters> writers;
};

class BuildCache {
 public:
  BuildCache();
  ~BuildCache();
  BuildCache(const BuildCache&) = delete;
  BuildCache& operator=(const BuildCache&) = delete;

  base::FileMemo files;
  base::Sha256Memo sums;
  /// By language code.
  std::map<std::string, LanguageState> languages;

  /// What the builds with this cache reused and redid, for tests and the benchmark's reading.
  struct Counts {
    int tools_made = 0, tools_reused = 0;
    int writers_made = 0, writers_reused = 0;
    int shapes_dropped = 0;  ///< languages whose shaped paragraphs went with a changed template
  };
  Counts counts;
};

}  // namespace barometer::driver
