// CheckFigures on small in-memory editions: each broken variant of a clean fixture gives exactly its diagnostics,
// with file:line:col; and the 2021 edition gives none.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/file_system.h"
#include "check/figures_check.h"
#include "../figures/figures_fixture.h"
#include "model/load.h"

using namespace barometer;
using Lines = std::vector<std::string>;

namespace {

const char* const kSpecs = R"(fig01:
  number: 1
  kind: donut
  table: opinions
  indicator: opinion
  categories: [agree, disagree]
  series: [all]
  excluded: [dont-know]
  single_choice: true
  base_n: 100
fig02:
  number: 2
  kind: zones
  zones:
    new: [drones]
    both: [apps]
    known: [computers]
)";

const char* const kTable = R"(# A made-up single-choice table.
indicator,series,category,value,n
opinion,all,agree,60,100
opinion,all,disagree,37,100
opinion,all,dont-know,3,100
)";

const char* const kEnglish = R"(fig01:
  title: Opinions
  labels:
    agree: Agree
    disagree: Disagree
    dont-know: Don't know
    all: Everyone
fig02:
  title: Zones
  labels:
    new: New
    both: Both
    known: Known
    drones: Drones
    apps: Apps
    computers: Computers
)";

const char* const kDanish = R"(fig01:
  title: Holdninger
  labels:
    agree: Enig
    disagree: Uenig
    dont-know: Ved ikke
    all: Alle
fig02:
  title: Zoner
  labels:
    new: Ny
    both: Begge
    known: Kendt
    drones: Droner
    apps: Apps
    computers: Computere
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "fixture has no '" << from << "'");
  return text.replace(at, from.size(), to);
}

struct Fixture {
  std::string specs = kSpecs, table = kTable, english = kEnglish, danish = kDanish;

  // Loads the files as LoadEdition would (every table under c/tables) and runs the checks.
  Lines Check() {
    base::MemoryFileSystem fs;
    fs.files["c/figures.yaml"] = specs;
    fs.files["c/tables/opinions.csv"] = table;
    fs.files["c/en/figures.yaml"] = english;
    fs.files["c/da/figures.yaml"] = danish;
    base::Diagnostics diags;
    model::Edition edition;
    edition.root = "c";
    edition.figures = model::LoadFigureSpecs(fs, "c/figures.yaml", diags);
    for (const std::string& name : fs.ListFiles("c/tables")) {
      std::string stem = name.substr(0, name.size() - 4);
      edition.tables[stem] = model::LoadTable(fs, "c/tables/" + name, stem, diags);
    }
    for (const std::string code : {"da", "en"}) {
      model::LanguageEdition language;
      language.code = code;
      language.figures = model::LoadFigureTexts(fs, "c/" + code + "/figures.yaml", diags);
      edition.languages.push_back(language);
    }
    check::CheckFigures(edition, diags);
    return testing::Lines(diags);
  }
};

}  // namespace

TEST_CASE("check figures: the clean fixture and the 2021 edition give no diagnostics at all") {
  CHECK(Fixture().Check() == Lines{});
  base::Diagnostics diags;
  check::CheckFigures(testing::Edition2021(), diags);
  CHECK(testing::Lines(diags) == Lines{});
}

TEST_CASE("check figures: a value of 120 is reported once, by the table loader, without follow-up errors") {
  Fixture f;
  f.table = Replace(f.table, "opinion,all,agree,60,100", "opinion,all,agree,120,100");
  CHECK(f.Check() == Lines{"c/tables/opinions.csv:3:19: error: value 120 is not a percentage between 0 and 100"});
}

TEST_CASE("check figures: an unknown category, with a suggestion, and the label that no longer matches") {
  Fixture f;
  f.specs = Replace(f.specs, "categories: [agree, disagree]", "categories: [agree, disagre]");
  CHECK(f.Check() ==
        Lines{
            "c/da/figures.yaml:1:1: error: figure 'fig01' has no label for 'disagre'",
            "c/da/figures.yaml:5:5: warning: label 'disagree' of figure 'fig01' is not used by the figure "
            "[hint: did you mean 'disagre'?]",
            "c/en/figures.yaml:1:1: error: figure 'fig01' has no label for 'disagre'",
            "c/en/figures.yaml:5:5: warning: label 'disagree' of figure 'fig01' is not used by the figure "
            "[hint: did you mean 'disagre'?]",
            "c/figures.yaml:1:1: error: figure 'fig01': category 'disagre' is not in table 'opinions' (indicator "
            "'opinion') [hint: did you mean 'disagree'?]",
        });
}

