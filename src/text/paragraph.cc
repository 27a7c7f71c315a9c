#include "text/paragraph.h"

#include <hb.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "base/cache_key.h"
#include "text/font_face.h"
#include "text/line_breaker.h"
#include "text/line_shaper.h"

namespace barometer::text {
namespace {

constexpr double kScale = PANGO_SCALE;
static_assert(kUnitsPerPoint == PANGO_SCALE && kEmptyGlyph == PANGO_GLYPH_EMPTY &&
              kUnknownGlyphFlag == PANGO_GLYPH_UNKNOWN_FLAG);
const std::string kSoftHyphen = "\u00AD";

std::string Uppercase(const std::string& text) {
  gchar* upper = g_utf8_strup(text.c_str(), -1);
  std::string out = upper;
  g_free(upper);
  return out;
}

// Long URLs shown as text get break opportunities after '/' and '.', so they never overflow a column.
std::string BreakableUrl(const std::string& text) {
  if (text.find("://") == std::string::npos && text.rfind("www.", 0) != 0) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if ((text[i] == '/' || text[i] == '.' || text[i] == '-') && i + 1 < text.size() && text[i + 1] != '/') {
      out += "\u200B";
    }
  }
  return out;
}

guint16 Channel(double v) { return static_cast<guint16>(std::lround(std::clamp(v, 0.0, 1.0) * 65535)); }

struct Assembled {
  std::string text;
  PangoAttrList* attrs = nullptr;
  std::vector<std::pair<int, int>> link_ranges;
  std::vector<std::string> link_targets;
  std::vector<std::pair<int, std::string>> footnote_marks;
  std::vector<LanguageRange> language_ranges;
};

Assembled Assemble(const std::vector<TextRun>& runs, const ParagraphInput& input) {
  Assembled out;
  out.attrs = pango_attr_list_new();
  if (input.style.letter_spacing != 0) {
    pango_attr_list_insert(out.attrs,
                           pango_attr_letter_spacing_new(static_cast<int>(input.style.letter_spacing * kScale)));
  }
  for (const TextRun& run : runs) {
    auto start = static_cast<guint>(out.text.size());
    out.text += run.text;
    auto end = static_cast<guint>(out.text.size());
    if (start == end) continue;
    auto add = [&](PangoAttribute* attr) {
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert(out.attrs, attr);
    };
    if (run.emphasis) add(pango_attr_style_new(input.style.italic ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC));
    if (run.strong) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    if (run.superscript) {
      add(pango_attr_rise_new(static_cast<int>(input.style.size * input.superscript_rise * kScale)));
      add(pango_attr_size_new(static_cast<int>(input.style.size * input.superscript_size * kScale)));
    }
    if (!run.link.empty()) {
      const model::Rgb& c = input.link_colour;
      add(pango_attr_foreground_new(Channel(c.r), Channel(c.g), Channel(c.b)));
      out.link_ranges.emplace_back(static_cast<int>(start), static_cast<int>(end));
      out.link_targets.push_back(run.link);
    }
    if (!run.footnote.empty()) out.footnote_marks.emplace_back(static_cast<int>(start), run.footnote);
    if (!run.language.empty()) {
      // Pango starts a new item where the language changes, so no glyph run crosses the phrase's bounds.
      add(pango_attr_language_new(pango_language_from_string(run.language.c_str())));
      std::vector<LanguageRange>& ranges = out.language_ranges;
      if (!ranges.empty() && ranges.back().end == static_cast<int>(start) && ranges.back().tag == run.language) {
        ranges.back().end = static_cast<int>(end);
      } else {
        ranges.push_back({static_cast<int>(start), static_cast<int>(end), run.language});
      }
    }
  }
  return out;
}

// Adds `extra` points to every space glyph of a line before byte `content_end` (negative: takes away), spreading
// the rounding to Pango units so the line ends exactly where it should.
void JustifyLine(std::vector<GlyphRun>& runs, const std::string& text, int content_end, double extra) {
  std::vector<Glyph*> spaces;
  for (GlyphRun& run : runs) {
    for (Glyph& glyph : run.glyphs) {
      int byte = run.offset + glyph.cluster;
      if (byte < content_end && text[byte] == ' ') spaces.push_back(&glyph);
    }
  }
  double total = extra * kScale * static_cast<double>(spaces.size());
  int given = 0;
  for (size_t k = 0; k < spaces.size(); ++k) {
    int target = static_cast<int>(std::lround(total * static_cast<double>(k + 1) / static_cast<double>(spaces.size())));
    spaces[k]->advance += target - given;
    given = target;
  }
}

// The colour a run is drawn in: its own (a link's) where Pango split it off for one, else the paragraph's.
model::Rgb RunColour(const PangoGlyphItem* run, const model::Rgb& paragraph) {
  model::Rgb colour = paragraph;
  for (GSList* node = run->item->analysis.extra_attrs; node; node = node->next) {
    auto* attr = static_cast<PangoAttribute*>(node->data);
    if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
      const PangoColor& c = reinterpret_cast<PangoAttrColor*>(attr)->color;
      colour = {c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0};
    }
  }
  return colour;
}

