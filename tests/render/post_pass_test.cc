// The PDF post-pass on a document made by hand: what it adds for PDF/UA (language, alt text, artifacts, link
// descriptions, XMP, dates, a content-derived /ID), that it depends on nothing but its input, and that it refuses
// a PDF that does not match the layout.
#include <doctest/doctest.h>

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <stdexcept>
#include <string>
#include <vector>

#include "render/pdf.h"
#include "render/render_fixture.h"

using namespace barometer;

TEST_CASE("post-pass: language, dates, XMP, alt text, artifacts and link descriptions") {
  const layout::Document document = testing::SmallDocument();
  std::vector<layout::TagStep> elements;
  const std::string drawn = render::RenderPdf(document, &elements);
  const std::string pdf = render::PostProcessPdf(drawn, document, elements);
  CHECK(render::PostProcessPdf(drawn, document, elements) == pdf);  // the /ID comes from the content, not the clock

  QPDF qpdf;
  qpdf.processMemoryFile("small.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle root = qpdf.getRoot();
  CHECK(root.getKey("/Lang").getUTF8Value() == "da-DK");
  CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
  CHECK(root.getKey("/PageMode").getName() == "/UseOutlines");
  QPDFObjectHandle info = qpdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20210901000000Z");
  CHECK(info.getKey("/ModDate").getUTF8Value() == "D:20210901000000Z");
  CHECK(qpdf.getTrailer().getKey("/ID").isArray());

  CHECK(root.getKey("/Metadata").getDict().getKey("/Subtype").getName() == "/XML");
  const std::string qdf = testing::Qdf(pdf);
  CHECK(qdf.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(qdf.find("A small document") != std::string::npos);
  CHECK(qdf.find("/Alt (A red square)") != std::string::npos);
  CHECK(qdf.find("/Contents (to the end)") != std::string::npos);
  // The decoration is an artifact in the page's content, and the element Cairo had to put it in is gone.
  CHECK(qdf.find("/Artifact") != std::string::npos);
  CHECK(qdf.find("/Private") == std::string::npos);
}

TEST_CASE("post-pass: a PDF that is not the layout's, or no PDF at all, is refused") {
  layout::Document document = testing::SmallDocument();
  std::vector<layout::TagStep> elements;
  const std::string drawn = render::RenderPdf(document, &elements);

  layout::Document more_figures = document;
  more_figures.figure_alts.push_back("A second figure");
  CHECK_THROWS_WITH_AS(render::PostProcessPdf(drawn, more_figures, elements),
                       "the PDF has 1 figure elements but the layout placed 2 figures", std::runtime_error);

  layout::Document one_page = document;
  one_page.pages.pop_back();
  CHECK_THROWS_WITH_AS(render::PostProcessPdf(drawn, one_page, elements), "the PDF's page count is not the layout's",
                       std::runtime_error);

  CHECK_THROWS(render::PostProcessPdf("not a PDF", document, elements));
  CHECK_THROWS(render::PostProcessPdf(drawn.substr(0, drawn.size() / 2), document, elements));
}
