// A small laid-out document made by hand (no fonts, no layout), a paragraph shaped as the 2021 edition's body
// text, and reading a PDF back with libqpdf, for the tests of the drawing code and the PDF writer.
#pragma once

#include <doctest/doctest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <string>

#include "figures/figures_fixture.h"
#include "layout/document.h"

namespace barometer::testing {

/// Two pages of 200 x 300 pt: on the first (the unnumbered cover) a decoration, a paragraph-like element with a
/// link to a destination on the second page, and a figure; one outline entry for the destination.
inline layout::Document SmallDocument() {
  layout::Document document;
  document.page_width = 200;
  document.page_height = 300;
  document.metadata.title = "A small document";
  document.metadata.author = "The authors";
  document.metadata.date = "2021-09-01T00:00:00Z";
  document.metadata.language = "da-DK";
  layout::Page& cover = document.pages.emplace_back();
  cover.number = 1;
  cover.items.push_back({layout::FilledRect{0, 0, 200, 20, {0.2, 0.3, 0.4}}, {}, ""});
  const layout::TagPath paragraph = {{"Sect", 1}, {"P", 2}};
  cover.items.push_back({layout::FilledRect{20, 40, 100, 10, {0, 0, 0}}, paragraph, ""});
  cover.items.push_back({layout::LinkArea{20, 40, 100, 10, "#the-end", "to the end"}, paragraph, ""});
  cover.items.push_back({layout::FilledRect{20, 80, 50, 50, {1, 0, 0}}, {{"Sect", 1}, {"Figure", 3}}, "A red square"});
  document.figure_alts = {"A red square"};
  layout::Page& second = document.pages.emplace_back();
  second.number = 2;
  second.label = "2";
  second.items.push_back({layout::Destination{"the-end", 20, 30}, {}, ""});
  second.items.push_back({layout::RuleLine{20, 60, 180, 60, 0.5, {0, 0, 0}}, {{"Sect", 4}, {"P", 5}}, ""});
  document.outline.push_back({"The end", "the-end", 1, 2});
  return document;
}

/// `words` shaped as the English edition's body text, `width` points wide.
inline std::shared_ptr<const text::ShapedParagraph> ShapeBody(const std::string& words, double width) {
  text::ParagraphInput input;
  input.runs = {text::TextRun{words, false, false, "", false, "", ""}};
  input.style = Edition2021().design.Style("body");
  input.width = width;
  input.max_word_space = 2.6;
  base::Diagnostics diags;
  auto shaped = Tools("en").shaper->Shape(input, {}, diags);
  REQUIRE_FALSE(diags.HasErrors());
  return shaped;
}

/// The PDF rewritten by libqpdf in QDF form: every stream uncompressed, one object after the other, so a test can
/// look for operators and keys in its text.
inline std::string Qdf(const std::string& pdf) {
  QPDF qpdf;
  qpdf.processMemoryFile("test.pdf", pdf.data(), pdf.size());
  QPDFWriter writer(qpdf);
  writer.setOutputMemory();
  writer.setQDFMode(true);
  writer.write();
  std::shared_ptr<Buffer> buffer(writer.getBufferSharedPointer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace barometer::testing
