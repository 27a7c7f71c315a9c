#include "text/line_shaper.h"

#include <doctest/doctest.h>
#include <pango/pango.h>

#include <functional>
#include <sstream>
#include <string>

#include "text/fonts.h"

using namespace barometer;

namespace {

text::FontSet& Fonts() {
  static text::FontSet fonts(BAROMETER_SOURCE_DIR "/fonts", "da-DK");
  return fonts;
}

PangoFontDescription* Font(const char* description) { return pango_font_description_from_string(description); }

// Everything of a shaped line the paragraph code reads: per run its item, font, rise, colour attributes and every
// glyph with its cluster; then the break opportunities.
std::string Describe(const std::vector<PangoGlyphItem*>& runs, const PangoLogAttr* attrs, int attr_count) {
  std::ostringstream out;
  for (const PangoGlyphItem* run : runs) {
    PangoFontDescription* font = pango_font_describe(run->item->analysis.font);
    char* name = pango_font_description_to_string(font);
    out << "run " << run->item->offset << "+" << run->item->length << " chars " << run->item->num_chars << " '" << name
        << "' level " << int(run->item->analysis.level) << " script " << int(run->item->analysis.script) << " lang "
        << pango_language_to_string(run->item->analysis.language) << " y " << run->y_offset << "\n";
    g_free(name);
    pango_font_description_free(font);
    for (GSList* node = run->item->analysis.extra_attrs; node; node = node->next) {
      auto* attr = static_cast<PangoAttribute*>(node->data);
      out << "  attr " << attr->klass->type << " " << attr->start_index << "-" << attr->end_index << "\n";
    }
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      const PangoGlyphInfo& info = run->glyphs->glyphs[g];
      out << "  " << info.glyph << " " << info.geometry.width << " " << info.geometry.x_offset << " "
          << info.geometry.y_offset << " c" << run->glyphs->log_clusters[g] << " s" << info.attr.is_cluster_start
          << "\n";
    }
  }
  for (int i = 0; i < attr_count; ++i) {
    out << attrs[i].is_line_break << attrs[i].is_mandatory_break << attrs[i].is_char_break << attrs[i].is_white
        << attrs[i].is_cursor_position << attrs[i].is_word_start << attrs[i].is_word_end
        << attrs[i].break_inserts_hyphen << attrs[i].break_removes_preceding << " ";
  }
  return out.str();
}

// The same paragraph as PangoLayout shapes it without a width.
std::string ThroughLayout(const std::string& text, PangoAttrList* attrs, const PangoFontDescription* font) {
  PangoLayout* layout = pango_layout_new(Fonts().context());
  pango_layout_set_font_description(layout, font);
  pango_layout_set_width(layout, -1);
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout, attrs);
  std::vector<PangoGlyphItem*> runs;
  for (GSList* line = pango_layout_get_lines_readonly(layout); line; line = line->next) {
    for (GSList* node = static_cast<PangoLayoutLine*>(line->data)->runs; node; node = node->next) {
      runs.push_back(static_cast<PangoGlyphItem*>(node->data));
    }
  }
  int count = 0;
  const PangoLogAttr* log_attrs = pango_layout_get_log_attrs_readonly(layout, &count);
  std::string described = Describe(runs, log_attrs, count);
  g_object_unref(layout);
  return described;
}

std::string Through(text::LineShaper& shaper, const std::string& text, PangoAttrList* attrs,
                    const PangoFontDescription* font) {
  auto line = shaper.Shape(text, attrs, font);
  REQUIRE(line);
  return Describe(line->runs, line->log_attrs, line->log_attr_count);
}

void Insert(PangoAttrList* list, PangoAttribute* attr, size_t start, size_t end) {
  attr->start_index = static_cast<guint>(start);
  attr->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attr);
}

}  // namespace

