#include "text/paragraph.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

namespace barometer::text {
namespace {

constexpr double kScale = PANGO_SCALE;
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
      add(pango_attr_rise_new(static_cast<int>(input.style.size * 0.36 * kScale)));
      add(pango_attr_size_new(static_cast<int>(input.style.size * 0.62 * kScale)));
    }
    if (!run.link.empty()) {
      const model::Color& c = input.link_colour;
      add(pango_attr_foreground_new(Channel(c.r), Channel(c.g), Channel(c.b)));
      out.link_ranges.emplace_back(static_cast<int>(start), static_cast<int>(end));
      out.link_targets.push_back(run.link);
    }
    if (!run.footnote.empty()) out.footnote_marks.emplace_back(static_cast<int>(start), run.footnote);
  }
  return out;
}

int CountSpaces(const std::string& text, int start, int length) {
  int end = start + length;
  while (end > start && text[end - 1] == ' ') --end;  // trailing spaces are not stretched
  int count = 0;
  for (int i = start; i < end; ++i) count += text[i] == ' ';
  return count;
}

// Widens every inter-word space of a line by `extra` points, spreading the rounding to Pango units so the line
// ends exactly at the column edge. Spaces at the line's end (where it broke) are left alone.
void JustifyLine(PangoLayoutLine* line, const std::string& text, int line_end, double extra) {
  int trailing = line_end;
  while (trailing > 0 && text[trailing - 1] == ' ') --trailing;
  std::vector<PangoGlyphInfo*> spaces;
  for (GSList* node = line->runs; node; node = node->next) {
    auto* run = static_cast<PangoGlyphItem*>(node->data);
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      int byte = run->item->offset + run->glyphs->log_clusters[g];
      if (byte < trailing && text[byte] == ' ') spaces.push_back(&run->glyphs->glyphs[g]);
    }
  }
  double total = extra * kScale * static_cast<double>(spaces.size());
  int given = 0;
  for (size_t k = 0; k < spaces.size(); ++k) {
    int target = static_cast<int>(std::lround(total * static_cast<double>(k + 1) / static_cast<double>(spaces.size())));
    spaces[k]->geometry.width += target - given;
    given = target;
  }
}

}  // namespace

PangoFontDescription* StyleFont(const model::TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_weight(font, static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size(font, static_cast<int>(std::lround(style.size * kScale)));
  return font;
}

ShapedParagraph::~ShapedParagraph() {
  if (layout_) g_object_unref(layout_);
}

double ShapedParagraph::NaturalWidth() const {
  double widest = 0;
  for (const Line& line : lines_) widest = std::max(widest, line.width);
  return widest;
}

std::string ShapedParagraph::LineText(int i) const {
  std::string out = text_.substr(lines_[i].start, lines_[i].length);
  for (size_t at; (at = out.find(kSoftHyphen)) != std::string::npos;) out.erase(at, kSoftHyphen.size());
  for (size_t at; (at = out.find("\u200B")) != std::string::npos;) out.erase(at, 3);
  return out;
}

std::vector<LinkBox> ShapedParagraph::LinkBoxes(int i) const {
  std::vector<LinkBox> boxes;
  const Line& line = lines_[i];
  PangoLayoutLine* pango_line = pango_layout_get_line_readonly(layout_, i);
  int line_end = line.start + line.length;
  for (size_t k = 0; k < link_ranges_.size(); ++k) {
    int s = std::max(link_ranges_[k].first, line.start);
    int e = std::min(link_ranges_[k].second, line_end);
    if (s >= e) continue;
    int x0 = 0, x1 = 0;
    pango_layout_line_index_to_x(pango_line, s, FALSE, &x0);
    pango_layout_line_index_to_x(pango_line, e, FALSE, &x1);
    if (e == line_end) x1 = static_cast<int>(line.width * kScale);
    if (x1 < x0) std::swap(x0, x1);
    boxes.push_back({x0 / kScale, x1 / kScale, link_targets_[k]});
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

void ShapedParagraph::DrawLine(cairo_t* cr, int i, double x, double baseline) const {
  const Line& line = lines_[i];
  cairo_set_source_rgb(cr, colour_.r, colour_.g, colour_.b);
  cairo_move_to(cr, x + line.x, baseline);
  pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout_, i));
}

PangoLayout* Shaper::MakeLayout(const std::string& text, PangoAttrList* attrs, const ParagraphInput& input) {
  PangoLayout* layout = pango_layout_new(fonts_.context());
  PangoFontDescription* font = StyleFont(input.style);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, static_cast<int>(input.width * kScale));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  switch (input.style.align) {
    case model::Align::kCenter: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER); break;
    case model::Align::kRight: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT); break;
    default: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT); break;
  }
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout, attrs);
  return layout;
}

