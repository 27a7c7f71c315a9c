#include "render/pdf_fonts.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "base/hash.h"

namespace barometer::render::pdf {
namespace {

struct BlobReleaser {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobReleaser>;

std::string_view BlobBytes(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return {data, length};
}

std::string Hex4(uint32_t value) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out(4, '0');
  for (int i = 3; i >= 0; --i, value >>= 4) out[i] = kHex[value & 15];
  return out;
}

std::string ToUnicodeCMap(const std::vector<std::string>& text) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint32_t, const std::string*>> entries;
  for (uint32_t glyph = 0; glyph < text.size(); ++glyph) {
    if (!text[glyph].empty()) entries.emplace_back(glyph, &text[glyph]);
  }
  for (size_t start = 0; start < entries.size(); start += 100) {
    const size_t end = std::min(entries.size(), start + 100);
    out += std::to_string(end - start) + " beginbfchar\n";
    for (size_t k = start; k < end; ++k) {
      out += "<" + Hex4(entries[k].first) + "> <" + Utf16Hex(*entries[k].second) + ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

int16_t ReadInt16(std::string_view table, size_t at) {
  if (at + 2 > table.size()) return 0;
  return static_cast<int16_t>((static_cast<unsigned char>(table[at]) << 8) | static_cast<unsigned char>(table[at + 1]));
}

}  // namespace

Fonts::~Fonts() {
  for (Font& font : fonts_) {
    hb_font_destroy(font.unscaled);
    hb_face_destroy(font.face);
  }
}

int Fonts::Use(const text::FontFace& face) {
  hb_face_t* hb_face = hb_font_get_face(pango_font_get_hb_font(face.pango_font()));
  auto [it, added] = by_face_.try_emplace(hb_face, static_cast<int>(fonts_.size()));
  if (!added) return it->second;
  Font font;
  font.face = hb_face_reference(hb_face);
  font.unscaled = hb_font_create(hb_face);
  font.units_per_em = hb_face_get_upem(hb_face);
  Blob cff(hb_face_reference_table(hb_face, HB_TAG('C', 'F', 'F', ' ')));
  font.cff = hb_blob_get_length(cff.get()) > 0;
  char name[128] = "";
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  for (char c : std::string_view(name)) {
    if (c > 0x20 && c < 0x7F && std::string_view("#()<>[]{}/%").find(c) == std::string_view::npos) {
      font.postscript_name += c;
    }
  }
  if (font.postscript_name.empty()) font.postscript_name = "Font" + std::to_string(fonts_.size() + 1);
  fonts_.push_back(std::move(font));
  return it->second;
}

double Fonts::MeasureWidth(Font& font, uint32_t glyph) {
  if (glyph >= font.widths.size()) font.widths.resize(glyph + 1, kUnused);
  const hb_position_t units = std::max(0, hb_font_get_glyph_h_advance(font.unscaled, glyph));
  font.widths[glyph] = std::round(units * 1000.0 / font.units_per_em * 1000) / 1000;
  return font.widths[glyph];
}

bool Fonts::MapGlyph(int index, uint32_t glyph, std::string_view text) {
  Font& font = fonts_.at(index);
  if (glyph >= font.text.size()) font.text.resize(glyph + 1);
  std::string& mapped = font.text[glyph];
  if (mapped.empty()) mapped = text;
  return mapped == text;
}

std::string Fonts::Write(File& file) {
  std::string resources;
  for (size_t i = 0; i < fonts_.size(); ++i) {
    const int type0 = file.Reserve();
    WriteFont(file, fonts_[i], type0);
    resources += Name(ResourceName(static_cast<int>(i))) + " " + Ref(type0) + " ";
  }
  return resources;
}

void Fonts::WriteFont(File& file, const Font& font, int type0) {
  // Every glyph drawn, and .notdef, keeps its id: the pages name glyphs by their ids in the whole font.
  std::vector<uint32_t> glyphs = {0};
  for (uint32_t glyph = 1; glyph < font.widths.size(); ++glyph) {
    if (font.widths[glyph] != kUnused) glyphs.push_back(glyph);
  }
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw std::runtime_error("HarfBuzz could not start a font subset");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  for (uint32_t glyph : glyphs) hb_set_add(glyph_set, glyph);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING |
                                       (font.cff ? HB_SUBSET_FLAGS_DESUBROUTINIZE : 0));
  // A PDF viewer shapes nothing: the layout tables would only make the file larger.
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G')}) {
    hb_set_add(dropped, tag);
  }
  hb_face_t* subset = hb_subset_or_fail(font.face, input);
  hb_subset_input_destroy(input);
  if (!subset) throw std::runtime_error("HarfBuzz could not subset the font " + font.postscript_name);
  Blob program(hb_face_reference_blob(subset));
  hb_face_destroy(subset);
  const std::string_view bytes = BlobBytes(program.get());

