// A small laid-out document made by hand (no fonts, no layout), and reading a PDF back with libqpdf, for the
// tests of the PDF writer and its post-pass.
#pragma once

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <string>

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