double Shaper::SpaceWidth(const model::TextStyle& style) {
  std::string key = style.family + "|" + std::to_string(style.weight) + "|" + std::to_string(style.size);
  auto it = space_widths_.find(key);
  if (it != space_widths_.end()) return it->second;
  PangoLayout* layout = pango_layout_new(fonts_.context());
  PangoFontDescription* font = StyleFont(style);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  // The width of "x x" minus "xx" is the space alone, free of side bearings.
  int with_space = 0, without = 0;
  pango_layout_set_text(layout, "x x", -1);
  pango_layout_get_size(layout, &with_space, nullptr);
  pango_layout_set_text(layout, "xx", -1);
  pango_layout_get_size(layout, &without, nullptr);
  g_object_unref(layout);
  double width = std::max(0.1, (with_space - without) / kScale);
  space_widths_[key] = width;
  return width;
}

double Shaper::MeasureWidth(const std::string& text, const model::TextStyle& style) {
  PangoLayout* layout = pango_layout_new(fonts_.context());
  PangoFontDescription* font = StyleFont(style);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  std::string shown = style.uppercase ? Uppercase(text) : text;
  pango_layout_set_text(layout, shown.c_str(), static_cast<int>(shown.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  g_object_unref(layout);
  return logical.width / kScale;
}

std::shared_ptr<const ShapedParagraph> Shaper::Shape(const ParagraphInput& input, const base::SourceLoc& loc,
                                                     base::Diagnostics& diags) {
  auto paragraph = std::make_shared<ShapedParagraph>();
  paragraph->leading_ = input.style.leading;
  paragraph->size_ = input.style.size;
  paragraph->width_ = input.width;
  paragraph->colour_ = input.colour;

  const bool hyphenate = input.hyphenate && input.style.hyphenate;
  const bool justify = input.style.align == model::Align::kJustify;
  std::vector<TextRun> runs = input.runs;
  for (TextRun& run : runs) {
    if (input.style.uppercase) run.text = Uppercase(run.text);
    if (!run.link.empty()) run.text = BreakableUrl(run.text);
    if (hyphenate && !run.superscript) run.text = hyphenator_.Hyphenate(run.text);
  }

  // One unjustified layout: Pango breaks the lines, and we widen the word spaces of each justified line
  // ourselves. (Pango 1.50's own justification sometimes adds a soft hyphen's width after stretching a line to
  // the full width, and letter-spaces lines that have no space; doing it here avoids both and shapes once.)
  Assembled assembled = Assemble(runs, input);
  PangoLayout* layout = MakeLayout(assembled.text, assembled.attrs, input);
  const int limit = static_cast<int>(input.width * kScale) + 64;

  if (int unknown = pango_layout_get_unknown_glyphs_count(layout); unknown > 0) {
    diags.Error(loc, std::to_string(unknown) + " character(s) have no glyph in the pinned fonts ('" +
                         input.style.family + "')");
  }
  // Pango substitutes silently; every run must come from the family the style asks for.
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (!run) continue;
    PangoFontDescription* got = pango_font_describe(run->item->analysis.font);
    std::string family = pango_font_description_get_family(got);
    pango_font_description_free(got);
    if (g_ascii_strcasecmp(family.c_str(), input.style.family.c_str()) != 0) {
      diags.Error(loc, "font family '" + input.style.family + "' is not in fonts/ (Pango substituted '" + family + "')");
      break;
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);

  const double space = justify ? SpaceWidth(input.style) : 0;
  const int line_count = pango_layout_get_line_count(layout);
  iter = pango_layout_get_iter(layout);
  int index = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    PangoLayoutLine* line = pango_layout_iter_get_line(iter);
    ShapedParagraph::Line info;
    info.x = logical.x / kScale;
    info.width = logical.width / kScale;
    info.start = pango_layout_line_get_start_index(line);
    info.length = pango_layout_line_get_length(line);
    if (logical.width > limit) {
      std::string word = assembled.text.substr(info.start, info.length);
      for (size_t at; (at = word.find(kSoftHyphen)) != std::string::npos;) word.erase(at, kSoftHyphen.size());
      diags.Error(loc, "text cannot be fitted: '" + word + "' is wider than its " +
                           std::to_string(static_cast<int>(input.width)) + "pt column");
    }
    if (justify && index < line_count - 1) {
      int spaces = CountSpaces(assembled.text, info.start, info.length);
      double extra = spaces > 0 ? (input.width - info.width) / spaces : 0;
      if (spaces == 0 || space + extra > space * input.max_word_space) {
        info.ragged = true;
      } else if (extra > 0) {
        JustifyLine(line, assembled.text, info.start + info.length, extra);
        info.width = input.width;
      }
    }
    paragraph->lines_.push_back(info);
    ++index;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);

  paragraph->layout_ = layout;
  paragraph->text_ = assembled.text;
  paragraph->link_ranges_ = std::move(assembled.link_ranges);
  paragraph->link_targets_ = std::move(assembled.link_targets);
  paragraph->footnote_marks_ = std::move(assembled.footnote_marks);
  pango_attr_list_unref(assembled.attrs);
  return paragraph;
}

}  // namespace barometer::text