  // The subset's tag: six capitals from the glyphs it holds, the same for the same subset on every run.
  std::string glyph_list = font.postscript_name;
  for (uint32_t glyph : glyphs) glyph_list += " " + std::to_string(glyph);
  const std::string digest = base::Sha256Hex(glyph_list);
  std::string base_font;
  for (int i = 0; i < 6; ++i) base_font += static_cast<char>('A' + (digest[i] % 16 + digest[i + 6] % 10) % 26);
  base_font += "+" + font.postscript_name;

  const double scale = 1000.0 / font.units_per_em;
  auto metric = [&](hb_ot_metrics_tag_t tag) {
    hb_position_t value = 0;
    hb_ot_metrics_get_position(font.unscaled, tag, &value);
    return Number(value * scale, 0);
  };
  Blob head(hb_face_reference_table(font.face, HB_TAG('h', 'e', 'a', 'd')));
  const std::string_view head_bytes = BlobBytes(head.get());
  std::string bbox;
  for (size_t at = 36; at <= 42; at += 2) bbox += Number(ReadInt16(head_bytes, at) * scale, 0) + " ";
  const float italic_angle = hb_style_get_value(font.unscaled, HB_STYLE_TAG_SLANT_ANGLE);
  int flags = 32;  // nonsymbolic: the glyphs are named by a font's own cmap, the text by ToUnicode
  if (italic_angle != 0) flags |= 64;

  const int program_id = file.Reserve();
  file.PutStream(program_id,
                 font.cff ? "/Subtype /OpenType" : "/Length1 " + std::to_string(bytes.size()), bytes, File::kOnce);
  const int descriptor = file.Reserve();
  file.Put(descriptor, "<< /Type /FontDescriptor /FontName " + Name(base_font) + " /Flags " +
                           std::to_string(flags) + " /FontBBox [" + bbox + "] /ItalicAngle " +
                           Number(italic_angle, 1) + " /Ascent " + metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER) +
                           " /Descent " + metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER) + " /CapHeight " +
                           metric(HB_OT_METRICS_TAG_CAP_HEIGHT) + " /StemV 80 " +
                           (font.cff ? "/FontFile3 " : "/FontFile2 ") + Ref(program_id) + " >>");

  // Widths in runs of consecutive glyph ids: "3 [250 333] 17 [500]".
  std::string widths;
  uint32_t previous = 0;
  bool open = false;
  for (uint32_t glyph = 0; glyph < font.widths.size(); ++glyph) {
    const double width = font.widths[glyph];
    if (width == kUnused) continue;
    if (!open || glyph != previous + 1) {
      if (open) widths += "] ";
      widths += std::to_string(glyph) + " [";
      open = true;
    } else {
      widths += ' ';
    }
    widths += Number(width, 3);
    previous = glyph;
  }
  if (open) widths += "]";
  const int cid_font = file.Reserve();
  file.Put(cid_font, std::string("<< /Type /Font /Subtype ") + (font.cff ? "/CIDFontType0" : "/CIDFontType2") +
                         " /BaseFont " + Name(base_font) +
                         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                         " /FontDescriptor " + Ref(descriptor) + " /W [" + widths + "]" +
                         (font.cff ? "" : " /CIDToGIDMap /Identity") + " >>");
  const int to_unicode = file.Reserve();
  file.PutStream(to_unicode, "", ToUnicodeCMap(font.text), File::kOnce);
  file.Put(type0, "<< /Type /Font /Subtype /Type0 /BaseFont " + Name(base_font) +
                      " /Encoding /Identity-H /DescendantFonts [" + Ref(cid_font) + "] /ToUnicode " +
                      Ref(to_unicode) + " >>");
}

}  // namespace barometer::render::pdf