// The glyphs of `run` whose clusters start in bytes [start, end) of the paragraph, as [first, last) indices.
// Found by bisection (clusters rise along a left-to-right run and fall along a right-to-left one), so cutting a
// long run into many lines costs time in proportion to the lines, not to the run for every line.
std::pair<int, int> GlyphRange(const PangoGlyphItem* run, int start, int end) {
  const int* clusters = run->glyphs->log_clusters;
  const int count = run->glyphs->num_glyphs;
  const int offset = run->item->offset;
  auto first_at_or_after = [&](int byte) {
    return static_cast<int>(std::partition_point(clusters, clusters + count,
                                                 [&](int c) { return offset + c < byte; }) - clusters);
  };
  auto first_before = [&](int byte) {
    return static_cast<int>(std::partition_point(clusters, clusters + count,
                                                 [&](int c) { return offset + c >= byte; }) - clusters);
  };
  if (run->item->analysis.level % 2 == 0) return {first_at_or_after(start), first_at_or_after(end)};
  return {first_before(end), first_before(start)};
}

bool IsSoftHyphenAt(const std::string& text, int byte) {
  return byte >= 0 && text.compare(byte, kSoftHyphen.size(), kSoftHyphen) == 0;
}

// Whether the text before byte `end` is a hyphen written in the text (a compound such as "it-system").
bool EndsInHyphen(const std::string& text, int end) {
  static const std::string kHyphen = "\u2010";
  if (end >= 1 && text[end - 1] == '-') return true;
  return end >= 3 && text.compare(end - 3, 3, kHyphen) == 0;
}

// Where the text of a line from `start` to `end` ends: its trailing spaces and line break left out.
int ContentEnd(const std::string& text, int start, int end) {
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  return end;
}

// The paragraph as Pango shaped it, as one unbroken line (or one per hard line break), measured.
struct UnbrokenLine {
  std::vector<PangoGlyphItem*> runs;  ///< owned by the Prepared paragraph, in logical order
  std::vector<int64_t> x_at;          ///< Pango units from the start, per byte where a cluster starts; else -1
  std::vector<int> spaces_before;     ///< stretchable spaces before each byte

