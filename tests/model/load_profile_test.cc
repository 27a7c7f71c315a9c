// Language profiles: number style, dates and quotation marks per language, and every problem of a profile file
// reported at its place.
#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"
#include "model/requirements.h"
#include "profiles.h"

using namespace barometer;
using barometer::testing::Edit;
using barometer::testing::Lines;
using barometer::testing::Profile;

namespace {

// The profile of `code` in `fs`; the test fails unless it loads without an error.
model::LanguageProfile CleanProfile(const base::FileSystem& fs, const std::string& code) {
  base::Diagnostics diags;
  auto profile = model::LoadLanguageProfile(fs, "templates", code, diags);
  REQUIRE(profile);
  CHECK(Lines(diags, base::Severity::kError).empty());
  return *profile;
}

}  // namespace

TEST_CASE("profiles: each language's numbers, dates and quotation marks") {
  CHECK(Profile("da").numbers.Percent(47) == "47\u00A0%");
  CHECK(Profile("en").numbers.Percent(47) == "47%");
  CHECK(Profile("sv").numbers.Percent(47) == "47\u00A0%");
  CHECK(Profile("da").numbers.Format(1877) == "1.877");
  CHECK(Profile("en").numbers.Format(1877) == "1,877");
  CHECK(Profile("sv").numbers.Format(1877) == "1877");
  CHECK(Profile("sv").numbers.Format(12345) == "12\u00A0345");
  CHECK(Profile("da").numbers.Format(18.75, 2) == "18,75");
  CHECK(Profile("sv").numbers.Format(18.75, 2) == "18,75");
  CHECK(Profile("en").numbers.Format(18.75, 2) == "18.75");

  const model::Date day{2023, 9, 1}, month{2023, 9, 0}, year{2021, 0, 0};
  CHECK(Profile("da").FormatDate(day) == "1. september 2023");
  CHECK(Profile("en").FormatDate(day) == "1 September 2023");
  CHECK(Profile("sv").FormatDate(day) == "1 september 2023");
  CHECK(Profile("en").FormatDate(month) == "September 2023");
  CHECK(Profile("da").FormatDate(year) == "2021");

  CHECK(Profile("da").Quoted("ja") == "»ja«");
  CHECK(Profile("en").Quoted("yes") == "“yes”");
  CHECK(Profile("sv").Phrase("at", {{"label", "A"}, {"value", "4 %"}}) == "A med 4 %");
  CHECK(Profile("en").Phrase("no-such-phrase") == "no-such-phrase");
  for (const char* code : {"da", "en", "sv"}) {
    for (const std::string& key : model::RequiredPhrases()) CHECK(Profile(code).phrases.count(key) == 1);
  }
}

TEST_CASE("profiles: a broken profile is reported at its keys") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "templates/languages/en.yaml", "  min_before: 2", "  min_before: 0"));
  REQUIRE(Edit(fs, "templates/languages/en.yaml", "  group: \",\"", "  group: \".\""));
  REQUIRE(Edit(fs, "templates/languages/en.yaml", "  extremes:", "  extreme:"));
  REQUIRE(Edit(fs, "templates/languages/en.yaml", "[January, February,", "[February,"));
  base::Diagnostics diags;
  auto profile = model::LoadLanguageProfile(fs, "templates", "en", diags);
  REQUIRE(profile);
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "templates/languages/en.yaml:6:15: 'min_before' must be between 1 and 9 letters",
            "templates/languages/en.yaml:11:10: the group separator must differ from the decimal mark",
            "templates/languages/en.yaml:17:11: 'months' must name the 12 months, January first; found 11",
            "templates/languages/en.yaml:22:3: phrase 'extremes' is missing",
        });
}

