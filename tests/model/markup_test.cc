#include "model/markup.h"

#include <doctest/doctest.h>

using namespace barometer;
using model::ParseMarkup;

namespace {

model::RichText Parse(const std::string& text, base::Diagnostics& diags) {
  return ParseMarkup(text, {"f.yaml", 3, 10}, true, diags);
}

}  // namespace

TEST_CASE("markup: emphasis, strong, links, footnotes, page references and no-break spaces") {
  base::Diagnostics diags;
  model::RichText rich = Parse("A *new* **bold** [link *x*](https://a.dk/b) note[^n1] see @{case-1}, 34~%", diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(rich.spans.size() == 12);
  CHECK(rich.spans[0].text == "A ");
  CHECK(rich.spans[1].text == "new");
  CHECK(rich.spans[1].emphasis);
  CHECK(rich.spans[3].text == "bold");
  CHECK(rich.spans[3].strong);
  CHECK(rich.spans[5].text == "link ");
  CHECK(rich.spans[5].link == "https://a.dk/b");
  CHECK(rich.spans[6].text == "x");
  CHECK(rich.spans[6].emphasis);
  CHECK(rich.spans[6].link == "https://a.dk/b");
  CHECK(rich.spans[8].footnote == "n1");
  CHECK(rich.spans[10].page_ref == "case-1");
  CHECK(rich.spans[11].text == ", 34\u00A0%");
  CHECK(rich.Plain() == "A new bold link x note see , 34\u00A0%");
}

TEST_CASE("markup: escapes give the characters themselves") {
  base::Diagnostics diags;
  model::RichText rich = Parse("\\*not\\* \\[x\\] \\~ \\@\\{y} \\\\", diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(rich.Plain() == "*not* [x] ~ @{y} \\");
}

TEST_CASE("markup: errors point at the exact column of a one-line scalar") {
  base::Diagnostics diags;
  Parse("an *open emphasis", diags);
  Parse("a [bracket without target", diags);
  Parse("**strong", diags);
  Parse("ref @{unclosed", diags);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 4);
  CHECK(sorted[0].loc.col == 10);  // "**" at offset 0
  CHECK(sorted[0].message == "'**' is never closed");
  CHECK(sorted[1].loc.col == 12);
  CHECK(sorted[1].message ==
        "'[' starts a link or a phrase but is not followed by '](url)' or ']{lang=code}'; write '\\[' for a bracket");
  CHECK(sorted[2].loc.col == 13);
  CHECK(sorted[2].message == "'*' is never closed");
  CHECK(sorted[3].loc.col == 14);
  CHECK(sorted[3].message == "page reference '@{' is never closed with '}'");
}

TEST_CASE("markup: errors in block scalars point at the scalar") {
  base::Diagnostics diags;
  ParseMarkup("line one\nline *two", {"f.yaml", 7, 5}, false, diags);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].loc == base::SourceLoc{"f.yaml", 7, 5});
}

TEST_CASE("markup: a phrase in another language keeps its text, styles and language code") {
  base::Diagnostics diags;
  model::RichText rich = Parse("Idéen fra [The *Regional* Data Hub]{lang=en}, et projekt", diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(rich.spans.size() == 5);
  CHECK(rich.spans[0].text == "Idéen fra ");
  CHECK(rich.spans[0].language.empty());
  CHECK(rich.spans[1].text == "The ");
  CHECK(rich.spans[2].text == "Regional");
  CHECK(rich.spans[2].emphasis);
  CHECK(rich.spans[3].text == " Data Hub");
  for (int i = 1; i <= 3; ++i) CHECK(rich.spans[i].language == "en");
  CHECK(rich.spans[1].link.empty());
  // The text after the phrase is the paragraph's language again, not appended to the phrase.
  CHECK(rich.spans[4].text == ", et projekt");
  CHECK(rich.spans[4].language.empty());
  CHECK(rich.Plain() == "Idéen fra The Regional Data Hub, et projekt");
}

TEST_CASE("markup: a malformed language attribute is an error at its column") {
  base::Diagnostics diags;
  Parse("x [word]{language=en} y", diags);
  Parse("x [word]{lang=} y", diags);
  Parse("x []{lang=en} y", diags);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].loc.col == 10 + 2);  // the '[' of the empty phrase
  CHECK(sorted[0].message == "a phrase in another language has no text");
  CHECK(sorted[1].loc.col == 10 + 8);  // its '{'
  CHECK(sorted[1].message.rfind("'{' after '[text]' must be '{lang=code}'", 0) == 0);
  CHECK(sorted[2].loc.col == 10 + 14);  // where the code should be
  CHECK(sorted[2].message.rfind("'{lang=...}' needs the code of a language profile", 0) == 0);
}