  UnbrokenLine(std::vector<PangoGlyphItem*> shaped, const std::string& text) : runs(std::move(shaped)) {
    const int size = static_cast<int>(text.size());
    x_at.assign(size + 1, -1);
    int64_t pen = 0;  // a long paragraph's width in Pango units passes 2^31
    for (PangoGlyphItem* run : runs) {
      for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
        int byte = run->item->offset + run->glyphs->log_clusters[g];
        if (x_at[byte] < 0) x_at[byte] = pen;
        pen += run->glyphs->glyphs[g].geometry.width;
      }
      x_at[run->item->offset + run->item->length] = pen;
    }
    x_at[0] = 0;
    for (int b = 1; b <= size; ++b) {  // bytes no glyph starts at (a line break) sit where the text before ends
      if (x_at[b] < 0 && (b == size || (text[b] & 0xC0) != 0x80)) x_at[b] = std::max<int64_t>(0, x_at[b - 1]);
    }
    spaces_before.assign(size + 1, 0);
    for (int b = 0; b < size; ++b) spaces_before[b + 1] = spaces_before[b] + (text[b] == ' ');
  }

  PangoFont* FontAt(int byte) const {
    for (PangoGlyphItem* run : runs) {
      if (byte >= run->item->offset && byte < run->item->offset + run->item->length) return run->item->analysis.font;
    }
    return runs.back()->item->analysis.font;
  }

  /// The glyphs from byte `start` to `end`, cut from the runs as plain data; `fonts` names each run's font.
  /// REQUIRES: `start` and `end` lie on cluster boundaries.
  template <typename FontOf>
  std::vector<GlyphRun> Cut(const std::string& text, int start, int end, const model::Rgb& colour,
                            FontOf&& fonts) const {
    std::vector<GlyphRun> pieces;
    for (PangoGlyphItem* run : runs) {
      const int run_start = run->item->offset, run_end = run->item->offset + run->item->length;
      if (run_end <= start || run_start >= end) continue;
      GlyphRun piece;
      piece.font = fonts(run->item->analysis.font);
      piece.colour = RunColour(run, colour);
      piece.rise = run->y_offset;
      piece.right_to_left = run->item->analysis.level % 2 != 0;
      piece.offset = std::max(start, run_start);
      piece.text = text.substr(piece.offset, std::min(end, run_end) - piece.offset);
      const auto [first, last] = GlyphRange(run, start, end);
      piece.glyphs.reserve(last - first);
      for (int g = first; g < last; ++g) {
        const PangoGlyphInfo& info = run->glyphs->glyphs[g];
        piece.glyphs.push_back({info.glyph, info.geometry.width, info.geometry.x_offset, info.geometry.y_offset,
                                run_start + run->glyphs->log_clusters[g] - piece.offset});
      }
      pieces.push_back(std::move(piece));
    }
    return pieces;
  }
};

// Reports characters without a glyph and runs Pango took from another family (it substitutes silently).
void CheckFonts(const std::vector<PangoGlyphItem*>& runs, const ParagraphInput& input, const base::SourceLoc& loc,
                base::Diagnostics& diags) {
  int unknown = 0;
  for (const PangoGlyphItem* run : runs) {
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      unknown += (run->glyphs->glyphs[g].glyph & kUnknownGlyphFlag) != 0;
    }
  }
  if (unknown > 0) {
    diags.Error(loc, std::to_string(unknown) + " character(s) have no glyph in the pinned fonts ('" +
                         input.style.family + "')");
  }
  for (const PangoGlyphItem* run : runs) {
    PangoFontDescription* got = pango_font_describe(run->item->analysis.font);
    std::string family = pango_font_description_get_family(got);
    pango_font_description_free(got);
    if (g_ascii_strcasecmp(family.c_str(), input.style.family.c_str()) != 0) {
      diags.Error(loc, "font family '" + input.style.family + "' is not in fonts/ (Pango substituted '" + family + "')");
      break;
    }
  }
}

// Where lines may end, for the line breaker, and the byte each candidate stands at.
struct Breakable {
  std::vector<BreakCandidate> candidates;
  std::vector<int> bytes;
};

