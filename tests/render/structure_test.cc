// The structure tree of the 2021 editions as render writes it: a paragraph is one P however
// often a column or page break cuts it, a phrase in another language is a Span with its /Lang inside its
// paragraph, and a figure's caption is a Caption grouped with the Figure.
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "audit/accessibility.h"
#include "layout/layout_fixture.h"
#include "render/pdf.h"
#include "render/qpdf_objects.h"

using namespace barometer;
using Handle = QPDFObjectHandle;

namespace {

struct Rendered {
  std::unique_ptr<testing::Laid> laid;
  std::string pdf;
};

// One language of the 2021 edition laid out and written as the build does (once per process).
const Rendered& Edition(const std::string& language) {
  static std::map<std::string, Rendered> editions;
  Rendered& rendered = editions[language];
  if (!rendered.laid) {
    rendered.laid = testing::LayOut(BAROMETER_SOURCE_DIR "/content/2021", language);
    REQUIRE_FALSE(rendered.laid->diags.HasErrors());
    rendered.pdf = render::RenderPdf(rendered.laid->document);
  }
  return rendered;
}

// The elements of the tree depth-first, with their parents.
void Walk(Handle element, std::vector<std::pair<Handle, Handle>>& out) {
  for (Handle kid : render::Items(element.getKey("/K"))) {
    if (!kid.isDictionary() || !kid.hasKey("/S")) continue;
    out.push_back({kid, element});
    Walk(kid, out);
  }
}

std::vector<std::pair<Handle, Handle>> Elements(QPDF& qpdf) {
  std::vector<std::pair<Handle, Handle>> out;
  Walk(qpdf.getRoot().getKey("/StructTreeRoot"), out);
  return out;
}

// The paragraphs (P elements) the layout made, by id, and how many of them go on to the next page.
struct Paragraphs {
  std::set<int> ids;
  int on_two_pages = 0;
};

Paragraphs LaidOutParagraphs(const layout::Document& document) {
  Paragraphs found;
  std::map<int, std::set<int>> pages;
  for (const layout::Page& page : document.pages) {
    for (const layout::Item& item : page.items) {
      if (!std::holds_alternative<layout::TextLines>(item.content)) continue;
      for (const layout::TagStep& step : item.tags) {
        if (step.tag != "P") continue;
        found.ids.insert(step.id);
        pages[step.id].insert(page.number);
      }
    }
  }
  for (const auto& [id, on] : pages) found.on_two_pages += on.size() > 1;
  return found;
}

}  // namespace

TEST_CASE("structure: a paragraph cut by a column or page break is one P element, in both editions") {
  for (std::string language : {"da", "en"}) {
    INFO("language " << language);
    const Rendered& edition = Edition(language);
    const Paragraphs paragraphs = LaidOutParagraphs(edition.laid->document);
    // The editions do have paragraphs that go on in the next column or on the next page.
    CHECK(paragraphs.on_two_pages > 0);

    audit::AccessibilityReport report = audit::CheckAccessibility(edition.pdf);
    std::string problems;
    for (const std::string& problem : report.problems) problems += problem + "\n";
    INFO(problems);
    CHECK(report.problems.empty());
    CHECK(report.roles["P"] == static_cast<int>(paragraphs.ids.size()));
    CHECK(report.tagged_operators + report.artifact_operators == report.painting_operators);
  }
}

TEST_CASE("structure: each English phrase of the Danish edition is a Span with /Lang en-GB in its paragraph") {
  const Rendered& edition = Edition("da");
  // What layout put in each phrase's Span.
  std::vector<std::string> phrases;
  std::map<int, std::string> phrase_text;
  for (const layout::Page& page : edition.laid->document.pages) {
    for (const layout::Item& item : page.items) {
      const auto* lines = std::get_if<layout::TextLines>(&item.content);
      if (!lines || item.tags.empty() || item.tags.back().tag != "Span") continue;
      CHECK(item.tags.back().lang == "en-GB");
      REQUIRE(item.tags.size() >= 2);
      CHECK(item.tags[item.tags.size() - 2].tag == "P");
      std::string text = lines->paragraph->text().substr(lines->from, lines->to - lines->from);
      if (!phrase_text.count(item.tags.back().id)) phrases.push_back(text);
      phrase_text[item.tags.back().id] += text;
    }
  }
  CHECK(phrases ==
        std::vector<std::string>{"augmented reality", "augmented reality", "computer vision", "The Regional Data Hub"});

  QPDF qpdf;
  qpdf.processMemoryFile("da.pdf", edition.pdf.data(), edition.pdf.size());
  CHECK(render::TextOf(qpdf.getRoot(), "/Lang") == "da-DK");
  std::vector<std::string> langs;
  for (auto [element, parent] : Elements(qpdf)) {
    if (render::NameOf(element.getKey("/S")) != "/Span") continue;
    langs.push_back(render::TextOf(element, "/Lang"));
    CHECK(render::NameOf(parent.getKey("/S")) == "/P");
    // The paragraph's own text stands on both sides of the phrase: the P holds marked content and the Span.
    std::vector<Handle> siblings = render::Items(parent.getKey("/K"));
    CHECK(siblings.size() >= 2);
    bool marked_content = false;
    for (Handle sibling : siblings) marked_content |= sibling.isInteger() || sibling.hasKey("/MCID");
    CHECK(marked_content);
  }
  CHECK(langs == std::vector<std::string>(4, "en-GB"));

  // The English edition has no phrase in another language.
  QPDF english;
  english.processMemoryFile("en.pdf", Edition("en").pdf.data(), Edition("en").pdf.size());
  for (auto [element, parent] : Elements(english)) CHECK_FALSE(element.hasKey("/Lang"));
}

TEST_CASE("structure: a figure is a Div of its Caption first, the Figure with /Alt and the notes") {
  for (std::string language : {"da", "en"}) {
    INFO("language " << language);
    const Rendered& edition = Edition(language);
    QPDF qpdf;
    qpdf.processMemoryFile("edition.pdf", edition.pdf.data(), edition.pdf.size());
    int figures = 0;
    for (auto [element, parent] : Elements(qpdf)) {
      if (render::NameOf(element.getKey("/S")) != "/Figure") continue;
      ++figures;
      CHECK(render::NameOf(parent.getKey("/S")) == "/Div");
      std::vector<Handle> group = render::Items(parent.getKey("/K"));
      REQUIRE(group.size() >= 2);
      CHECK(render::NameOf(group[0].getKey("/S")) == "/Caption");
      CHECK(render::NameOf(group[1].getKey("/S")) == "/Figure");
      CHECK_FALSE(render::TextOf(element, "/Alt").empty());
      for (size_t i = 2; i < group.size(); ++i) CHECK(render::NameOf(group[i].getKey("/S")) == "/P");
    }
    CHECK(figures == 10);
  }
}
