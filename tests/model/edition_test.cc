// The model's own behaviour: dates as timestamps, a profile's dates, phrases and quotes, where labels.yaml begins,
// and the block kinds' names.
#include "model/edition.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <variant>

using namespace barometer::model;

TEST_CASE("edition: a date is midnight UTC, unknown parts as the first, and counts seconds without a time zone") {
  CHECK(Date{2021, 9, 1}.IsoTimestamp() == "2021-09-01T00:00:00Z");
  CHECK(Date{2021, 0, 0}.IsoTimestamp() == "2021-01-01T00:00:00Z");
  CHECK(Date{1970, 1, 1}.EpochSeconds() == 0);
  CHECK(Date{2000, 3, 1}.EpochSeconds() == 951868800);  // after a leap day of a century divisible by 400
  CHECK(Date{2021, 9, 1}.EpochSeconds() == 1630454400);
  CHECK(Date{1969, 12, 31}.EpochSeconds() == -86400);
}

TEST_CASE("edition: a profile formats dates with as much of the date as is known, and fills phrases") {
  LanguageProfile profile;
  profile.months = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                    "november", "december"};
  profile.date_day = "{day}. {month} {year}";
  profile.date_month = "{month} {year}";
  profile.date_year = "{year}";
  CHECK(profile.FormatDate({2023, 9, 1}) == "1. september 2023");
  CHECK(profile.FormatDate({2023, 9, 0}) == "september 2023");
  CHECK(profile.FormatDate({2023, 0, 0}) == "2023");
  profile.phrases["at"] = "{label} at {value} {unknown}";
  CHECK(profile.Phrase("at", {{"label", "Apps"}, {"value", "47 %"}}) == "Apps at 47 % {unknown}");
  CHECK(profile.Phrase("missing") == "missing");  // the loader reports a missing phrase
  profile.quote_open = "»";
  profile.quote_close = "«";
  CHECK(profile.Quoted("ja") == "»ja«");
}

TEST_CASE("edition: labels.yaml is reported at its first own key, a profile's defaults do not count") {
  LanguageEdition language;
  language.labels_file = "mini/en/labels.yaml";
  CHECK(language.LabelsLoc() == barometer::base::SourceLoc{"mini/en/labels.yaml", 0, 0});
  language.label_locs["contents"] = {"templates/languages/en.yaml", 43, 3};
  language.label_locs["figure"] = {"mini/en/labels.yaml", 5, 1};
  language.label_locs["before"] = {"mini/en/labels.yaml", 3, 1};
  CHECK(language.LabelsLoc() == barometer::base::SourceLoc{"mini/en/labels.yaml", 3, 1});
}

TEST_CASE("edition: one name per block kind, in the order of the kinds, as content files write them") {
  const std::vector<std::string>& names = BlockKindNames();
  CHECK(names.size() == std::variant_size_v<BlockContent>);
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  CHECK(std::string(BlockKindName(Heading{})) == "heading");
  CHECK(std::string(BlockKindName(Paragraph{})) == "paragraph");
  CHECK(std::string(BlockKindName(FigureRef{})) == "figure");
  CHECK(std::string(BlockKindName(CaseStory{})) == "case");
  CHECK(std::string(BlockKindName(Colophon{})) == "colophon");
}