// Pango's break opportunities (after spaces, soft hyphens, dashes, zero-width spaces), measured on the unbroken
// line; a break at a soft hyphen adds the hyphen's width, given in Pango units by `hyphen(font).second`. In a
// justified paragraph each candidate also carries how far the characters at its line's ends may hang out
// (input.margins, optical margins).
template <typename HyphenOf>
Breakable FindBreakCandidates(const PangoLogAttr* attrs, int attr_count, const UnbrokenLine& unbroken,
                              const std::string& text, const ParagraphInput& input, HyphenOf&& hyphen) {
  const bool justify = input.style.align == model::Align::kJustify;
  // How far the character at `byte` may hang out, in points.
  auto hang = [&](const std::map<std::string, double>& shares, int byte) {
    if (!justify || shares.empty() || byte < 0 || byte >= static_cast<int>(text.size())) return 0.0;
    const int next = static_cast<int>(g_utf8_next_char(text.c_str() + byte) - text.c_str());
    auto it = shares.find(text.substr(byte, next - byte));
    if (it == shares.end() || unbroken.x_at[byte] < 0 || unbroken.x_at[next] < 0) return 0.0;
    return it->second * static_cast<double>(unbroken.x_at[next] - unbroken.x_at[byte]) / kScale;
  };
  Breakable out;
  out.candidates.resize(1);
  out.candidates[0].hang_left = hang(input.margins.left, 0);
  out.bytes = {0};
  auto add_candidate = [&](int byte, bool forced) {
    BreakCandidate c;
    c.start_x = static_cast<double>(unbroken.x_at[byte]) / kScale;
    c.start_spaces = unbroken.spaces_before[byte];
    c.forced = forced;
    c.hang_left = hang(input.margins.left, byte);
    const int content_end = ContentEnd(text, 0, byte);
    c.end_x = static_cast<double>(unbroken.x_at[content_end]) / kScale;
    c.end_spaces = unbroken.spaces_before[content_end];
    if (content_end > 0) {
      const int last = static_cast<int>(g_utf8_prev_char(text.c_str() + content_end) - text.c_str());
      c.hang_right = hang(input.margins.right, last);
    }
    const int before = byte - static_cast<int>(kSoftHyphen.size());
    if (!forced && IsSoftHyphenAt(text, before)) {
      if (unbroken.x_at[before] < 0) return;  // inside a ligature: no break there
      c.hyphen = true;
      const double width = hyphen(unbroken.FontAt(before)).second / kScale;
      c.end_x += width;
      auto share = input.margins.right.find("-");
      c.hang_right = justify && share != input.margins.right.end() ? share->second * width : 0;
    } else if (!forced && EndsInHyphen(text, content_end)) {
      c.hyphen = true;  // a compound's own hyphen ends the line: it counts as a hyphenated line
    }
    out.candidates.push_back(c);
    out.bytes.push_back(byte);
  };
  for (int i = 0, byte = 0; i + 1 < attr_count; ++i) {
    if (i > 0 && attrs[i].is_line_break && unbroken.x_at[byte] >= 0) add_candidate(byte, attrs[i].is_mandatory_break);
    byte = static_cast<int>(g_utf8_next_char(text.c_str() + byte) - text.c_str());
  }
  add_candidate(static_cast<int>(text.size()), true);
  return out;
}