TEST_CASE("line shaper: body text comes out as PangoLayout shapes it, word by word or not") {
  text::LineShaper shaper(Fonts().context());
  PangoAttrList* none = pango_attr_list_new();
  const std::string danish =
      "Når teknologi spiller en rolle, er innovationen oftere nyttig: 84\u00A0% af de offentlige arbejds\u00ADpladser "
      "svarer, at de har indført mindst én ny løsning, og at løsningen har skabt værdi for borgerne. Økonomi, "
      "kvalitet og trivsel går hånd i hånd; de offentlige arbejdspladser deler deres erfaringer.";
  for (const char* description : {"Noto Serif 9.4", "Noto Serif Italic 13.5", "Inter Bold 25", "Inter 7.6"}) {
    PangoFontDescription* font = Font(description);
    INFO(description);
    CHECK(Through(shaper, danish, none, font) == ThroughLayout(danish, none, font));
    // Again, every word from the cache now.
    CHECK(Through(shaper, danish, none, font) == ThroughLayout(danish, none, font));
    pango_font_description_free(font);
  }
  // Inter raises dashes and brackets next to capitals, looking across the spaces, so its words are not shaped
  // apart: a dash shaped among capitals would be wrong among small letters.
  for (const char* description : {"Inter Bold 25", "Inter 7.6"}) {
    PangoFontDescription* font = Font(description);
    for (const std::string& text : {std::string("KAPITEL 3 \u2013 RESULTATER (BILAG) - OECD : EU"),
                                    std::string("kapitel 3 \u2013 resultater (bilag) - oecd : eu")}) {
      CHECK(Through(shaper, text, none, font) == ThroughLayout(text, none, font));
    }
    pango_font_description_free(font);
  }
  // Words seen in the paragraph above, now in other company; a URL with break points; ligatures.
  const std::string mixed =
      "værdi for offentlige https://www.\u200Bexample.\u200Bdk/\u200Bbarometer office "
      "affluent fjord \u201Cquoted\u201D (parenthesised) 2021\u20132022, -5,5 og 10.";
  PangoFontDescription* body = Font("Noto Serif 9.4");
  CHECK(Through(shaper, mixed, none, body) == ThroughLayout(mixed, none, body));
  pango_font_description_free(body);
  pango_attr_list_unref(none);
}

TEST_CASE("line shaper: emphasis, links, footnote marks and phrases in another language split runs as Pango does") {
  text::LineShaper shaper(Fonts().context());
  const std::string text =
      "Se figur 3 og rapporten om innovation2 samt det engelske udtryk \u201Cpublic value\u201D her.";
  PangoAttrList* attrs = pango_attr_list_new();
  const size_t figure = text.find("figur 3"), report = text.find("rapporten"), mark = text.find("2 samt");
  const size_t phrase = text.find("public value");
  Insert(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), figure, figure + 7);
  Insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), report, report + 9);
  Insert(attrs, pango_attr_foreground_new(0, 20000, 40000), report, report + 9);
  Insert(attrs, pango_attr_rise_new(3 * PANGO_SCALE), mark, mark + 1);
  Insert(attrs, pango_attr_size_new(6 * PANGO_SCALE), mark, mark + 1);
  Insert(attrs, pango_attr_language_new(pango_language_from_string("en")), phrase, phrase + 12);
  PangoFontDescription* font = Font("Noto Serif 9.4");
  const std::string expected = ThroughLayout(text, attrs, font);
  CHECK(Through(shaper, text, attrs, font) == expected);
  CHECK(expected.find(" y 3072\n") != std::string::npos);  // the mark is raised
  CHECK(expected.find("lang en") != std::string::npos);
  pango_font_description_free(font);
  pango_attr_list_unref(attrs);
}

TEST_CASE("line shaper: hard line breaks, tabs and letter spacing are left to PangoLayout") {
  text::LineShaper shaper(Fonts().context());
  PangoFontDescription* font = Font("Inter 8.5");
  PangoAttrList* none = pango_attr_list_new();
  CHECK_FALSE(shaper.Shape("first line\nsecond line", none, font));
  CHECK_FALSE(shaper.Shape("label\tvalue", none, font));
  CHECK_FALSE(shaper.Shape("", none, font));
  PangoAttrList* spaced = pango_attr_list_new();
  pango_attr_list_insert(spaced, pango_attr_letter_spacing_new(PANGO_SCALE));
  CHECK_FALSE(shaper.Shape("KICKER TEXT", spaced, font));
  CHECK(shaper.Shape("plain text", none, font));
  pango_attr_list_unref(spaced);
  pango_attr_list_unref(none);
  pango_font_description_free(font);
}
