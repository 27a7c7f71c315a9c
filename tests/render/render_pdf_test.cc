// The PDF writer on a document made by hand: its pages, labels, outline, metadata, structure elements and links
// as Cairo writes them, the same bytes on every run, and no clock in them.
#include <doctest/doctest.h>

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <string>
#include <vector>

#include "render/pdf.h"
#include "render/render_fixture.h"

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

}  // namespace

TEST_CASE("render pdf: pages, labels, outline and metadata of the document, and the same bytes every time") {
  const layout::Document document = testing::SmallDocument();
  const std::string pdf = render::RenderPdf(document);
  CHECK(pdf.rfind("%PDF-1.", 0) == 0);
  CHECK(render::RenderPdf(document) == pdf);

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
  // The date of edition.yaml, never the clock; Cairo leaves out the "D:" the post-pass adds.
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "20210901000000Z");
  CHECK(info.getKey("/ModDate").getUTF8Value() == "20210901000000Z");

  QPDFObjectHandle outline = qpdf.getRoot().getKey("/Outlines");
  REQUIRE(outline.isDictionary());
  CHECK(outline.getKey("/First").getKey("/Title").getUTF8Value() == "The end");
  CHECK(qpdf.getRoot().hasKey("/PageLabels"));

  // The link on the first page leads to the destination on the second.
  QPDFObjectHandle annotations = pages[0].getObjectHandle().getKey("/Annots");
  REQUIRE(annotations.isArray());
  REQUIRE(annotations.getArrayNItems() == 1);
  CHECK(annotations.getArrayItem(0).getKey("/Subtype").getName() == "/Link");
  const std::string qdf = testing::Qdf(pdf);
  CHECK(qdf.find("(the-end)") != std::string::npos);

  // The elements the tag paths open, the decoration in the element the post-pass turns into an artifact.
  std::vector<std::string> types;
  StructureTypes(qpdf.getRoot().getKey("/StructTreeRoot").getKey("/K"), types);
  for (const char* type : {"/Document", "/Sect", "/P", "/Figure", "/Link", "/Private"}) {
    CHECK_MESSAGE(std::find(types.begin(), types.end(), type) != types.end(), type);
  }
  CHECK(std::count(types.begin(), types.end(), "/Sect") == 2);  // two sections: ids 1 and 4
}

