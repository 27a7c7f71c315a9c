// The PDF writer on a document made by hand: its pages, labels, outline, metadata, what PDF/UA asks for
// (language, alt text, artifacts, link descriptions, XMP, dates), the same bytes on every run, and the text
// behind the glyphs.
#include <doctest/doctest.h>

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/accessibility.h"
#include "render/pdf.h"
#include "render/render_fixture.h"
#include "shell.h"

using namespace barometer;

namespace {

// The /S names of the structure tree under `element`, depth first.
void StructureTypes(QPDFObjectHandle element, std::vector<std::string>& out, int depth = 0) {
  if (depth > 20) return;
  if (element.isArray()) {
    for (int i = 0; i < element.getArrayNItems(); ++i) StructureTypes(element.getArrayItem(i), out, depth + 1);
    return;
  }
  if (!element.isDictionary()) return;
  if (element.hasKey("/S")) out.push_back(element.getKey("/S").getName());
  if (element.hasKey("/K")) StructureTypes(element.getKey("/K"), out, depth + 1);
}

// Runs a poppler or qpdf command on the PDF, written to a file of its own.
testing::Run OnFile(const std::string& pdf, const std::string& command) {
  const std::string path = "/tmp/barometer-render-test-" + std::to_string(getpid()) + ".pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  testing::Run run = testing::Shell(command + " " + path + (command.rfind("pdftotext", 0) == 0 ? " -" : ""));
  std::remove(path.c_str());
  return run;
}

}  // namespace

