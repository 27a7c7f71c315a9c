#include "base/diagnostic_codes.h"

namespace barometer::base {

const std::vector<DiagnosticKind>& DiagnosticKinds() {
  static const std::vector<DiagnosticKind> kinds = {
      // Reading YAML and CSV files (source/, model/).
      {"cannot-read-file", "cannot read file"},
      {"yaml-syntax", ""},  // yaml-cpp's own message; set by the reader, never matched
      {"duplicate-key", "duplicate key '*'"},
      {"unknown-key", "unknown key '*' in *"},
      {"missing-key", "* is missing required key '*'"},
      {"not-a-map", "* must be a map of keys, not *"},
      {"not-text", "* must be text, not *"},
      {"not-a-number", "'*' must be a number"},
      {"not-a-whole-number", "'*' must be a whole number"},
      {"not-a-boolean", "'*' must be true or false"},
      {"not-a-list", "'*' must be a list"},
      {"not-a-list-of-paragraphs", "'*' must be a list of paragraphs"},
      {"bad-list", "'list' must be a list of items"},
      {"bad-methodology", "'methodology' must be a list of {label, value} facts"},
      {"bad-links", "'links' must be a list of {text, url}"},
      {"bad-contacts", "'contacts' must be a list of {name, role, organisation}"},
      {"bad-tips-items", "'items' must be a list of {title, body}"},
      {"bad-footnotes", "'footnotes' must be a map of id: text"},
      // Inputs: confinement, regular files, limits, encoding (source/, model/, layout/, text/).
      {"not-a-plain-name", "* '*' is not a plain name"},
      {"outside-folder", "file leads outside the * * (to *)"},
      {"not-a-regular-file", "not a regular file (a folder, FIFO or device cannot be an input)"},
      {"file-too-large", "file is too large: *, the limit is *"},
      {"invalid-utf8", "invalid UTF-8 (the file must be saved as UTF-8)"},
      {"nul-byte", "NUL byte in text"},
      {"nul-character", "NUL character in text"},
      {"escape-makes-invalid-utf8", "escape makes invalid UTF-8 (a lone surrogate)"},
      {"nesting-too-deep", "nesting is deeper than * levels*"},
      {"too-many-values", "the file expands to more than * values (aliases count each time they are used)"},
      {"alias-cycle", "an alias refers to the node that contains it"},
      {"text-too-long", "* is too long: *, the limit is *"},
      {"table-too-long", "table has more than * rows"},
      {"too-many-pages", "the edition runs to * pages in language '*'; the limit is *"},
      {"unusable-font", "font file * is not a usable font: *"},
      {"style-family-not-pinned", "style '*' uses font family '*', which no font in the fonts folder has"},
      {"style-face-not-pinned", "style '*' asks for *, which no font in the fonts folder has (it would be faked or substituted)"},
      // edition.yaml and the language folders (model/).
      {"bad-pdf-file-name", "'file' must be a plain file name ending in .pdf"},
      {"bad-labels", "labels must be a map of key: text"},
      {"bad-publication-date", "'publication_date' must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, not '*'"},
      {"section-listed-twice", "section '*' is listed twice"},
      {"bad-languages", "'languages' must be a map of language code: metadata"},
      {"no-publisher", "language '*' has no publisher"},
      {"unknown-language", "language '*' is not in edition.yaml"},
      {"unknown-source-language", "source language '*' is not among the languages"},
      {"missing-section-file", "section '*' has no file * for language '*'"},
      {"stray-file", "file is not a section of edition.yaml and is ignored"},
      {"bad-translation-lock", "translation.lock must be a map of unit: fingerprint"},
      {"missing-table-file", "figure '*' names table '*', but * does not exist"},
      {"template-not-found", "template '*' not found (looked for *)"},
      // Section files (model/).
      {"block-without-kind", "block '*' has no kind; give one of: *"},
      {"block-with-two-kinds", "block '*' has more than one kind ('*' and '*')"},
      {"bad-heading-level", "heading level must be 2 or 3 (level 1 is the section title)"},
      {"section-id-mismatch", "section id '*' does not match its file name '*'"},
      {"bad-blocks", "'blocks' must be a list"},
      {"duplicate-block-id", "duplicate block id '*'"},
      {"bad-case-story", "'story' must be a list of blocks"},
      {"block-not-in-case", "a case's story cannot hold a '*' block"},
      // Inline markup (model/).
      {"unclosed-strong", "'\\*\\*' is never closed"},
      {"unclosed-emphasis", "'\\*' is never closed"},
      {"unclosed-footnote-ref", "footnote reference '[^' is never closed with ']'"},
      {"empty-footnote-ref", "footnote reference has no id"},
      {"unclosed-page-ref", "page reference '@{' is never closed with '}'"},
      {"empty-page-ref", "page reference has no id"},
      {"bare-bracket",
       "'[' starts a link or a phrase but is not followed by '](url)' or ']{lang=code}'; write '\\\\[' for a bracket"},
      {"bad-phrase-language", "'{' after '[text]' must be '{lang=code}', naming the language of the phrase*"},
      {"empty-phrase-language", "'{lang=...}' needs the code of a language profile*"},
      {"phrase-without-text", "a phrase in another language has no text"},
      {"bad-language-tag", "'*' is not a well-formed BCP 47 language tag"},
      {"unknown-phrase-language", "a phrase is marked as language '*', which has no profile (looked for *)"},
      {"unclosed-link-target", "link target '(' is never closed with ')'"},
      {"bad-link-target", "link target must be a URL without spaces"},
      {"link-without-text", "link has no text"},
      // Tables and figure specs (model/).
      {"csv-unbalanced-quotes", "malformed CSV line (unbalanced quotes)"},
      {"csv-bad-header", "header must be exactly 'indicator,series,category,value,n'"},
      {"csv-field-count", "expected 5 fields, found *"},
      {"csv-bad-id", "'*' is not an id (lower-case letters, digits, '-' and '_')"},
      {"csv-not-a-number", "value '*' is not a number (use '.' for decimals)"},
      {"csv-not-a-percentage", "value * is not a percentage between 0 and 100"},
      {"csv-bad-n", "n '*' must be a positive whole number"},
      {"csv-duplicate-row", "duplicate row for indicator '*', series '*', category '*'"},
      {"empty-table", "table is empty"},
      {"bad-figure-specs", "figures.yaml must be a map of figure id: spec"},
      {"bad-figure-texts", "figures.yaml must be a map of figure id: texts"},
      {"figure-number-used-twice", "figure number * is used twice"},
      {"unknown-chart-kind", "unknown chart kind '*'"},
      {"bad-figure-width", "width must be 'column' or 'page'"},
      {"bad-zones", "'zones' must be a map of zone id: list of item ids"},
      {"bad-zone", "zone '*' must be a list of item ids"},
      {"bad-group-base", "base_n of group '*' must be a positive whole number"},
      {"bad-significant-pair", "each significant pair must be a list of two series ids, e.g. [state, municipal]"},
      {"bad-significant-pairs", "'significant_pairs' must be a list of pairs of series ids"},
      {"bad-figure-labels", "'labels' must be a map of id: label"},
      // Templates (model/).
      {"style-not-defined-above", "style '*' is not defined above '*'"},
      {"colour-not-in-palette", "colour '*' is not in the palette"},
      {"bad-align", "align must be left, justify, center or right"},
      {"bad-style-size", "style '*' needs a positive size and a leading of at least 0.8 x its size"},
      {"bad-max-hyphens-in-row", "max_hyphens_in_row must be at least 1"},
      {"bad-max-word-space", "max_word_space must be at least 1 (a normal space)"},
      {"bad-min-word-space", "min_word_space must be more than 0 and at most 1 (a normal space)"},
      {"bad-glyph-scaling", "glyph_scaling must be from 0 (off) to 0.05 (glyphs 95% to 105% wide)"},
      {"bad-optical-margins", "optical_margins: each side must map characters to shares of their width"},
      {"optical-margin-not-a-character", "optical_margins: '*' is not a single character"},
      {"bad-optical-margin-share", "optical_margins: the share of '*' must be a number from 0 to 1 (of the character's width)"},
      {"bad-hyphenation-exception", "'*' is not one word: write letters, with a hyphen at each allowed break"},
      {"bad-exception-hyphen", "'*': a hyphen must stand between two letters"},
      {"hyphenation-exception-twice", "'*' is listed twice (first on line *)"},
      {"missing-hyphenation-exceptions", "hyphenation exceptions file * does not exist"},
      {"bad-colour", "colour must be written #rrggbb"},
      {"palette-missing-colour", "palette is missing colour '*'"},
      {"chart-colour-not-in-palette", "chart colour '*' is not in the palette"},
      {"chart-colour-contrast", "chart colour * has a contrast of * against the page *; chart marks need at least *"},
      {"chart-colours-alike", "chart colours * and * look alike in greyscale: *"},
      {"missing-style", "styles are missing '*'"},
      {"bad-columns", "columns must be 1, 2 or 3"},
      {"master-unknown-style", "master '*' uses style '*', which is not defined"},
      {"master-colour-not-in-palette", "master '*' uses colour '*', not in the palette"},
      {"negative-layout-length", "layout.* must not be negative"},
      {"bad-layout-count", "layout.* must be at least 1"},
      {"missing-master", "masters are missing '*'"},
      // References and translations (check/).
      {"undefined-footnote", "footnote '*' is not defined in this section's footnotes"},
      {"unknown-page-ref", "page reference to '*', which is no section or block id"},
      {"bad-link-scheme", "link target '*' must start with http:// or https://"},
      {"unknown-figure-ref", "figure '*' does not exist in figures.yaml"},
      {"figure-placed-twice", "figure '*' is placed twice"},
      {"unused-footnote", "footnote '*' is never referenced"},
      {"unplaced-figure", "figure '*' is not placed in any section"},
      {"missing-block", "block '*' (*) is missing in language '*'"},
      {"block-kind-differs", "block '*' is a * here but a * in language '*'"},
      {"extra-block", "block '*' is not in the source language '*'"},
      {"block-out-of-order", "block '*' is out of order: language '*' has '*' here"},
      {"missing-footnote", "footnote '*' is missing in language '*'"},
      {"extra-footnote", "footnote '*' is not in the source language '*'"},
      {"master-differs", "section uses master '*' but language '*' uses '*'"},
      {"unknown-master", "master page '*' is not in template '*'"},
      {"section-needs-title", "section '*' has no title, and the contents list it"},
      {"missing-label", "label '*' is missing"},
      {"extra-label", "label '*' is not in the source language '*'"},
      {"missing-translated-label", "label '*' of language '*' is missing"},
      {"untranslated-unit", "'*' of language '*' has no translation record; translate it, then run *"},
      {"stale-translation", "translation of '*' is stale: its '*' text changed since it was translated"},
      {"translated-unit-gone", "'*' is no longer in language '*'"},
      // Figures against their tables (check/, figures/).
      {"zone-item-twice", "figure '*': item '*' is in zone '*' and in zone '*'"},
      {"category-listed-twice", "figure '*': category '*' is listed twice (drawn or excluded)"},
      {"series-listed-twice", "figure '*': series '*' is listed twice"},
      {"highlight-not-drawn", "figure '*': highlighted category '*' is not drawn"},
      {"significant-not-drawn", "figure '*': significant category '*' is not drawn"},
      {"significant-pair-not-drawn", "figure '*': significant pair names '*', which is no series of the figure"},
      {"significant-pair-with-itself", "figure '*': significant pair compares '*' with itself"},
      {"group-base-not-drawn", "figure '*': base_n names group '*', which is no series of the figure"},
      {"group-base-missing", "figure '*': base_n gives no base for series '*'"},
      {"hidden-series-name-with-several-series", "figure '*': show_series_name: false is for a figure of one series, not *"},
      {"unknown-table", "figure '*' names table '*', which does not exist"},
      {"unknown-indicator", "figure '*': table '*' has no indicator '*'"},
      {"unknown-category", "figure '*': category '*' is not in *"},
      {"unknown-series", "figure '*': series '*' is not in *"},
      {"missing-row", "figure '*': table '*' has no row for series '*', category '*'"},
      {"category-not-drawn", "figure '*': category '*' of * is neither drawn nor excluded"},
      {"shares-do-not-add-up", "figure '*': the shares of series '*' add up to *, not 100 (*)"},
      {"missing-figure-texts", "figure '*' is missing (every figure of figures.yaml needs its texts in every language)"},
      {"unknown-figure-texts", "unknown figure '*' (not in figures.yaml)"},
      {"missing-figure-label", "figure '*' has no label for '*'"},
      {"unused-figure-label", "label '*' of figure '*' is not used by the figure"},
      {"figure-without-table", "figure '*' has no table to draw from"},
      {"missing-chart-row", "figure '*': table '*' has no row for indicator '*', series '*', category '*'"},
      {"wrong-series-count", "figure '*': a * chart draws exactly one series, found *"},
      {"promote-hinder-series", "figure '*': a promote-hinder chart needs exactly two series (left, right), found *"},
      {"zones-count", "figure '*': a zones diagram needs exactly three zones (the middle one is the overlap), found *"},
      {"label-does-not-fit", "figure '*': label '*' does not fit in the chart's frame"},
      {"labels-overlap", "figure '*': labels '*' and '*' cannot be placed without overlapping"},
      // Language profiles, translations and numbers bound to tables (model/, check/, driver/).
      {"no-language-profile", "language '*' has no language profile (looked for *)"},
      {"hyphen-min-out-of-range", "*'*' must be between 1 and 9 letters"},
      {"group-equals-decimal", "the group separator must differ from the decimal mark"},
      {"bad-month-names", "'months' must name the 12 months, January first; found *"},
      {"missing-phrase", "phrase '*' is missing"},
      {"profile-map-not-map", "'*' must be a map of key: text"},
      {"stub-profile", "language profile is a stub made by 'barometer new-language'; it still holds another language's settings"},
      {"dictionary-not-installed", "hyphenation dictionary '*' of language '*' is not installed"},
      {"missing-hyphenation-dictionary", "hyphenation dictionary * does not exist"},
      {"possibly-untranslated-label", "label '*' is the same as in language '*' ('*'): possibly untranslated"},
      {"possibly-untranslated-figure-label", "label '*' of figure '*' is the same as in language '*' ('*'): possibly untranslated"},
      {"untranslated-text", "'*' is not translated: it is still the text of language '*'"},
      {"unclosed-number-reference", "number reference '{' is never closed with '}'*"},
      {"empty-number-reference", "number reference has no table reference"},
      {"number-reference-unknown-figure", "number reference '{*}': figure '*' does not exist in figures.yaml"},
      {"bad-number-reference", "number reference '{*}' must be {figure/category}, {figure/category/series} or {figure/n}"},
      {"number-reference-no-table", "number reference '{*}': figure '*' has no table"},
      {"number-reference-unknown-category", "number reference '{*}': table '*' has no category '*' for figure '*'"},
      {"number-reference-ambiguous-series", "number reference '{*}': category '*' has * series; name one as {*/SERIES}"},
      {"number-reference-group-base", "number reference '{*}': figure '*' has a base per group; name one as {*/n/GROUP}"},
      {"number-reference-unknown-series", "number reference '{*}': table '*' has no series '*' for category '*'"},
      {"number-reference-mixed", "number reference '{*}' mixes '+' and '-'; write a sum or a difference"},
      {"number-reference-not-percentages", "number reference '{*}': only percentages can be added or subtracted"},
      {"number-reference-difference-arity", "number reference '{*}': a difference is between two values"},
      {"negative-difference", "number reference '{*}' is negative: the first value is now the smaller, so the sentence around it may say the opposite of the data"},
      {"unbound-number", "number '*' is written by hand, but a table holds *: *"},
      {"no-languages-map", "edition.yaml has no 'languages' map to add to"},
      {"bad-language-code", "'*' is no language code: use lower-case letters, digits and '-', as in 'sv' or 'pt-br'"},
      {"language-exists", "language '*' is already in edition.yaml"},
      {"language-folder-exists", "folder already exists; a new language starts from an empty folder"},
      {"unknown-from-language", "language '*' (--from) is not in edition.yaml"},
      // Fonts and text (text/).
      {"font-manifest-not-found", "font manifest not found"},
      {"bad-font-manifest-line", "expected 'sha256 file package source' on each line"},
      {"font-file-missing", "font file * is missing"},
      {"font-file-changed", "font file * does not match its SHA-256"},
      {"missing-glyphs", "* character(s) have no glyph in the pinned fonts ('*')"},
      {"font-family-not-pinned", "font family '*' is not in fonts/ (Pango substituted '*')"},
      {"word-too-wide", "text cannot be fitted: '*' is wider than its *pt column"},
      // Layout (layout/).
      {"taller-than-page", "* is taller than a page (*pt, the page has *pt)"},
      {"taller-than-column", "* is taller than a column (*pt, the column has *pt)"},
      {"page-references-not-settled",
       "page references and the contents did not settle within layout.passes (*): a printed page number may be wrong"},
      // The Excel appendix (appendix/).
      {"appendix-missing-figure-texts", "figure '*' has no texts in language '*', so the appendix leaves it out"},
      {"appendix-missing-label", "label '*' is missing; the Excel appendix needs it"},
      {"appendix-missing-figure-label", "figure '*' has no label for '*' in language '*'; the Excel appendix needs it"},
      {"appendix-table-not-loaded", "figure '*' names table '*', which is not loaded"},
      // The figure exports (exports/).
      {"export-missing-label", "label '*' is missing; the figure exports need it"},
  };
  return kinds;
}

bool MatchesPattern(std::string_view pattern, std::string_view text) {
  // Glob matching with backtracking to the last '*'; a backslash makes the next character literal.
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
      continue;
    }
    size_t literal = p < pattern.size() && pattern[p] == '\\' ? p + 1 : p;
    if (literal < pattern.size() && pattern[literal] == text[t]) {
      p = literal + 1;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

// How many characters a pattern fixes: all but its wildcards and escapes.
size_t FixedLength(std::string_view pattern) {
  size_t fixed = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      ++fixed;
    } else if (pattern[i] != '*') {
      ++fixed;
    }
  }
  return fixed;
}

}  // namespace

std::string_view DiagnosticCode(const Diagnostic& diagnostic) {
  if (!diagnostic.code.empty()) return diagnostic.code;
  // Several templates can match one message (a variable part may hold anything); the one that fixes the most
  // characters is the kind meant.
  std::string_view best = "unclassified";
  size_t best_fixed = 0;
  for (const DiagnosticKind& kind : DiagnosticKinds()) {
    if (kind.pattern.empty() || !MatchesPattern(kind.pattern, diagnostic.message)) continue;
    size_t fixed = FixedLength(kind.pattern);
    if (fixed > best_fixed) {
      best = kind.code;
      best_fixed = fixed;
    }
  }
  return best;
}

}  // namespace barometer::base