// One line as the line breaker chose it: its glyphs cut from the unbroken runs, a hyphen glyph at a soft-hyphen
// break, word spaces widened to justify it, its glyph scale and protrusion, and its offset for centred or
// right-aligned text. `space` is the natural word space in points.
template <typename FontOf, typename HyphenOf>
ShapedParagraph::Line SetLine(const UnbrokenLine& unbroken, const std::string& text, const Breakable& breakable,
                              const LineBreak& line_break, const ParagraphInput& input, double space, FontOf&& font,
                              HyphenOf&& hyphen) {
  const int start = breakable.bytes[line_break.from], end = breakable.bytes[line_break.to];
  const BreakCandidate& at_end = breakable.candidates[line_break.to];
  std::vector<GlyphRun> pieces = unbroken.Cut(text, start, end, input.colour, font);
  const int soft_hyphen = end - static_cast<int>(kSoftHyphen.size());
  if (at_end.hyphen && !at_end.forced && IsSoftHyphenAt(text, soft_hyphen) && !pieces.empty()) {
    GlyphRun& last = pieces.back();
    for (auto glyph = last.glyphs.rbegin(); glyph != last.glyphs.rend(); ++glyph) {
      if (last.offset + glyph->cluster != soft_hyphen) continue;
      std::tie(glyph->id, glyph->advance) = hyphen(unbroken.FontAt(soft_hyphen));
      break;
    }
  }
  const int spaces = at_end.end_spaces - breakable.candidates[line_break.from].start_spaces;
  if (line_break.extra_per_space != 0) {
    JustifyLine(pieces, text, ContentEnd(text, start, end), line_break.extra_per_space);
  }
  ShapedParagraph::Line line;
  line.start = start;
  line.length = end - start;
  line.width = line_break.drawn_width;
  line.ragged = line_break.ragged;
  line.scale = line_break.scale;
  line.protrude_left = line_break.hang_left;
  line.protrude_right = line_break.hang_right;
  line.spaces = spaces;
  line.word_space = (space + line_break.extra_per_space) * line_break.scale;
  line.hyphenated = at_end.hyphen;
  line.x = -line.protrude_left;
  if (input.style.align == model::Align::kCenter) line.x = (input.width - line.width) / 2;
  if (input.style.align == model::Align::kRight) line.x = input.width - line.width;
  line.runs = std::move(pieces);
  return line;
}

// The Pango font description of a style (family, weight, slant, size).
PangoFontDescription* StyleFont(const model::TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_weight(font, static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size(font, static_cast<int>(std::lround(style.size * kScale)));
  return font;
}

// The runs of a paragraph shaped as one line, with Pango's break opportunities: from the LineShaper, or from a
// PangoLayout for what the LineShaper leaves to it.
struct OneLine {
  OneLine(std::unique_ptr<ShapedLine> shaped) : line(std::move(shaped)) {
    runs = line->runs;
    log_attrs = line->log_attrs;
    log_attr_count = line->log_attr_count;
  }
  OneLine(PangoLayout* shaped) : layout(shaped) {
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
      for (GSList* node = static_cast<PangoLayoutLine*>(l->data)->runs; node; node = node->next) {
        runs.push_back(static_cast<PangoGlyphItem*>(node->data));
      }
    }
    log_attrs = pango_layout_get_log_attrs_readonly(layout, &log_attr_count);
  }
  ~OneLine() {
    if (layout) g_object_unref(layout);
  }
  OneLine(const OneLine&) = delete;
  OneLine& operator=(const OneLine&) = delete;

  std::unique_ptr<ShapedLine> line;
  PangoLayout* layout = nullptr;
  std::vector<PangoGlyphItem*> runs;  ///< owned by `line` or `layout`
  const PangoLogAttr* log_attrs = nullptr;
  int log_attr_count = 0;
};

}  // namespace

