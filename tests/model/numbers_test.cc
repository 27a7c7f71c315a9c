// Numbers bound to tables: {figure/category/series} and friends, filled in per language, and every bad reference
// reported at its place with a did-you-mean.
#include "model/numbers.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;
using barometer::testing::Edit;
using barometer::testing::Lines;

namespace {

const char kSentence[] = "This is a paragraph with a footnote[^n]";

// The first paragraph of the mini edition's first section in `code`, as plain text.
std::string FirstParagraph(const model::Edition& edition, const std::string& code) {
  for (const model::LanguageEdition& language : edition.languages) {
    if (language.code != code) continue;
    return std::get<model::Paragraph>(language.sections.front().blocks.front().content).text.Plain();
  }
  return "";
}

}  // namespace

TEST_CASE("numbers: references are filled in with each language's number style, rounded as the figure prints") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  const std::string cited = "A {fig01/yes/a}, gap {fig01/yes/a - fig01/yes/b}, sum {fig01/yes/a + fig01/yes/b}, "
                            "bare {fig01/yes/b:number}, n = {fig01/n}, as typed {=12~%}. ";
  REQUIRE(Edit(fs, "mini/en/first.yaml", kSentence, cited + kSentence));
  REQUIRE(Edit(fs, "mini/da/first.yaml", "Dette er", cited + "Dette er"));
  REQUIRE(Edit(fs, "mini/tables/shares.csv", "share,a,yes,40,50", "share,a,yes,40.25,50"));
  REQUIRE(Edit(fs, "mini/figures.yaml", "base_n: 100", "base_n: 12345"));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  CHECK(Lines(diags, base::Severity::kError).empty());
  CHECK(FirstParagraph(*edition, "en").rfind(
            "A 40.25%, gap 20.25, sum 60.25%, bare 20.00, n = 12,345, as typed 12\u00A0%. ", 0) == 0);
  CHECK(FirstParagraph(*edition, "da").rfind(
            "A 40,25\u00A0%, gap 20,25, sum 60,25\u00A0%, bare 20,00, n = 12.345, as typed 12\u00A0%. ", 0) == 0);
}

TEST_CASE("numbers: an unknown figure, category or series is an error at its line and column, with a hint") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml", kSentence,
               std::string("{fig1/yes/a} {fig01/yse/a} {fig01/yes/zzz} {fig01/yes} {fig01/yes/a - fig01/n} ") +
                   kSentence));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  // The paragraph's text starts at column 17 of line 5 (after `paragraph: "`).
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "mini/en/first.yaml:5:17: number reference '{fig1/yes/a}': figure 'fig1' does not exist in figures.yaml",
            "mini/en/first.yaml:5:30: number reference '{fig01/yse/a}': table 'shares' has no category 'yse' for "
            "figure 'fig01'",
            "mini/en/first.yaml:5:44: number reference '{fig01/yes/zzz}': table 'shares' has no series 'zzz' for "
            "category 'yes'",
            "mini/en/first.yaml:5:60: number reference '{fig01/yes}': category 'yes' has 2 series; name one as "
            "{fig01/yes/SERIES}",
            "mini/en/first.yaml:5:72: number reference '{fig01/yes/a - fig01/n}': only percentages can be added or "
            "subtracted",
        });
  std::vector<std::string> hints;
  for (const base::Diagnostic& d : diags.Sorted()) {
    for (const std::string& hint : d.hints) hints.push_back(hint);
  }
  CHECK(hints == std::vector<std::string>{"did you mean 'fig01'?", "did you mean 'yes'?", "one of: a, b",
                                          "one of: a, b"});
}

TEST_CASE("numbers: a difference that turns negative when the data change is a warning") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml", kSentence, std::string("{fig01/yes/b - fig01/yes/a} ") + kSentence));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  CHECK(Lines(diags, base::Severity::kWarning) ==
        std::vector<std::string>{"mini/en/first.yaml:5:17: number reference '{fig01/yes/b - fig01/yes/a}' is "
                                 "negative: the first value is now the smaller, so the sentence around it may say "
                                 "the opposite of the data"});
}

TEST_CASE("numbers: a reference inside a folded block scalar is placed at its own line and column") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml",
               std::string("    paragraph: \"") + kSentence,
               std::string("    paragraph: >-\n      One line,\n      then {fig01/no/a} here.\n    note: \"") +
                   kSentence));
  REQUIRE(Edit(fs, "mini/en/first.yaml", "    note: \"", "  - id: f-p0\n    paragraph: \""));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  std::vector<std::string> errors = Lines(diags, base::Severity::kError);
  REQUIRE_FALSE(errors.empty());
  CHECK(errors.front().rfind("mini/en/first.yaml:7:12: number reference '{fig01/no/a}'", 0) == 0);
}

TEST_CASE("numbers: a reference in a figure's text is placed at its own line and column, one-line or block") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/figures.yaml", "  question: A question?", "  question: A {fig01/yse/a} question?"));
  REQUIRE(Edit(fs, "mini/en/figures.yaml", "  note: Weighted. n = {fig01/n}.",
               "  note: >-\n    Weighted. n = {fig01/n},\n    and {fig2/yes/a}."));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  std::vector<std::string> errors = Lines(diags, base::Severity::kError);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].rfind("mini/en/figures.yaml:4:15: number reference '{fig01/yse/a}'", 0) == 0);
  CHECK(errors[1].rfind("mini/en/figures.yaml:7:9: number reference '{fig2/yes/a}'", 0) == 0);
}
