#include "text/line_shaper.h"

#include <hb-ot.h>
#include <hb.h>
#include <pango/pango.h>

#include <cstring>

namespace barometer::text {
namespace {

// The attributes PangoLayout itemizes by (pango-layout.c, affects_itemization).
gboolean AffectsItemization(PangoAttribute* attr, gpointer) {
  switch (static_cast<int>(attr->klass->type)) {
    case PANGO_ATTR_LANGUAGE:
    case PANGO_ATTR_FAMILY:
    case PANGO_ATTR_STYLE:
    case PANGO_ATTR_WEIGHT:
    case PANGO_ATTR_VARIANT:
    case PANGO_ATTR_STRETCH:
    case PANGO_ATTR_SIZE:
    case PANGO_ATTR_FONT_DESC:
    case PANGO_ATTR_SCALE:
    case PANGO_ATTR_FALLBACK:
    case PANGO_ATTR_ABSOLUTE_SIZE:
    case PANGO_ATTR_GRAVITY:
    case PANGO_ATTR_GRAVITY_HINT:
    case PANGO_ATTR_FONT_SCALE:
    case PANGO_ATTR_LETTER_SPACING:
    case PANGO_ATTR_SHAPE:
    case PANGO_ATTR_RISE:
    case PANGO_ATTR_BASELINE_SHIFT:
    case PANGO_ATTR_LINE_HEIGHT:
    case PANGO_ATTR_ABSOLUTE_LINE_HEIGHT:
    case PANGO_ATTR_TEXT_TRANSFORM: return TRUE;
    default: return FALSE;
  }
}

// The attributes that change breaks or shaping (pango-layout.c, affects_break_or_shape): left to PangoLayout.
gboolean AffectsBreakOrShape(PangoAttribute* attr, gpointer) {
  switch (static_cast<int>(attr->klass->type)) {
    case PANGO_ATTR_ALLOW_BREAKS:
    case PANGO_ATTR_WORD:
    case PANGO_ATTR_SENTENCE:
    case PANGO_ATTR_INSERT_HYPHENS:
    case PANGO_ATTR_FONT_FEATURES:
    case PANGO_ATTR_SHOW: return TRUE;
    default: return FALSE;
  }
}

struct AttrListUnref {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
using AttrList = std::unique_ptr<PangoAttrList, AttrListUnref>;

// An item this shapes as PangoLayout would: left to right, horizontal, and nothing among its own attributes but a
// rise (letter spacing, shape boxes, baseline shifts, font scales and text transforms are left to the layout).
bool Plain(const PangoItem* item) {
  constexpr int kPublicFlags =
      PANGO_ANALYSIS_FLAG_CENTERED_BASELINE | PANGO_ANALYSIS_FLAG_IS_ELLIPSIS | PANGO_ANALYSIS_FLAG_NEED_HYPHEN;
  if (item->analysis.level % 2 != 0 || (item->analysis.flags & kPublicFlags) != 0 || !item->analysis.font) {
    return false;
  }
  for (GSList* node = item->analysis.extra_attrs; node; node = node->next) {
    if (static_cast<PangoAttribute*>(node->data)->klass->type != PANGO_ATTR_RISE) return false;
  }
  return true;
}

int Rise(const PangoItem* item) {
  int rise = 0;
  for (GSList* node = item->analysis.extra_attrs; node; node = node->next) {
    rise += reinterpret_cast<PangoAttrInt*>(node->data)->value;  // Plain(): every one is a rise
  }
  return rise;
}

// The vertical offset of each run, as pango-layout.c's apply_baseline_shift sets it for runs with at most a rise:
// each run's rise, and the difference between its font's baseline for its script and the first run's.
void ApplyRises(const std::vector<PangoGlyphItem*>& runs) {
  int y_offset = 0;
  hb_ot_layout_baseline_tag_t baseline_tag = static_cast<hb_ot_layout_baseline_tag_t>(0);
  hb_position_t baseline = 0;
  for (PangoGlyphItem* run : runs) {
    PangoItem* item = run->item;
    hb_font_t* hb_font = pango_font_get_hb_font(item->analysis.font);
    const auto script =
        static_cast<hb_script_t>(g_unicode_script_to_iso15924(static_cast<GUnicodeScript>(item->analysis.script)));
    hb_language_t language = hb_language_from_string(pango_language_to_string(item->analysis.language), -1);
    hb_tag_t script_tags[HB_OT_MAX_TAGS_PER_SCRIPT];
    hb_tag_t language_tags[HB_OT_MAX_TAGS_PER_LANGUAGE];
    unsigned script_count = HB_OT_MAX_TAGS_PER_SCRIPT, language_count = HB_OT_MAX_TAGS_PER_LANGUAGE;
    hb_ot_tags_from_script_and_language(script, language, &script_count, script_tags, &language_count, language_tags);
    const bool first = baseline_tag == 0;
    if (first) baseline_tag = hb_ot_layout_get_horizontal_baseline_tag_for_script(script);
    hb_position_t run_baseline = 0;
    hb_ot_layout_get_baseline_with_fallback(hb_font, baseline_tag, HB_DIRECTION_LTR, script_tags[script_count - 1],
                                            language_count ? language_tags[language_count - 1] : HB_TAG_NONE,
                                            &run_baseline);
    if (first) baseline = run_baseline;
    const int adjustment = baseline - run_baseline;
    const int rise = Rise(item);
    y_offset += rise + adjustment;
    run->y_offset = y_offset;
    run->start_x_offset = 0;
    run->end_x_offset = 0;
    y_offset += -rise - adjustment;
  }
}

// A short item in a font whose words cannot be shaped apart (a heading, a label, a footer in Inter) is kept whole:
// HarfBuzz applies lookups within the item's own text, whatever stands around it.
constexpr int kWholeItemKept = 160;

int CharCount(const std::string& text, int start, int end) {
  return static_cast<int>(g_utf8_strlen(text.c_str() + start, end - start));
}

// Whether a combining mark starts at byte `at`: at the start of a shaping call it would get a dotted circle, so
// no call (and no cached word) starts with one.
bool MarkAt(const std::string& text, int at) {
  const GUnicodeType type = g_unichar_type(g_utf8_get_char(text.c_str() + at));
  return type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK || type == G_UNICODE_NON_SPACING_MARK;
}

// Where the next word of bytes [start, end) ends: after the spaces that follow it, where a character that is not
// a combining mark starts.
int WordEnd(const std::string& text, int start, int end) {
  int at = start;
  while (at < end) {
    while (at < end && text[at] != ' ') ++at;
    while (at < end && text[at] == ' ') ++at;
    if (at == end || !MarkAt(text, at)) return at;
  }
  return end;
}

bool TableIsEmpty(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  const bool empty = hb_blob_get_length(blob) == 0;
  hb_blob_destroy(blob);
  return empty;
}

}  // namespace

struct LineShaper::Word {
  std::vector<PangoGlyphInfo> glyphs;
  std::vector<int> clusters;  ///< bytes from the word's start
};

ShapedLine::~ShapedLine() {
  for (PangoGlyphItem* run : runs) pango_glyph_item_free(run);
  g_free(log_attrs);
}

LineShaper::LineShaper(PangoContext* context) : context_(context) {}

LineShaper::~LineShaper() {
  for (auto& [face, apart] : apart_) hb_face_destroy(face);
}

bool LineShaper::WordsShapeApart(PangoFont* font) {
  hb_font_t* hb_font = pango_font_get_hb_font(font);
  hb_face_t* face = hb_font_get_face(hb_font);
  auto it = apart_.find(face);
  if (it != apart_.end()) return it->second;
  bool apart = true;
  hb_codepoint_t space = 0;
  if (!hb_font_get_nominal_glyph(hb_font, ' ', &space)) apart = false;
  // Kerning and substitution tables HarfBuzz may apply besides GSUB and GPOS: not examined, so not trusted.
  for (hb_tag_t tag : {HB_TAG('k', 'e', 'r', 'n'), HB_TAG('k', 'e', 'r', 'x'), HB_TAG('m', 'o', 'r', 'x'),
                       HB_TAG('m', 'o', 'r', 't')}) {
    if (apart && !TableIsEmpty(face, tag)) apart = false;
  }
  // Every lookup, not only those of the features HarfBuzz applies by default: a test that errs on the safe side.
  hb_set_t* sets[4] = {hb_set_create(), hb_set_create(), hb_set_create(), hb_set_create()};
  for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    const unsigned lookups = apart ? hb_ot_layout_table_get_lookup_count(face, table) : 0;
    for (unsigned lookup = 0; lookup < lookups && apart; ++lookup) {
      for (hb_set_t* set : sets) hb_set_clear(set);
      hb_ot_layout_lookup_collect_glyphs(face, table, lookup, sets[0], sets[1], sets[2], sets[3]);
      for (hb_set_t* set : sets) apart = apart && !hb_set_has(set, space);
    }
  }
  for (hb_set_t* set : sets) hb_set_destroy(set);
  return apart_[hb_face_reference(face)] = apart;
}

PangoGlyphString* LineShaper::ShapeItem(PangoItem* item, const std::string& text, PangoLogAttr* log_attrs) {
  PangoGlyphString* glyphs = pango_glyph_string_new();
  const auto script = static_cast<PangoScript>(item->analysis.script);
  const bool latin = script == PANGO_SCRIPT_LATIN || script == PANGO_SCRIPT_COMMON;
  const bool apart = latin && WordsShapeApart(item->analysis.font);
  if (!latin || (!apart && item->length > kWholeItemKept) || MarkAt(text, item->offset)) {
    pango_shape_item(item, text.c_str(), static_cast<int>(text.size()), log_attrs, glyphs, PANGO_SHAPE_NONE);
    return glyphs;
  }
  // A word's glyphs depend on its text and the item's analysis (font, script, language), not on the words around
  // it (see the file comment).
  const PangoAnalysis& analysis = item->analysis;
  std::string key;
  const void* font = analysis.font;
  const void* language = analysis.language;
  const int numbers[] = {static_cast<int>(analysis.script), analysis.gravity, analysis.level};
  key.append(reinterpret_cast<const char*>(&font), sizeof font);
  key.append(reinterpret_cast<const char*>(&language), sizeof language);
  key.append(reinterpret_cast<const char*>(numbers), sizeof numbers);
  const size_t prefix = key.size();

  std::vector<int> bounds = {item->offset};  // where each word starts, and the item's end
  const int end = item->offset + item->length;
  while (bounds.back() < end) bounds.push_back(apart ? WordEnd(text, bounds.back(), end) : end);
  const int word_count = static_cast<int>(bounds.size()) - 1;
  std::vector<const Word*> words(word_count, nullptr);
  std::vector<std::string> keys(word_count);
  for (int k = 0; k < word_count; ++k) {
    key.resize(prefix);
    key.append(text, bounds[k], bounds[k + 1] - bounds[k]);
    auto it = words_.find(key);
    if (it != words_.end()) {
      words[k] = it->second.get();
    } else {
      keys[k] = key;
    }
  }
  // Words not seen before are shaped together, one call for each stretch of them, and cut apart by cluster.
  int counted = item->offset, chars_before = 0;  // characters from the item's start to byte `counted`
  for (int k = 0; k < word_count;) {
    if (words[k]) {
      ++k;
      continue;
    }
    int last = k;
    while (last < word_count && !words[last]) ++last;
    chars_before += CharCount(text, counted, bounds[k]);
    PangoItem stretch = *item;
    stretch.analysis.flags = 0;  // a plain PangoItem: not Pango's private flag for a struct with a character offset
    stretch.offset = bounds[k];
    stretch.length = bounds[last] - bounds[k];
    stretch.num_chars = CharCount(text, bounds[k], bounds[last]);
    counted = bounds[last];
    PangoGlyphString* shaped = pango_glyph_string_new();
    pango_shape_item(&stretch, text.c_str(), static_cast<int>(text.size()), log_attrs + chars_before, shaped,
                     PANGO_SHAPE_NONE);
    chars_before += stretch.num_chars;
    int g = 0;
    for (int w = k; w < last; ++w) {
      auto made = std::make_unique<Word>();
      const int from = bounds[w] - bounds[k], to = bounds[w + 1] - bounds[k];
      for (; g < shaped->num_glyphs && shaped->log_clusters[g] < to; ++g) {
        made->glyphs.push_back(shaped->glyphs[g]);
        made->clusters.push_back(shaped->log_clusters[g] - from);
      }
      // The same new word twice in one stretch: the first stays.
      words[w] = words_.try_emplace(std::move(keys[w]), std::move(made)).first->second.get();
    }
    pango_glyph_string_free(shaped);
    k = last;
  }
  for (int k = 0; k < word_count; ++k) {
    const Word& word = *words[k];
    const int before = glyphs->num_glyphs;
    const int count = static_cast<int>(word.glyphs.size());
    pango_glyph_string_set_size(glyphs, before + count);
    std::memcpy(glyphs->glyphs + before, word.glyphs.data(), count * sizeof(PangoGlyphInfo));
    const int shift = bounds[k] - item->offset;
    for (int g = 0; g < count; ++g) glyphs->log_clusters[before + g] = word.clusters[g] + shift;
  }
  return glyphs;
}

std::unique_ptr<ShapedLine> LineShaper::Shape(const std::string& text, PangoAttrList* attrs,
                                              const PangoFontDescription* font) {
  // Several paragraphs (hard breaks) and tab stops are the layout's.
  if (text.empty() || text.find_first_of("\n\r\t") != std::string::npos || text.find("\u2028") != std::string::npos ||
      text.find("\u2029") != std::string::npos) {
    return nullptr;
  }
  // The attributes as pango_layout_check_lines splits them: the font first, those that choose fonts and items,
  // and the rest (colours), applied to the shaped runs.
  AttrList rest(attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new());
  pango_attr_list_insert_before(rest.get(), pango_attr_font_desc_new(font));
  if (AttrList breaking(pango_attr_list_filter(rest.get(), AffectsBreakOrShape, nullptr)); breaking) return nullptr;
  AttrList itemizing(pango_attr_list_filter(rest.get(), AffectsItemization, nullptr));

  const int length = static_cast<int>(text.size());
  // The paragraph's direction as PangoLayout finds it (the call is deprecated for fribidi's, but it is the one the
  // layout makes).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  PangoDirection direction = pango_find_base_dir(text.c_str(), length);
#pragma GCC diagnostic pop
  if (direction == PANGO_DIRECTION_NEUTRAL) direction = pango_context_get_base_dir(context_);
  GList* items = pango_itemize_with_base_dir(context_, direction, text.c_str(), 0, length, itemizing.get(), nullptr);
  bool plain = items != nullptr;
  for (GList* node = items; node && plain; node = node->next) plain = Plain(static_cast<PangoItem*>(node->data));
  if (!plain) {
    g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
    return nullptr;
  }

  auto line = std::make_unique<ShapedLine>();
  const int chars = CharCount(text, 0, length);
  line->log_attrs = g_new0(PangoLogAttr, chars + 1);
  line->log_attr_count = chars + 1;
  PangoLogAttr* log_attrs = line->log_attrs;
  pango_default_break(text.c_str(), length, nullptr, log_attrs, chars + 1);
  int offset = 0;
  for (GList* node = items; node; node = node->next) {
    auto* item = static_cast<PangoItem*>(node->data);
    pango_tailor_break(text.c_str() + item->offset, item->length, &item->analysis, -1, log_attrs + offset,
                       item->num_chars + 1);
    offset += item->num_chars;
  }
  // A paragraph ending where a hyphen would be added: the layout adds it (add_missing_hyphen).
  if (log_attrs[chars].break_inserts_hyphen) {
    g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
    return nullptr;
  }

  std::vector<PangoGlyphItem*> runs;
  offset = 0;
  for (GList* node = items; node; node = node->next) {
    auto* item = static_cast<PangoItem*>(node->data);
    auto* run = g_slice_new0(PangoGlyphItem);
    run->item = item;  // the run owns its item from here
    run->glyphs = ShapeItem(item, text, log_attrs + offset);
    offset += item->num_chars;
    runs.push_back(run);
  }
  g_list_free(items);
  ApplyRises(runs);
  // As apply_attributes_to_runs: each run split where a remaining attribute (a link's colour) starts or ends.
  for (PangoGlyphItem* run : runs) {
    GSList* split = pango_glyph_item_apply_attrs(run, text.c_str(), rest.get());
    for (GSList* node = split; node; node = node->next) line->runs.push_back(static_cast<PangoGlyphItem*>(node->data));
    g_slist_free(split);
  }
  return line;
}

}  // namespace barometer::text
