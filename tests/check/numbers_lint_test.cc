// The lint for numbers typed by hand that a table holds, on the real 2021 content: clean as shipped, and the
// original publication's wrong "35% of technological innovations" is found.
#include "check/numbers_lint.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;
using barometer::testing::Edit;
using barometer::testing::Lines;

namespace {

std::vector<base::Diagnostic> Lint(base::MemoryFileSystem& fs) {
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"c", "templates", {}}, diags);
  REQUIRE(edition);
  REQUIRE_FALSE(diags.HasErrors());
  base::Diagnostics lint;
  check::LintNumbers(*edition, lint);
  return lint.Sorted();
}

void Load2021(base::MemoryFileSystem& fs) {
  testing::CopyTree(fs, BAROMETER_SOURCE_DIR "/content/2021", "c/");
  testing::CopyTree(fs, BAROMETER_SOURCE_DIR "/templates", "templates/");
  testing::CopyDictionaries(fs, "templates");
}

}  // namespace

TEST_CASE("numbers lint: the 2021 content binds every number the tables hold") {
  base::MemoryFileSystem fs;
  Load2021(fs);
  CHECK(Lint(fs).empty());
}

TEST_CASE("numbers lint: the original's '35% of technological innovations' is reported with its candidates") {
  base::MemoryFileSystem fs;
  Load2021(fs);
  // The 2021 original's sentence: the share of 35% belongs to the non-technological innovations.
  REQUIRE(Edit(fs, "c/en/possibilities.yaml", "make the work more efficient,\n",
               "make the work more efficient, against\n      35% of technological innovations,\n"));
  REQUIRE(Edit(fs, "c/da/possibilities.yaml", "gør arbejdet mere effektivt,", "gør arbejdet mere effektivt, mod 35~% af de teknologiske,"));
  std::vector<base::Diagnostic> found = Lint(fs);
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == base::Severity::kWarning);
  CHECK(found[1].loc.file == "c/en/possibilities.yaml");
  CHECK(found[1].loc.line == 54);
  CHECK(found[1].loc.col == 7);
  CHECK(found[1].message ==
        "number '35%' is written by hand, but a table holds it: fig04/efficiency/non-technological = 35%, "
        "fig04/policy-goals/non-technological = 35%");
  CHECK(found[1].hints ==
        std::vector<std::string>{"cite the table, e.g. {fig04/efficiency/non-technological}, so the text follows "
                                 "the data"});
  CHECK(found[0].message.find("number '35\u00A0%' is written by hand") == 0);
}

TEST_CASE("numbers lint: near values, base n and numbers that are no table's") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml", "This is a paragraph",
               "In 2024 41% (near 40%), 19% and 35% of 1,000 workplaces; n = 100; COVID-19 and 24/7 and {=40%}. "
               "This is a paragraph"));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  check::LintNumbers(*edition, diags);
  CHECK(Lines(diags, base::Severity::kWarning) ==
        std::vector<std::string>{
            "mini/en/first.yaml:5:25: number '41%' is written by hand, but a table holds a value near it: "
            "fig01/yes/a = 40%",
            "mini/en/first.yaml:5:35: number '40%' is written by hand, but a table holds it: fig01/yes/a = 40%",
            "mini/en/first.yaml:5:41: number '19%' is written by hand, but a table holds a value near it: "
            "fig01/yes/b = 20%",
            "mini/en/first.yaml:5:78: number '100' is written by hand, but a table holds it: fig01/n = 100",
        });
}

TEST_CASE("numbers lint: a run of digits too long for any number is no literal, and no crash") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "mini/en/first.yaml", "This is a paragraph",
               std::string(400, '9') + "% and 40%. This is a paragraph"));
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  check::LintNumbers(*edition, diags);
  const std::vector<std::string> warnings = Lines(diags, base::Severity::kWarning);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find(": number '40%' is written by hand, but a table holds it: fig01/yes/a = 40%") !=
        std::string::npos);
}