TEST_CASE("check figures: single-choice shares that add up to 97 are an error naming the sum - 99 is rounding") {
  Fixture f;
  f.table = Replace(f.table, "opinion,all,disagree,37,100", "opinion,all,disagree,34,100");
  CHECK(f.Check() == Lines{"c/figures.yaml:1:1: error: figure 'fig01': the shares of series 'all' add up to 97, not "
                           "100 (a single-choice figure allows ±1 for rounding)"});
  Fixture rounding;
  rounding.table = Replace(rounding.table, "opinion,all,disagree,37,100", "opinion,all,disagree,36,100");
  CHECK(rounding.Check() == Lines{});
  Fixture decimals;
  decimals.table = Replace(decimals.table, "opinion,all,disagree,37,100", "opinion,all,disagree,38.5,100");
  CHECK(decimals.Check() == Lines{"c/figures.yaml:1:1: error: figure 'fig01': the shares of series 'all' add up to "
                                  "101.5, not 100 (a single-choice figure allows ±1 for rounding)"});
}

TEST_CASE("check figures: an answer of a single-choice table that is neither drawn nor excluded is a warning") {
  Fixture f;
  f.specs = Replace(f.specs, "excluded: [dont-know]", "excluded: []");
  f.english = Replace(f.english, "    dont-know: Don't know\n", "");
  f.danish = Replace(f.danish, "    dont-know: Ved ikke\n", "");
  CHECK(f.Check() == Lines{
                         "c/figures.yaml:1:1: warning: figure 'fig01': category 'dont-know' of table 'opinions' "
                         "(indicator 'opinion') is neither drawn nor excluded",
                         "c/figures.yaml:1:1: error: figure 'fig01': the shares of series 'all' add up to 97, not 100 "
                         "(a single-choice figure allows ±1 for rounding)",
                     });
}

TEST_CASE("check figures: unknown series, indicator and table are errors at the spec with suggestions") {
  Fixture series;
  series.specs = Replace(series.specs, "series: [all]", "series: [al]");
  series.english = Replace(series.english, "all: Everyone", "al: Everyone");
  series.danish = Replace(series.danish, "all: Alle", "al: Alle");
  CHECK(series.Check() == Lines{"c/figures.yaml:1:1: error: figure 'fig01': series 'al' is not in table 'opinions' "
                                "(indicator 'opinion') [hint: did you mean 'all'?]"});
  Fixture indicator;
  indicator.specs = Replace(indicator.specs, "indicator: opinion", "indicator: opinions");
  CHECK(indicator.Check() == Lines{"c/figures.yaml:1:1: error: figure 'fig01': table 'opinions' has no indicator "
                                   "'opinions' [hint: did you mean 'opinion'?]"});
  Fixture table;
  table.specs = Replace(table.specs, "table: opinions", "table: opinion");
  CHECK(table.Check() == Lines{"c/figures.yaml:1:1: error: figure 'fig01' names table 'opinion', which does not "
                               "exist [hint: did you mean 'opinions'?]"});
}

TEST_CASE("check figures: a table the loader already reported missing is not reported again") {
  base::MemoryFileSystem fs;
  fs.files["c/figures.yaml"] = Replace(kSpecs, "table: opinions", "table: opinion");
  base::Diagnostics diags;
  model::Edition edition;
  edition.root = "c";
  edition.figures = model::LoadFigureSpecs(fs, "c/figures.yaml", diags);
  diags.Error(edition.figures.at("fig01").loc,
              "figure 'fig01' names table 'opinion', but c/tables/opinion.csv does not exist");
  check::CheckFigures(edition, diags);
  CHECK(testing::Lines(diags) ==
        Lines{"c/figures.yaml:1:1: error: figure 'fig01' names table 'opinion', but c/tables/opinion.csv does not exist"});
}

TEST_CASE("check figures: a missing label is an error at the figure's entry in that language's file") {
  Fixture f;
  f.english = Replace(f.english, "    all: Everyone\n", "");
  f.danish = Replace(f.danish, "    apps: Apps\n", "");
  CHECK(f.Check() == Lines{
                         "c/da/figures.yaml:8:1: error: figure 'fig02' has no label for 'apps'",
                         "c/en/figures.yaml:1:1: error: figure 'fig01' has no label for 'all'",
                     });
}

TEST_CASE("check figures: a label identical to the source language's is reported as possibly untranslated") {
  Fixture f;
  f.danish = Replace(f.danish, "    disagree: Uenig", "    disagree: Medarbejderne hæmmede");
  f.english = Replace(f.english, "    disagree: Disagree", "    disagree: Medarbejderne hæmmede");
  CHECK(f.Check() == Lines{"c/en/figures.yaml:5:5: warning: label 'disagree' of figure 'fig01' is the same as in "
                           "language 'da' ('Medarbejderne hæmmede'): possibly untranslated [hint: translate it in "
                           "this language's figures.yaml]"});
  // One word both languages share (a name, an acronym, a loanword) is no sign of a missing translation.
  Fixture shared;
  shared.danish = Replace(shared.danish, "    disagree: Uenig", "    disagree: Apps");
  shared.english = Replace(shared.english, "    disagree: Disagree", "    disagree: Apps");
  CHECK(shared.Check() == Lines{});
}