struct Shaper::Prepared {
  Prepared(std::string shaping_key, Assembled made, std::unique_ptr<OneLine> shaped)
      : key(std::move(shaping_key)), assembled(std::move(made)), one_line(std::move(shaped)),
        unbroken(one_line->runs, assembled.text) {}
  ~Prepared() { pango_attr_list_unref(assembled.attrs); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  std::string key;
  size_t hash = 0;
  Assembled assembled;
  std::unique_ptr<OneLine> one_line;
  UnbrokenLine unbroken;  ///< points into `one_line`
  Breakable breakable;
};

namespace {

// What decides a paragraph's glyphs and break candidates: everything of the input but the width and the rules
// the line breaker applies.
std::string ShapingKey(const ParagraphInput& input) {
  base::CacheKey key;
  const model::TextStyle& style = input.style;
  key.Add(style.family);
  for (double value : {static_cast<double>(style.weight), static_cast<double>(style.italic), style.size,
                       static_cast<double>(style.align), static_cast<double>(style.hyphenate),
                       static_cast<double>(style.uppercase), style.letter_spacing, input.colour.r, input.colour.g,
                       input.colour.b, input.link_colour.r, input.link_colour.g, input.link_colour.b,
                       static_cast<double>(input.hyphenate), input.superscript_rise, input.superscript_size}) {
    key.Add(value);
  }
  for (const auto* side : {&input.margins.left, &input.margins.right}) {
    key.Add(static_cast<double>(side->size()));
    for (const auto& [character, share] : *side) key.Add(character).Add(share);
  }
  key.Add(static_cast<double>(input.runs.size()));
  for (const TextRun& run : input.runs) {
    key.Add(run.text).Add(run.emphasis + 2 * run.strong + 4 * run.superscript).Add(run.link).Add(run.footnote);
    key.Add(run.language);
  }
  return key.Take();
}

// A paragraph is set again with other breaking rules (no hyphen before a column break) while its section is
// placed, after the whole section was shaped: enough are kept for the longest sections.
constexpr size_t kPreparedKept = 96;

}  // namespace

Shaper::Shaper(const FontSet& fonts, const Hyphenator& hyphenator)
    : fonts_(fonts), hyphenator_(hyphenator), line_shaper_(std::make_unique<LineShaper>(fonts.context())) {}

Shaper::~Shaper() {
  for (auto& [font, hyphen] : hyphens_) g_object_unref(font);
}

const Shaper::Prepared& Shaper::Prepare(const ParagraphInput& input) {
  std::string key = ShapingKey(input);
  const size_t hash = std::hash<std::string>{}(key);
  for (auto it = prepared_.begin(); it != prepared_.end(); ++it) {
    if ((*it)->hash != hash || (*it)->key != key) continue;
    std::rotate(it, it + 1, prepared_.end());
    return *prepared_.back();
  }
  Assembled assembled = Assemble(PrepareRuns(input), input);
  PangoFontDescription* style_font = StyleFont(input.style);
  std::unique_ptr<ShapedLine> shaped = line_shaper_->Shape(assembled.text, assembled.attrs, style_font);
  auto one_line = shaped ? std::make_unique<OneLine>(std::move(shaped))
                         : std::make_unique<OneLine>(MakeLayout(assembled.text, assembled.attrs, style_font));
  pango_font_description_free(style_font);
  auto prepared = std::make_unique<Prepared>(std::move(key), std::move(assembled), std::move(one_line));
  prepared->hash = hash;
  auto hyphen = [&](PangoFont* font) { return Hyphen(font); };
  const OneLine& line = *prepared->one_line;
  prepared->breakable = FindBreakCandidates(line.log_attrs, line.log_attr_count, prepared->unbroken,
                                            prepared->assembled.text, input, hyphen);
  if (prepared_.size() == kPreparedKept) prepared_.erase(prepared_.begin());
  prepared_.push_back(std::move(prepared));
  return *prepared_.back();
}

double ShapedParagraph::NaturalWidth() const {
  double widest = 0;
  for (const Line& line : lines_) widest = std::max(widest, line.width);
  return widest;
}

std::string ShapedParagraph::TextOf(int start, int length) const {
  std::string out = text_.substr(start, length);
  for (size_t at; (at = out.find(kSoftHyphen)) != std::string::npos;) out.erase(at, kSoftHyphen.size());
  for (size_t at; (at = out.find("\u200B")) != std::string::npos;) out.erase(at, 3);
  return out;
}

std::string ShapedParagraph::LineText(int i) const { return TextOf(lines_[i].start, lines_[i].length); }

double ShapedParagraph::XAt(int i, int byte) const {
  int64_t x = 0;
  const double scale = lines_[i].scale / kScale;
  for (const GlyphRun& run : lines_[i].runs) {
    for (const Glyph& glyph : run.glyphs) {
      if (run.offset + glyph.cluster >= byte) return static_cast<double>(x) * scale;
      x += glyph.advance;
    }
  }
  return static_cast<double>(x) * scale;
}

std::vector<LinkBox> ShapedParagraph::LinkBoxes(int i) const {
  std::vector<LinkBox> boxes;
  const Line& line = lines_[i];
  int line_end = line.start + line.length;
  for (size_t k = 0; k < link_ranges_.size(); ++k) {
    int s = std::max(link_ranges_[k].first, line.start);
    int e = std::min(link_ranges_[k].second, line_end);
    if (s >= e) continue;
    double x0 = XAt(i, s);
    double x1 = e == line_end ? line.width : XAt(i, e);
    if (x1 < x0) std::swap(x0, x1);
    boxes.push_back({x0, x1, link_targets_[k],
                     TextOf(link_ranges_[k].first, link_ranges_[k].second - link_ranges_[k].first)});
  }
  return boxes;
}

std::vector<std::string> ShapedParagraph::FootnotesOnLine(int i) const {
  std::vector<std::string> ids;
  const Line& line = lines_[i];
  for (const auto& [index, id] : footnote_marks_) {
    if (index >= line.start && index < line.start + line.length) ids.push_back(id);
  }
  return ids;
}

PangoLayout* Shaper::MakeLayout(const std::string& text, PangoAttrList* attrs, const PangoFontDescription* font) {
  PangoLayout* layout = pango_layout_new(fonts_.context());
  pango_layout_set_font_description(layout, font);
  pango_layout_set_width(layout, -1);  // one unbroken line: the line breaker decides, nothing is shaped twice
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout, attrs);
  return layout;
}