TEST_CASE("render pdf: pages, labels, outline and metadata of the document, and the same bytes every time") {
  const layout::Document document = testing::SmallDocument();
  const std::string pdf = render::RenderPdf(document);
  CHECK(pdf.rfind("%PDF-1.7", 0) == 0);
  CHECK(render::RenderPdf(document) == pdf);  // the /ID comes from the content, not the clock

  QPDF qpdf;
  qpdf.processMemoryFile("small.pdf", pdf.data(), pdf.size());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
  REQUIRE(pages.size() == 2);
  QPDFObjectHandle box = pages[0].getObjectHandle().getKey("/MediaBox");
  CHECK(box.getArrayItem(2).getNumericValue() == 200);
  CHECK(box.getArrayItem(3).getNumericValue() == 300);

  QPDFObjectHandle info = qpdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/Title").getUTF8Value() == "A small document");
  CHECK(info.getKey("/Author").getUTF8Value() == "The authors");
  // The date of edition.yaml, never the clock.
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20210901000000Z");
  CHECK(info.getKey("/ModDate").getUTF8Value() == "D:20210901000000Z");
  CHECK(qpdf.getTrailer().getKey("/ID").isArray());

  QPDFObjectHandle root = qpdf.getRoot();
  QPDFObjectHandle outline = root.getKey("/Outlines");
  REQUIRE(outline.isDictionary());
  CHECK(outline.getKey("/First").getKey("/Title").getUTF8Value() == "The end");
  CHECK(outline.getKey("/Count").getIntValue() == 1);
  QPDFObjectHandle labels = root.getKey("/PageLabels").getKey("/Nums");
  REQUIRE(labels.isArray());
  CHECK(labels.getArrayItem(3).getKey("/P").getUTF8Value() == "2");

  // The link on the first page leads to the destination on the second, and says where it leads.
  QPDFObjectHandle annotations = pages[0].getObjectHandle().getKey("/Annots");
  REQUIRE(annotations.isArray());
  REQUIRE(annotations.getArrayNItems() == 1);
  QPDFObjectHandle link = annotations.getArrayItem(0);
  CHECK(link.getKey("/Subtype").getName() == "/Link");
  CHECK(link.getKey("/Contents").getUTF8Value() == "to the end");
  CHECK(link.getKey("/Dest").getUTF8Value() == "the-end");
  CHECK(pages[0].getObjectHandle().getKey("/Tabs").getName() == "/S");
  QPDFObjectHandle rect = link.getKey("/Rect");
  CHECK(rect.getArrayItem(1).getNumericValue() == 250);  // 300 - 40 - 10: PDF's y runs up
  QPDFObjectHandle destinations = root.getKey("/Names").getKey("/Dests").getKey("/Names");
  REQUIRE(destinations.getArrayNItems() == 2);
  CHECK(destinations.getArrayItem(0).getUTF8Value() == "the-end");
  CHECK(destinations.getArrayItem(1).getArrayItem(0).getObjGen() == pages[1].getObjectHandle().getObjGen());
  CHECK(destinations.getArrayItem(1).getArrayItem(3).getNumericValue() == 270);

  CHECK(root.getKey("/Lang").getUTF8Value() == "da-DK");
  CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
  CHECK(root.getKey("/PageMode").getName() == "/UseOutlines");
  CHECK(root.getKey("/Metadata").getDict().getKey("/Subtype").getName() == "/XML");
  const std::string qdf = testing::Qdf(pdf);
  CHECK(qdf.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(qdf.find("/Alt (A red square)") != std::string::npos);
  // The decoration is an artifact in the page's content; the rest is marked content of its element.
  CHECK(qdf.find("/Artifact BMC") != std::string::npos);
  CHECK(qdf.find("/P << /MCID 0 >> BDC") != std::string::npos);
  CHECK(qdf.find("/Figure << /MCID 1 >> BDC") != std::string::npos);

  std::vector<std::string> types;
  StructureTypes(root.getKey("/StructTreeRoot").getKey("/K"), types);
  CHECK(types == std::vector<std::string>{"/Document", "/Sect", "/P", "/Link", "/Figure", "/Sect", "/P"});

  audit::AccessibilityReport report = audit::CheckAccessibility(pdf);
  std::string problems;
  for (const std::string& problem : report.problems) problems += problem + "\n";
  INFO(problems);
  CHECK(report.problems.empty());
  CHECK(report.artifact_operators > 0);
  CHECK(report.tagged_operators > 0);
  CHECK(report.tagged_operators + report.artifact_operators == report.painting_operators);
}

TEST_CASE("render pdf: a layout whose alt texts are not its figures' is refused") {
  layout::Document document = testing::SmallDocument();
  document.figure_alts.push_back("A second figure");
  CHECK_THROWS_WITH_AS(render::RenderPdf(document), "the PDF has 1 figure elements but the layout placed 2 figures",
                       std::runtime_error);
}

TEST_CASE("render pdf: the text behind the glyphs, soft hyphens at breaks included, none inside words") {
  auto p = testing::ShapeBody("Internationalisation characterises organisational responsibilities.", 80);
  layout::Document document = testing::SmallDocument();
  document.pages[0].items.push_back(
      {layout::TextLines{p, 0, p->line_count(), 20, 150}, {{"Sect", 1}, {"P", 6}}, ""});
  const std::string pdf = render::RenderPdf(document);
  std::string expected;
  int hyphenated = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    // Soft hyphens inside a line draw nothing and are not extracted; the one at a break is.
    std::string raw = p->text().substr(p->line(i).start, p->line(i).length);
    std::string line = p->LineText(i);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    const bool at_break = raw.size() >= 2 && raw.compare(raw.size() - 2, 2, "\u00AD") == 0;
    hyphenated += at_break;
    expected += line + (at_break ? "\u00AD\n" : "\n");
  }
  REQUIRE(hyphenated > 0);  // the test needs a hyphenated line
  testing::Run text = OnFile(pdf, "pdftotext -enc UTF-8 -f 1 -l 1");
  REQUIRE(text.status == 0);
  CHECK(text.out.find(expected) != std::string::npos);
  // A hint inside a word is not written as text of its own (an empty span whose /ActualText is U+00AD could be
  // copied into the middle of a word): the only such spans are the hyphens at breaks.
  const std::string qdf = testing::Qdf(pdf);
  size_t spans = 0;
  for (size_t at = qdf.find("/ActualText"); at != std::string::npos; at = qdf.find("/ActualText", at + 1)) ++spans;
  CHECK(spans == static_cast<size_t>(hyphenated));

  // Each word stands where shaping put it: poppler's boxes of the first line's words, from the fonts' widths and
  // the moves between glyphs, against the glyph runs' advances.
  testing::Run boxes = OnFile(pdf, "pdftotext -bbox -f 1 -l 1");
  REQUIRE(boxes.status == 0);
  const size_t word = boxes.out.find("<word xMin=\"");
  REQUIRE(word != std::string::npos);
  const double first_word_left = std::stod(boxes.out.substr(word + 12));
  CHECK(first_word_left == doctest::Approx(20 + p->line(0).x).epsilon(0.0002));
  const size_t word_end = boxes.out.find("xMax=\"", word);
  const double first_word_right = std::stod(boxes.out.substr(word_end + 6));
  int64_t units = 0;
  const std::string first_line = p->LineText(0);
  const size_t first_space = first_line.find(' ');
  for (const text::GlyphRun& run : p->line(0).runs) {
    for (const text::Glyph& glyph : run.glyphs) {
      if (first_space != std::string::npos && run.offset + glyph.cluster >= static_cast<int>(first_space)) break;
      units += glyph.advance;
    }
  }
  CHECK(first_word_right ==
        doctest::Approx(20 + p->line(0).x + p->line(0).scale * static_cast<double>(units) / text::kUnitsPerPoint).epsilon(0.0002));
}