TEST_CASE("check figures: figures missing from a language and unknown figure ids") {
  Fixture f;
  f.danish = Replace(f.danish, "fig02:\n  title: Zoner", "fig12:\n  title: Zoner");
  CHECK(f.Check() == Lines{
                         "c/da/figures.yaml:0:0: error: figure 'fig02' is missing (every figure of figures.yaml needs "
                         "its texts in every language)",
                         "c/da/figures.yaml:8:1: error: unknown figure 'fig12' (not in figures.yaml) [hint: did you "
                         "mean 'fig02'?]",
                     });
}

TEST_CASE("check figures: an unused label is a warning - a zone item in two zones is an error") {
  Fixture f;
  f.english = Replace(f.english, "    all: Everyone\n", "    all: Everyone\n    everyone: Everyone\n");
  f.specs = Replace(f.specs, "both: [apps]", "both: [apps, drones]");
  CHECK(f.Check() == Lines{
                         "c/en/figures.yaml:8:5: warning: label 'everyone' of figure 'fig01' is not used by the figure",
                         "c/figures.yaml:11:1: error: figure 'fig02': item 'drones' is in zone 'new' and in zone "
                         "'both'",
                     });
}

TEST_CASE("check figures: highlighted and significant categories must be drawn") {
  Fixture f;
  f.specs = Replace(f.specs, "  base_n: 100\n", "  base_n: 100\n  highlight: [agre]\n  significant: [dont-know]\n");
  CHECK(f.Check() == Lines{
                         "c/figures.yaml:1:1: error: figure 'fig01': highlighted category 'agre' is not drawn [hint: "
                         "did you mean 'agree'?]",
                         "c/figures.yaml:1:1: error: figure 'fig01': significant category 'dont-know' is not drawn",
                     });
}

TEST_CASE("check figures: an unnamed single series needs no label, but several series cannot go unnamed") {
  Fixture f;
  f.specs = Replace(f.specs, "  base_n: 100\n", "  base_n: 100\n  show_series_name: false\n");
  f.english = Replace(f.english, "    all: Everyone\n", "");
  // Danish keeps its label for the series: unused now, a warning at the label.
  CHECK(f.Check() == Lines{"c/da/figures.yaml:7:5: warning: label 'all' of figure 'fig01' is not used by the figure"});
  f.specs = Replace(f.specs, "  series: [all]\n", "  series: [all, some]\n");
  Lines lines = f.Check();
  CHECK(std::find(lines.begin(), lines.end(),
                  std::string("c/figures.yaml:1:1: error: figure 'fig01': show_series_name: false is for a figure of one series, "
                  "not 2 [hint: a figure of several series needs their names to tell them apart]")) != lines.end());
}

TEST_CASE("check figures: per-group bases and significant pairs name the figure's series, at their place") {
  Fixture f;
  f.specs = Replace(f.specs, "  base_n: 100\n",
                    "  base_n: {all: 100, al: 7, none: zero}\n  significant_pairs: [[all, everyone], [all, all], x]\n");
  CHECK(f.Check() == Lines{
                         "c/figures.yaml:1:1: error: figure 'fig01': significant pair names 'everyone', which is no "
                         "series of the figure",
                         "c/figures.yaml:1:1: error: figure 'fig01': significant pair compares 'all' with itself",
                         "c/figures.yaml:1:1: error: figure 'fig01': base_n names group 'al', which is no series of "
                         "the figure [hint: did you mean 'all'?]",
                         "c/figures.yaml:10:35: error: base_n of group 'none' must be a positive whole number",
                         "c/figures.yaml:11:52: error: each significant pair must be a list of two series ids, e.g. "
                         "[state, municipal]",
                     });
}

TEST_CASE("check figures: table ids may contain '_'") {
  Fixture f;
  f.table = Replace(Replace(f.table, "opinion,all,dont-know", "opinion,all,dont_know"), "indicator,series", "indicator,series");
  f.specs = Replace(f.specs, "excluded: [dont-know]", "excluded: [dont_know]");
  f.english = Replace(f.english, "    dont-know:", "    dont_know:");
  f.danish = Replace(f.danish, "    dont-know:", "    dont_know:");
  CHECK(f.Check() == Lines{});
}
