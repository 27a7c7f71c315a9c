// The fonts of a PDF and a page's content: one font per face, widths as the font gives them, one text per glyph,
// subsets that hold only the glyphs drawn, and the operators a page's glyphs and shapes become.
#include "render/pdf_fonts.h"

#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "render/pdf_content.h"
#include "render/render_fixture.h"

using namespace barometer;

namespace {

// A PDF of one page holding `content`, with the fonts written: for qpdf to read back.
std::string OnePage(render::pdf::Fonts& fonts, render::pdf::Content& content) {
  render::pdf::File file;
  const int catalog = file.Reserve(), info = file.Reserve(), pages = file.Reserve(), page = file.Reserve(),
            stream = file.Reserve(), resources = file.Reserve();
  file.PutStream(stream, "", content.bytes());
  file.Put(page, "<< /Type /Page /Parent " + render::pdf::Ref(pages) + " /MediaBox [0 0 300 300] /Resources " +
                     render::pdf::Ref(resources) + " /Contents " + render::pdf::Ref(stream) + " >>");
  file.Put(resources, "<< /Font << " + fonts.Write(file) + ">> >>");
  file.Put(pages, "<< /Type /Pages /Kids [" + render::pdf::Ref(page) + "] /Count 1 >>");
  file.Put(catalog, "<< /Type /Catalog /Pages " + render::pdf::Ref(pages) + " >>");
  file.Put(info, "<< >>");
  return file.Finish(catalog, info);
}

}  // namespace

TEST_CASE("pdf fonts: one font per face, the font's widths, one text per glyph, a subset of the glyphs drawn") {
  auto p = testing::ShapeBody("Officially, the first fjord.", 400);
  const text::GlyphRun& run = p->line(0).runs.at(0);
  render::pdf::Fonts fonts;
  const int font = fonts.Use(*run.font.face);
  CHECK(fonts.Use(*run.font.face) == font);
  CHECK(fonts.ResourceName(font) == "F1");

  // The font's width of a glyph is the advance shaping gave it, but where kerning moved it (the last line of a
  // paragraph: no justification).
  size_t same = 0;
  for (const text::Glyph& glyph : run.glyphs) {
    const double shaped = glyph.advance / text::kUnitsPerPoint / run.font.size * 1000;
    same += std::abs(fonts.Width(font, glyph.id) - shaped) < 1;
  }
  CHECK(same + 3 >= run.glyphs.size());
  CHECK(same < run.glyphs.size());  // "Of" is kerned
  CHECK(fonts.MapGlyph(font, run.glyphs[0].id, "O"));
  CHECK(fonts.MapGlyph(font, run.glyphs[0].id, "O"));
  CHECK_FALSE(fonts.MapGlyph(font, run.glyphs[0].id, "Q"));  // a glyph has one text; the caller marks the other

  render::pdf::Content content(fonts, 300);
  content.Lines(*p, 0, 1, 10, 10);
  const std::string pdf = OnePage(fonts, content);
  QPDF qpdf;
  qpdf.processMemoryFile("fonts.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle page = qpdf.getRoot().getKey("/Pages").getKey("/Kids").getArrayItem(0);
  QPDFObjectHandle type0 = page.getKey("/Resources").getKey("/Font").getKey("/F1");
  CHECK(type0.getKey("/Subtype").getName() == "/Type0");
  CHECK(type0.getKey("/Encoding").getName() == "/Identity-H");
  const std::string base_font = type0.getKey("/BaseFont").getName();
  CHECK(base_font.size() == std::string("/ABCDEF+NotoSerif-Regular").size());
  CHECK(base_font.substr(7) == "+NotoSerif-Regular");
  QPDFObjectHandle cid_font = type0.getKey("/DescendantFonts").getArrayItem(0);
  // /W lists the glyphs drawn and no others: each drawn glyph's id, in runs of consecutive ids.
  QPDFObjectHandle widths = cid_font.getKey("/W");
  int listed = 0;
  for (int i = 0; i + 1 < widths.getArrayNItems(); i += 2) listed += widths.getArrayItem(i + 1).getArrayNItems();
  std::set<uint32_t> drawn;
  for (const text::GlyphRun& each : p->line(0).runs) {
    for (const text::Glyph& glyph : each.glyphs) drawn.insert(glyph.id);
  }
  CHECK(listed == static_cast<int>(drawn.size()));
  // The embedded program is a subset: far smaller than the font file.
  QPDFObjectHandle program = cid_font.getKey("/FontDescriptor").getKey("/FontFile2");
  REQUIRE(program.isStream());
  std::ifstream file(BAROMETER_SOURCE_DIR "/fonts/NotoSerif-Regular.ttf", std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  REQUIRE(whole.size() > 100000);
  CHECK(program.getStreamData()->getSize() * 10 < whole.size());
  // The glyph that was first given "O" keeps it in the text map.
  const std::shared_ptr<Buffer> map = type0.getKey("/ToUnicode").getStreamData();
  const std::string cmap(reinterpret_cast<const char*>(map->getBuffer()), map->getSize());
  char entry[32];
  std::snprintf(entry, sizeof entry, "<%04X> <004F>", run.glyphs[0].id);
  CHECK(cmap.find(entry) != std::string::npos);
}

TEST_CASE("pdf content: a chart's arcs become quarter-turn curves, its shapes fill and stroke, colours set once") {
  figures::Chart chart;
  figures::Shape circle;
  circle.path = {{figures::PathOp::kArc, 50, 50, 20, 0, 6.283185307179586}, {figures::PathOp::kClose}};
  circle.fill = {1, 0, 0};
  figures::Shape outlined = circle;
  outlined.stroke_width = 2;
  outlined.stroke = {0, 0, 1};
  figures::Shape line;
  line.path = {{figures::PathOp::kMoveTo, 0, 0}, {figures::PathOp::kLineTo, 10, 0}};
  line.filled = false;
  line.stroke_width = 1;
  line.stroke = {0, 0, 1};
  chart.shapes = {circle, outlined, line};
  render::pdf::Fonts fonts;
  render::pdf::Content content(fonts, 300);
  content.Chart(chart, 5, 6);
  const std::string& out = content.bytes();
  CHECK(out.find("q 1 0 0 1 5 6 cm\n") != std::string::npos);
  CHECK(out.find("70 50 m\n") != std::string::npos);  // the arc starts at angle 0
  size_t curves = 0;
  for (size_t at = out.find(" c\n"); at != std::string::npos; at = out.find(" c\n", at + 1)) ++curves;
  CHECK(curves == 8);  // two full circles, four quarters each
  // A quarter circle's control points stand 4/3 tan(pi/8) of the radius from its ends.
  CHECK(out.find("70 61.046 61.046 70 50 70 c\n") != std::string::npos);
  CHECK(out.find("h\nf\n") != std::string::npos);
  CHECK(out.find("h\nB\n") != std::string::npos);
  CHECK(out.find("l\nS\n") != std::string::npos);
  size_t red = 0;
  for (size_t at = out.find("1 0 0 rg"); at != std::string::npos; at = out.find("1 0 0 rg", at + 1)) ++red;
  CHECK(red == 1);
  CHECK(out.rfind("Q\n") == out.size() - 2);
}
