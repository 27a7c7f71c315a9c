// Hyphenation follows the language profile's dictionary and minimum letters.
#include "text/hyphenator.h"

#include <doctest/doctest.h>

#include "profiles.h"

using namespace barometer;

namespace {

// `word` with '-' at each soft hyphen.
std::string Shown(const std::string& hyphenated) {
  std::string out;
  for (size_t i = 0; i < hyphenated.size(); ++i) {
    if (hyphenated.compare(i, 2, "\u00AD") == 0) {
      out += '-';
      ++i;
    } else {
      out += hyphenated[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("hyphenator: Swedish words break by Swedish patterns, not English ones") {
  text::Hyphenator swedish(testing::Profile("sv"));
  text::Hyphenator english(testing::Profile("en"));
  const std::string word = "sjukvårdsförvaltningarnas";
  const std::string in_swedish = Shown(swedish.Hyphenate(word));
  CHECK(in_swedish.find("sjukvård-sför") == std::string::npos);
  CHECK(in_swedish.find("sjuk-vårds-för") != std::string::npos);
  CHECK(Shown(english.Hyphenate(word)) != in_swedish);  // the patterns differ: the test can tell them apart
}

TEST_CASE("hyphenator: the profile's minimum letters before and after a break are kept") {
  model::LanguageProfile profile = testing::Profile("da");
  profile.min_before = 4;
  profile.min_after = 4;
  text::Hyphenator strict(profile);
  const std::string shown = Shown(strict.Hyphenate("arbejdspladserne"));
  REQUIRE(shown.find('-') != std::string::npos);
  CHECK(shown.find('-') >= 4);
  CHECK(shown.size() - shown.rfind('-') - 1 >= 4);
}
