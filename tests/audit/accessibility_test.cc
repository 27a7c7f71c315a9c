// The PDF/UA check: both 2021 editions pass it, and each condition it checks fails on a PDF broken in just that
// way (an untagged Cairo PDF, and copies of a built edition changed with libqpdf).
#include "audit/accessibility.h"

#include <cairo-pdf.h>
#include <doctest/doctest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include "shell.h"

namespace {

using barometer::audit::AccessibilityReport;
using barometer::audit::CheckAccessibility;
using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;
using Handle = QPDFObjectHandle;

// One build of the 2021 edition for every test case in this file.
const std::string& OutDir() {
  static const std::string dir = [] {
    std::string out = barometer::testing::ProcessScratchFolder("accessibility");
    Run run =
        Shell(std::string(BAROMETER_BINARY) + " build " BAROMETER_SOURCE_DIR "/content/2021 --quiet --out " + out);
    if (run.status != 0) FAIL("build failed: " << run.out);
    return out;
  }();
  return dir;
}

std::string EditionPdf(const std::string& lang) { return OutDir() + "/innovation-barometer-2021-" + lang + ".pdf"; }

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

bool Mentions(const AccessibilityReport& report, const std::string& text) {
  return std::any_of(report.problems.begin(), report.problems.end(),
                     [&](const std::string& problem) { return problem.find(text) != std::string::npos; });
}

// The English edition changed by `change`, written again by qpdf.
std::string Broken(const std::function<void(QPDF&)>& change) {
  static const std::string original = ReadFile(EditionPdf("en"));
  QPDF qpdf;
  qpdf.setSuppressWarnings(true);
  qpdf.processMemoryFile("broken.pdf", original.data(), original.size());
  change(qpdf);
  QPDFWriter writer(qpdf);
  writer.setOutputMemory();
  writer.write();
  std::shared_ptr<Buffer> buffer(writer.getBufferSharedPointer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

std::vector<Handle> Kids(Handle element) {
  std::vector<Handle> kids;
  Handle k = element.getKey("/K");
  if (k.isArray()) {
    for (int i = 0; i < k.getArrayNItems(); ++i) kids.push_back(k.getArrayItem(i));
  } else if (!k.isNull()) {
    kids.push_back(k);
  }
  return kids;
}

// The first structure element of `role` (depth-first), with its parent.
std::pair<Handle, Handle> Find(Handle element, const std::string& role, Handle parent = Handle::newNull()) {
  if (element.isDictionary() && element.getKey("/S").isName() && element.getKey("/S").getName() == role) {
    return {element, parent};
  }
  for (Handle kid : Kids(element)) {
    if (!kid.isDictionary() || !kid.hasKey("/S")) continue;
    auto found = Find(kid, role, element);
    if (!found.first.isNull()) return found;
  }
  return {Handle::newNull(), Handle::newNull()};
}

Handle First(QPDF& qpdf, const std::string& role) {
  Handle element = Find(qpdf.getRoot().getKey("/StructTreeRoot"), role).first;
  REQUIRE(element.isDictionary());
  return element;
}

std::string Content(QPDFPageObjectHelper page) {
  std::shared_ptr<Buffer> data = page.getPageContents().at(0).getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

void SetContent(QPDFPageObjectHelper page, const std::string& content) {
  page.getPageContents().at(0).replaceStreamData(content, Handle::newNull(), Handle::newNull());
}

QPDFPageObjectHelper Page(QPDF& qpdf, int number) { return QPDFPageDocumentHelper(qpdf).getAllPages().at(number - 1); }

}  // namespace

TEST_CASE("accessibility: both 2021 editions pass the PDF/UA check, all their content tagged or artifact") {
  for (std::string lang : {"da", "en"}) {
    INFO("language " << lang);
    AccessibilityReport report = CheckAccessibility(ReadFile(EditionPdf(lang)));
    INFO(Joined(report.problems));
    CHECK(report.problems.empty());
    CHECK(report.pages >= 16);
    CHECK(report.elements > 300);
    CHECK(report.painting_operators > 1500);  // the checker read the pages' drawing, not an empty document
    CHECK(report.artifact_operators > 0);
    CHECK(report.tagged_operators + report.artifact_operators == report.painting_operators);
    Run run = Shell(std::string(BAROMETER_BINARY) + " check-pdf " + EditionPdf(lang));
    CHECK(run.status == 0);
    CHECK(run.out.find("passes") != std::string::npos);
  }
}

TEST_CASE("accessibility: an untagged PDF fails on its content and its catalog") {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &pdf, 300, 300);
  cairo_t* cr = cairo_create(surface);
  cairo_move_to(cr, 20, 40);
  cairo_show_text(cr, "untagged words");
  cairo_rectangle(cr, 20, 60, 100, 20);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);

  AccessibilityReport report = CheckAccessibility(pdf);
  INFO(Joined(report.problems));
  CHECK(Mentions(report, "page 1: 1 text (Tj) operator outside tagged content and /Artifact"));
  CHECK(Mentions(report, "page 1: 1 path (f) operator outside tagged content and /Artifact"));
  CHECK(Mentions(report, "catalog: no /StructTreeRoot"));
  CHECK(Mentions(report, "catalog: no /MarkInfo /Marked true"));
  CHECK(Mentions(report, "catalog: no /Lang"));
  CHECK(Mentions(report, "catalog: no XMP /Metadata stream"));
  CHECK(Mentions(report, "DisplayDocTitle"));
  CHECK(report.tagged_operators == 0);

  CHECK(Mentions(CheckAccessibility("not a pdf"), "not a readable PDF"));
  std::string path =
      std::filesystem::temp_directory_path().string() + "/barometer-untagged-" + std::to_string(getpid()) + ".pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  Run run = Shell(std::string(BAROMETER_BINARY) + " check-pdf " + path);
  CHECK(run.status == 1);
  CHECK(run.out.find("FAILS") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("accessibility: each condition fails on an edition broken in just that way") {
  struct Case {
    const char* what;
    std::function<void(QPDF&)> change;
    const char* problem;
  };
  const std::vector<Case> cases = {
      {"a footer's artifact marking removed",
       [](QPDF& q) {
         std::string content = Content(Page(q, 3));
         size_t at = content.rfind("/Artifact BMC");
         REQUIRE(at != std::string::npos);
         SetContent(Page(q, 3), content.replace(at, 13, "/Span BMC"));
       },
       "page 3: 1 text"},
      {"tagged content inside an artifact",
       [](QPDF& q) {
         std::string content = Content(Page(q, 3));
         size_t at = content.find("/P << /MCID");
         REQUIRE(at != std::string::npos);
         SetContent(Page(q, 3), content.insert(at, "/Artifact BMC\n") + "\nEMC\n");
       },
       "inside /Artifact"},
      {"a paragraph dropped from the tree", [](QPDF& q) { First(q, "/P").replaceKey("/K", Handle::newArray()); },
       "is not in the structure tree"},
      {"two elements read in the wrong order",
       [](QPDF& q) {
         Handle document = First(q, "/Document");
         std::vector<Handle> kids = Kids(document);
         REQUIRE(kids.size() > 3);
         std::swap(kids[0], kids[1]);
         document.replaceKey("/K", Handle::newArray(kids));
       },
       "structure order is not reading order"},
      {"a figure without /Alt", [](QPDF& q) { First(q, "/Figure").removeKey("/Alt"); }, "no /Alt"},
      {"a table header without /Scope", [](QPDF& q) { First(q, "/TH").removeKey("/A"); }, "no /Scope"},
      {"a note without /ID", [](QPDF& q) { First(q, "/Note").removeKey("/ID"); }, "no /ID"},
      {"a skipped heading level", [](QPDF& q) { First(q, "/H2").replaceKey("/S", Handle::newName("/H4")); },
       "skips from H1 to H4"},
      {"a label outside its list item", [](QPDF& q) { First(q, "/LI").replaceKey("/S", Handle::newName("/Div")); },
       "inside Div, not LI"},
      {"a contents entry outside the contents",
       [](QPDF& q) { First(q, "/TOC").replaceKey("/S", Handle::newName("/Div")); }, "inside Div, not TOC"},
      {"a table without rows", [](QPDF& q) { First(q, "/TR").replaceKey("/S", Handle::newName("/Div")); },
       "holds a Div element"},
      {"a link element without its annotation",
       [](QPDF& q) {
         Handle link = First(q, "/Link");
         std::vector<Handle> kept;
         for (Handle kid : Kids(link)) {
           if (!kid.isDictionary() || !kid.getKey("/Type").isName() || kid.getKey("/Type").getName() != "/OBJR") {
             kept.push_back(kid);
           }
         }
         link.replaceKey("/K", Handle::newArray(kept));
       },
       "holds no OBJR"},
      {"a link annotation without /Contents",
       [](QPDF& q) { Page(q, 2).getObjectHandle().getKey("/Annots").getArrayItem(0).removeKey("/Contents"); },
       "page 2: Link annotation without /Contents"},
      {"a page with links but no /Tabs", [](QPDF& q) { Page(q, 2).getObjectHandle().removeKey("/Tabs"); },
       "page 2: annotations but no /Tabs /S"},
      {"no /Lang", [](QPDF& q) { q.getRoot().removeKey("/Lang"); }, "catalog: no /Lang"},
      {"an element with an empty /Lang", [](QPDF& q) { First(q, "/P").replaceKey("/Lang", Handle::newString("")); },
       "empty /Lang"},
      {"an element with a malformed /Lang",
       [](QPDF& q) { First(q, "/P").replaceKey("/Lang", Handle::newString("en_GB")); },
       "/Lang \"en_GB\" is not a well-formed BCP 47 language tag"},
      {"a catalog /Lang that is no language tag",
       [](QPDF& q) { q.getRoot().replaceKey("/Lang", Handle::newString("en GB")); },
       "catalog: /Lang \"en GB\" is not a well-formed BCP 47 language tag"},
      {"a caption between the figure and its notes",
       [](QPDF& q) {
         Handle group = Find(q.getRoot().getKey("/StructTreeRoot"), "/Figure").second;
         std::vector<Handle> kids = Kids(group);
         REQUIRE(kids.size() >= 3);
         std::swap(kids[0], kids[1]);
         group.replaceKey("/K", Handle::newArray(kids));
       },
       "a Caption is neither its first nor its last child"},
      {"a caption grouped with no figure",
       [](QPDF& q) {
         Handle group = Find(q.getRoot().getKey("/StructTreeRoot"), "/Caption").second;
         group.replaceKey("/S", Handle::newName("/BlockQuote"));
       },
       "holds a Caption but is not a Table, L, TOC, Figure or Formula"},
      {"no DisplayDocTitle", [](QPDF& q) { q.getRoot().removeKey("/ViewerPreferences"); }, "DisplayDocTitle"},
      {"not marked", [](QPDF& q) { q.getRoot().removeKey("/MarkInfo"); }, "no /MarkInfo /Marked true"},
      {"XMP without pdfuaid:part",
       [](QPDF& q) {
         Handle xmp = q.getRoot().getKey("/Metadata");
         std::shared_ptr<Buffer> data = xmp.getStreamData(qpdf_dl_generalized);
         std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
         text.replace(text.find("<pdfuaid:part>1</pdfuaid:part>"), 30, "");
         xmp.replaceStreamData(text, Handle::newNull(), Handle::newNull());
       },
       "no pdfuaid:part 1"},
      {"an Info title the XMP does not have",
       [](QPDF& q) { q.getTrailer().getKey("/Info").replaceKey("/Title", Handle::newUnicodeString("Another title")); },
       "is not the document title \"Another title\""},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.what));
    AccessibilityReport report = CheckAccessibility(Broken(c.change));
    INFO(Joined(report.problems));
    CHECK(Mentions(report, c.problem));
  }
}

TEST_CASE("accessibility: poppler reads each English phrase of the Danish edition back as a Span of its paragraph") {
  Run run = Shell("pdfinfo -struct-text " + EditionPdf("da"));
  REQUIRE(run.status == 0);
  // Each Span line is followed by the phrase's text, one level deeper.
  std::vector<std::string> phrases;
  std::istringstream lines(run.out);
  std::string line, previous;
  while (std::getline(lines, line)) {
    if (previous.find("Span (inline)") != std::string::npos) {
      size_t open = line.find('"'), close = line.rfind('"');
      if (open != std::string::npos && close > open) phrases.push_back(line.substr(open + 1, close - open - 1));
    }
    previous = line;
  }
  CHECK(phrases ==
        std::vector<std::string>{"augmented reality", "augmented reality", "computer vision", "The Regional Data Hub"});
}
