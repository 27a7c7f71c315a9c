// Every cross-file diagnostic, with its exact text and place, on the mini fixture edition broken one way at a time.
#include "check/check.h"

#include <doctest/doctest.h>

#include "check/figures_check.h"
#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;
using barometer::testing::Edit;
using barometer::testing::Lines;

namespace {

std::string Errors(base::MemoryFileSystem& fs) {
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  check::CheckEdition(*edition, diags);
  check::CheckFigures(*edition, diags);
  std::string out;
  for (const std::string& line : Lines(diags, base::Severity::kError)) out += line + "\n";
  return out;
}

std::string Expected(std::initializer_list<const char*> lines) {
  std::string out;
  for (const char* line : lines) out += std::string(line) + "\n";
  return out;
}

}  // namespace

TEST_CASE("check: the clean mini edition has no diagnostics") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  check::CheckEdition(*edition, diags);
  check::CheckFigures(*edition, diags);
  CHECK(diags.Sorted().empty());
}

TEST_CASE("check: a block one language lacks") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml", "  - {id: f-q, quote: A quote.}\n", ""));
  CHECK(Errors(fs) == Expected({"mini/en/first.yaml:1:1: block 'f-q' (quote, mini/da/first.yaml:8) is missing in "
                               "language 'en'"}));
}

TEST_CASE("check: a block only the translation has, and one of another kind") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml", "  - {id: f-q, quote: A quote.}", "  - {id: f-q, paragraph: A quote.}\n  - {id: extra, paragraph: More.}"));
  CHECK(Errors(fs) == Expected({"mini/en/first.yaml:8:5: block 'f-q' is a paragraph here but a quote in language 'da'",
                               "mini/en/first.yaml:9:5: block 'extra' is not in the source language 'da'"}));
}

TEST_CASE("check: references to a footnote, figure or page that does not exist") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/da/first.yaml", "fodnote[^n]", "fodnote[^nn]"));
  REQUIRE(Edit(fs, "mini/da/first.yaml", "figure: fig01", "figure: fig1"));
  REQUIRE(Edit(fs, "mini/da/story.yaml", "@{first}", "@{frist}"));
  CHECK(Errors(fs) == Expected({
                          "mini/da/first.yaml:5:50: footnote 'nn' is not defined in this section's footnotes",
                          "mini/da/first.yaml:9:5: figure 'fig1' does not exist in figures.yaml",
                          "mini/da/story.yaml:10:35: page reference to 'frist', which is no section or block id",
                      }));
}

TEST_CASE("check: a figure placed twice is an error at its second block, in each language") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  for (const char* language : {"da", "en"}) {
    REQUIRE(Edit(fs, std::string("mini/") + language + "/first.yaml", "  - {id: f-fig, figure: fig01}\n",
                 "  - {id: f-fig, figure: fig01}\n  - {id: f-again, figure: fig01}\n"));
  }
  CHECK(Errors(fs) == Expected({
                          "mini/da/first.yaml:10:5: figure 'fig01' is placed twice",
                          "mini/en/first.yaml:10:5: figure 'fig01' is placed twice",
                      }));
}

TEST_CASE("check: a label missing from labels.yaml and the profile, a label left in the source language") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/labels.yaml", "before: Before\n", ""));
  CHECK(Errors(fs) == "");  // the English profile has it
  REQUIRE(Edit(fs, "templates/languages/en.yaml", "  before: Before\n", ""));
  REQUIRE(Edit(fs, "mini/en/figures.yaml", "a: Group A", "a: Gruppe A"));
  REQUIRE(Edit(fs, "mini/en/labels.yaml", "contents: Contents", "contents: Indhold"));
  REQUIRE(Edit(fs, "mini/en/labels.yaml", "tips-by: Tips from", "tips-by: Tips fra"));
  CHECK(Errors(fs) == Expected({"mini/en/labels.yaml:2:1: label 'before' is missing"}));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  check::CheckEdition(*edition, diags);
  check::CheckFigures(*edition, diags);
  // "Indhold" is one word: it could be the same in both languages; "Tips fra" and "Gruppe A" are probably not.
  CHECK(Lines(diags, base::Severity::kWarning) ==
        std::vector<std::string>{
            "mini/en/figures.yaml:3:22: label 'a' of figure 'fig01' is the same as in language 'da' ('Gruppe A'): "
            "possibly untranslated",
            "mini/en/labels.yaml:9:1: label 'tips-by' is the same as in language 'da' ('Tips fra'): possibly "
            "untranslated",
        });
}

TEST_CASE("check: a label only the translation has is reported at its key") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/labels.yaml", "before: Before\n", "before: Before\nbefor: Before\n"));
  CHECK(Errors(fs) == Expected({"mini/en/labels.yaml:6:1: label 'befor' is not in the source language 'da'"}));
}

TEST_CASE("check: a section without a title that the contents list is an error, a tips box can name it") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/story.yaml", "title: The story\n", ""));
  CHECK(Errors(fs) == Expected({"mini/en/story.yaml:1:1: section 'story' has no title, and the contents list it"}));
  // Opened by a titled tips box, the section is named by it.
  REQUIRE(Edit(fs, "mini/en/story.yaml", "blocks:\n", "blocks:\n  - {id: s-tips, tips: {title: Tips, items: [{title: A, body: B}]}}\n"));
  REQUIRE(Edit(fs, "mini/da/story.yaml", "blocks:\n", "blocks:\n  - {id: s-tips, tips: {title: Råd, items: [{title: A, body: B}]}}\n"));
  CHECK(Errors(fs) == "");
}

TEST_CASE("check: the blocks of a case's story are compared with the source language one by one") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/da/story.yaml", "      before: [Tekst om før.]\n",
               "      story:\n        - {id: s-p1, paragraph: Først.}\n        - {id: s-q, quote: Citat.}\n"));
  REQUIRE(Edit(fs, "mini/en/story.yaml", "      before: [Before text.]\n",
               "      story:\n        - {id: s-p1, paragraph: First.}\n        - {id: s-extra, paragraph: More.}\n"));
  CHECK(Errors(fs) == Expected({"mini/en/story.yaml:1:1: block 's-q' (quote, mini/da/story.yaml:11) is missing in "
                                "language 'en'",
                                "mini/en/story.yaml:11:11: block 's-extra' is not in the source language 'da'"}));
}