TEST_CASE("profiles: the hyphenation exceptions file a profile names is read beside it, and its problems reported") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  auto danish = CleanProfile(fs, "da");
  CHECK(danish.exceptions_file == "templates/languages/da.hyphenation.txt");
  CHECK(danish.hyphenation_exceptions.front() == "kom-mu-ni-ka-tions-plat-form");

  // A bad word in the list is reported at its line; a missing file at the profile's key; a path is refused.
  fs.files["templates/languages/da.hyphenation.txt"] += "two words\n";
  REQUIRE(Edit(fs, "templates/languages/en.yaml", "exceptions: en.hyphenation.txt", "exceptions: en.hyphen.txt"));
  base::Diagnostics diags;
  model::LoadLanguageProfile(fs, "templates", "da", diags);
  model::LoadLanguageProfile(fs, "templates", "en", diags);
  const std::vector<std::string> errors = Lines(diags, base::Severity::kError);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("templates/languages/da.hyphenation.txt:") == 0);
  CHECK(errors[0].find(": 'two words' is not one word") != std::string::npos);
  CHECK(errors[1] == "templates/languages/en.yaml:8:15: hyphenation exceptions file "
                     "templates/languages/en.hyphen.txt does not exist");

  REQUIRE(Edit(fs, "templates/languages/en.yaml", "exceptions: en.hyphen.txt", "exceptions: ../../etc/passwd"));
  base::Diagnostics outside;
  auto english = model::LoadLanguageProfile(fs, "templates", "en", outside);
  REQUIRE(english);
  CHECK(english->hyphenation_exceptions.empty());
  REQUIRE(Lines(outside, base::Severity::kError).size() == 1);
  CHECK(Lines(outside, base::Severity::kError)[0].find("templates/languages/en.yaml:8:15: ") == 0);
}

TEST_CASE("profiles: the hyphenation dictionary is read through the file system, from the system or beside the "
          "profile") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  auto danish = CleanProfile(fs, "da");
  REQUIRE(fs.files.count(danish.dictionary));
  CHECK(danish.dictionary_patterns == fs.files.at(danish.dictionary));
  CHECK(danish.dictionary_patterns.rfind("ISO8859-1\n", 0) == 0);  // the encoding line Debian's file starts with

  // A plain name is a file beside the profile.
  fs.files["templates/languages/own.dic"] = "ISO8859-1\n.ab1c\n";
  REQUIRE(Edit(fs, "templates/languages/da.yaml", danish.dictionary, "own.dic"));
  auto beside = CleanProfile(fs, "da");
  CHECK(beside.dictionary == "templates/languages/own.dic");
  CHECK(beside.dictionary_patterns == "ISO8859-1\n.ab1c\n");

  // A missing system file names its package; a missing file beside the profile, the file; a path that is no plain
  // name is refused before anything is read; a file past the limit is not read.
  base::Diagnostics diags;
  REQUIRE(Edit(fs, "templates/languages/da.yaml", "own.dic", "/nonexistent/hyph_da_DK.dic"));
  CHECK(model::LoadLanguageProfile(fs, "templates", "da", diags)->dictionary_patterns.empty());
  REQUIRE(Edit(fs, "templates/languages/da.yaml", "/nonexistent/hyph_da_DK.dic", "other.dic"));
  model::LoadLanguageProfile(fs, "templates", "da", diags);
  REQUIRE(Edit(fs, "templates/languages/da.yaml", "other.dic", "../../etc/hyph.dic"));
  model::LoadLanguageProfile(fs, "templates", "da", diags);
  REQUIRE(Edit(fs, "templates/languages/da.yaml", "../../etc/hyph.dic", "own.dic"));
  fs.files["templates/languages/own.dic"] = std::string((16u << 20) + 1, 'a');
  CHECK(model::LoadLanguageProfile(fs, "templates", "da", diags)->dictionary_patterns.empty());
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "templates/languages/da.yaml:5:15: hyphenation dictionary '/nonexistent/hyph_da_DK.dic' of language "
            "'da' is not installed",
            "templates/languages/da.yaml:5:15: hyphenation dictionary templates/languages/other.dic does not exist",
            "templates/languages/da.yaml:5:15: hyphenation dictionary '../../etc/hyph.dic' is not a plain name",
            "templates/languages/own.dic:0:0: file is too large: 16777217 bytes, the limit is 16 MB",
        });
}

TEST_CASE("profiles: labels.yaml overrides the profile's labels, a language without labels.yaml has them all") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  fs.files.erase("mini/en/labels.yaml");
  fs.files["mini/da/labels.yaml"] = "contents: Indholdsfortegnelse\n";
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  CHECK(Lines(diags, base::Severity::kError).empty());
  const model::LanguageEdition& da = edition->languages[0];
  const model::LanguageEdition& en = edition->languages[1];
  CHECK(da.labels.at("contents") == "Indholdsfortegnelse");
  CHECK(da.labels.at("figure") == "Figur");
  CHECK(da.label_locs.at("figure").file == "templates/languages/da.yaml");
  CHECK(en.labels.at("contents") == "Contents");
  CHECK(en.locale == "en-GB");  // edition.yaml's locale
  CHECK(da.profile.tag == "da-DK");
}