const FontRef& Shaper::Font(PangoFont* font) {
  auto it = font_refs_.find(font);
  if (it != font_refs_.end()) return it->second;
  FontRef ref;
  PangoFontDescription* described = pango_font_describe(font);
  char* name = pango_font_description_to_string(described);
  ref.description = name;
  ref.size = pango_font_description_get_size(described) / kScale;
  g_free(name);
  pango_font_description_free(described);
  ref.face = std::make_shared<const FontFace>(font);
  // Pango makes a font's Cairo font on first use; made here, on the shaping thread, the writers that draw the
  // language's PDF and figures on several threads at once only read it.
  pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  return font_refs_.emplace(font, std::move(ref)).first->second;
}

std::pair<uint32_t, int> Shaper::Hyphen(PangoFont* font) {
  auto it = hyphens_.find(font);
  if (it != hyphens_.end()) return it->second;
  // As Pango does at its own breaks: the Unicode hyphen where the font has one, else the hyphen-minus.
  hb_font_t* hb = pango_font_get_hb_font(font);
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(hb, 0x2010, &glyph)) hb_font_get_nominal_glyph(hb, '-', &glyph);
  PangoRectangle logical;
  pango_font_get_glyph_extents(font, glyph, nullptr, &logical);
  g_object_ref(font);
  return hyphens_[font] = {glyph, logical.width};
}

int Shaper::AdvanceWidth(const std::string& text, const model::TextStyle& style) {
  PangoFontDescription* font = StyleFont(style);
  int width = 0;
  if (std::unique_ptr<ShapedLine> line = line_shaper_->Shape(text, nullptr, font)) {
    for (const PangoGlyphItem* run : line->runs) {
      for (int g = 0; g < run->glyphs->num_glyphs; ++g) width += run->glyphs->glyphs[g].geometry.width;
    }
  } else {
    PangoLayout* layout = MakeLayout(text, nullptr, font);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    width = logical.width;
    g_object_unref(layout);
  }
  pango_font_description_free(font);
  return width;
}

double Shaper::SpaceWidth(const model::TextStyle& style) {
  std::string key = style.family + "|" + std::to_string(style.weight) + "|" + std::to_string(style.size);
  auto it = space_widths_.find(key);
  if (it != space_widths_.end()) return it->second;
  // The width of "x x" minus "xx" is the space alone, free of side bearings.
  double width = std::max(0.1, (AdvanceWidth("x x", style) - AdvanceWidth("xx", style)) / kScale);
  space_widths_[key] = width;
  return width;
}

