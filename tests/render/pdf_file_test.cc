// The PDF file format: numbers, names and strings as PDF writes them, and a file of streams and packed objects
// that qpdf reads back whole.
#include "render/pdf_file.h"

#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>

#include <stdexcept>

using namespace barometer::render;

TEST_CASE("pdf file: numbers, names and strings") {
  CHECK(pdf::Number(12) == "12");
  CHECK(pdf::Number(0.5) == "0.5");
  CHECK(pdf::Number(-0.0001) == "0");
  CHECK(pdf::Number(1.23456) == "1.235");
  CHECK(pdf::Number(1.23456, 1) == "1.2");
  CHECK(pdf::Number(1e20, 0) == "100000000000000000000");  // never an exponent
  CHECK(pdf::Number(-12.5, 1) == "-12.5");
  CHECK(pdf::Number(0.04, 1) == "0");
  CHECK(pdf::Number(-0.06, 1) == "-0.1");
  CHECK(pdf::Number(100.0001, 3) == "100");
  CHECK(pdf::Number(0.0625, 4) == "0.0625");
  CHECK(pdf::Number(1234567.891, 2) == "1234567.89");
  CHECK(pdf::Name("P") == "/P");
  CHECK(pdf::Name("A B/C#") == "/A#20B#2FC#23");
  CHECK(pdf::ByteString("a (b) \\c") == "(a \\(b\\) \\\\c)");
  CHECK(pdf::TextString("plain") == "(plain)");
  CHECK(pdf::TextString("Når »citat« – “quote”") == "(N\xE5" "r \xBB" "citat\xAB \x85 \x8D" "quote\x8E)");  // PDFDocEncoding
  CHECK(pdf::TextString("Ω") == "<FEFF03A9>");
  CHECK(pdf::TextString("\xF0\x9F\x98\x80") == "<FEFFD83DDE00>");  // a surrogate pair
  CHECK(pdf::Ref(7) == "7 0 R");
}

TEST_CASE("pdf file: streams and packed objects read back, the /ID from the content") {
  auto make = [](const std::string& words) {
    pdf::File file;
    const int catalog = file.Reserve(), info = file.Reserve(), pages = file.Reserve(), page = file.Reserve(),
              content = file.Reserve();
    file.PutStream(content, "", "BT /F1 12 Tf 10 10 Td (" + words + ") Tj ET");
    file.Put(page, "<< /Type /Page /Parent " + pdf::Ref(pages) + " /MediaBox [0 0 100 100] /Contents " +
                       pdf::Ref(content) + " >>");
    file.Put(pages, "<< /Type /Pages /Kids [" + pdf::Ref(page) + "] /Count 1 >>");
    file.Put(catalog, "<< /Type /Catalog /Pages " + pdf::Ref(pages) + " >>");
    file.Put(info, "<< /Title " + pdf::TextString(words) + " >>");
    return file.Finish(catalog, info);
  };
  const std::string pdf = make("hello");
  CHECK(make("hello") == pdf);
  QPDF qpdf;
  qpdf.processMemoryFile("file.pdf", pdf.data(), pdf.size());
  CHECK(qpdf.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == "hello");
  QPDFObjectHandle page = qpdf.getRoot().getKey("/Pages").getKey("/Kids").getArrayItem(0);
  CHECK(page.getKey("/Contents").getStreamData()->getSize() == std::string("BT /F1 12 Tf 10 10 Td (hello) Tj ET").size());
  CHECK_FALSE(qpdf.anyWarnings());
  // Another document, another /ID.
  QPDF other;
  const std::string changed = make("world");
  other.processMemoryFile("other.pdf", changed.data(), changed.size());
  CHECK(other.getTrailer().getKey("/ID").getArrayItem(0).getStringValue() !=
        qpdf.getTrailer().getKey("/ID").getArrayItem(0).getStringValue());

  pdf::File unfinished;
  const int catalog = unfinished.Reserve();
  unfinished.Reserve();  // never written
  CHECK_THROWS_AS(unfinished.Finish(catalog, catalog), std::logic_error);
}