double Shaper::MeasureWidth(const std::string& text, const model::TextStyle& style) {
  return AdvanceWidth(style.uppercase ? Uppercase(text) : text, style) / kScale;
}

std::vector<TextRun> Shaper::PrepareRuns(const ParagraphInput& input) const {
  const bool hyphenate = input.hyphenate && input.style.hyphenate;
  std::vector<TextRun> runs = input.runs;
  for (TextRun& run : runs) {
    if (input.style.uppercase) run.text = Uppercase(run.text);
    if (!run.link.empty()) run.text = BreakableUrl(run.text);
    // A phrase in another language is not broken by this language's patterns.
    if (hyphenate && !run.superscript && run.language.empty()) run.text = hyphenator_.Hyphenate(run.text);
  }
  return runs;
}

std::shared_ptr<const ShapedParagraph> Shaper::Shape(const ParagraphInput& input, const base::SourceLoc& loc,
                                                     base::Diagnostics& diags) {
  auto paragraph = std::make_shared<ShapedParagraph>();
  paragraph->leading_ = input.style.leading;
  paragraph->size_ = input.style.size;
  paragraph->width_ = input.width;
  paragraph->colour_ = input.colour;
  paragraph->natural_space_ = SpaceWidth(input.style);
  paragraph->justified_ = input.style.align == model::Align::kJustify;

  // Pango shapes the paragraph once, as one unbroken line; we choose the breaks and cut its glyph runs into
  // lines. (Pango's own breaking re-shapes the rest of a paragraph at every line, its justification sometimes
  // adds a soft hyphen's width after stretching a line to the full width, and it letter-spaces lines with no
  // space; all three are avoided here.)
  const Prepared& prepared = Prepare(input);
  CheckFonts(prepared.one_line->runs, input, loc, diags);

  const std::string& text = prepared.assembled.text;
  const UnbrokenLine& unbroken = prepared.unbroken;
  auto hyphen = [&](PangoFont* font) { return Hyphen(font); };
  const Breakable& breakable = prepared.breakable;

  BreakOptions options;
  options.width = input.width;
  options.justify = input.style.align == model::Align::kJustify;
  options.space = SpaceWidth(input.style);
  options.max_word_space = input.max_word_space;
  options.min_word_space = input.min_word_space;
  options.max_hyphens_in_row = input.max_hyphens_in_row;
  options.glyph_scaling = input.glyph_scaling;
  options.unhyphenated_lines = input.unhyphenated_lines;
  const int limit = static_cast<int>(input.width * kScale) + 64;
  for (const LineBreak& line_break : BreakLines(breakable.candidates, options)) {
    ShapedParagraph::Line line = SetLine(unbroken, text, breakable, line_break, input, options.space,
                                         [&](PangoFont* font) { return Font(font); }, hyphen);
    if ((line.width - line.protrude_left - line.protrude_right) * kScale > limit) {
      std::string word = text.substr(line.start, line.length);
      for (size_t at; (at = word.find(kSoftHyphen)) != std::string::npos;) word.erase(at, kSoftHyphen.size());
      diags.Error(loc, "text cannot be fitted: '" + word + "' is wider than its " +
                           std::to_string(static_cast<int>(input.width)) + "pt column");
    }
    paragraph->lines_.push_back(std::move(line));
  }

  const Assembled& assembled = prepared.assembled;
  paragraph->text_ = assembled.text;
  paragraph->link_ranges_ = assembled.link_ranges;
  paragraph->link_targets_ = assembled.link_targets;
  paragraph->footnote_marks_ = assembled.footnote_marks;
  paragraph->language_ranges_ = assembled.language_ranges;
  return paragraph;
}

}  // namespace barometer::text
