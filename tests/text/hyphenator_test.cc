// Hyphenation follows the language profile's dictionary and minimum letters, and its exception list takes
// precedence over the patterns.
#include "text/hyphenator.h"

#include <doctest/doctest.h>

#include "profiles.h"

using namespace barometer;

namespace {

const std::string kSoftHyphen = "\u00AD";

// `text` with '-' at each soft hyphen.
std::string Marked(std::string text) {
  for (size_t at; (at = text.find(kSoftHyphen)) != std::string::npos;) text.replace(at, kSoftHyphen.size(), "-");
  return text;
}

// The profile of `code` with `exceptions` instead of the words its own list names.
model::LanguageProfile WithExceptions(const std::string& code, std::vector<std::string> exceptions) {
  model::LanguageProfile profile = testing::Profile(code);
  profile.hyphenation_exceptions = std::move(exceptions);
  return profile;
}

}  // namespace

TEST_CASE("hyphenator: Swedish words break by Swedish patterns, not English ones") {
  text::Hyphenator swedish(testing::Profile("sv"));
  text::Hyphenator english(testing::Profile("en"));
  const std::string word = "sjukvårdsförvaltningarnas";
  const std::string in_swedish = Marked(swedish.Hyphenate(word));
  CHECK(in_swedish.find("sjukvård-sför") == std::string::npos);
  CHECK(in_swedish.find("sjuk-vårds-för") != std::string::npos);
  CHECK(Marked(english.Hyphenate(word)) != in_swedish);  // the patterns differ: the test can tell them apart
}

TEST_CASE("hyphenator: the profile's minimum letters before and after a break are kept") {
  model::LanguageProfile profile = WithExceptions("da", {});
  profile.min_before = 4;
  profile.min_after = 4;
  text::Hyphenator strict(profile);
  const std::string shown = Marked(strict.Hyphenate("arbejdspladserne"));
  REQUIRE(shown.find('-') != std::string::npos);
  CHECK(shown.find('-') >= 4);
  CHECK(shown.size() - shown.rfind('-') - 1 >= 4);
}

TEST_CASE("hyphenator: an exception word is broken only where its entry allows, in any case") {
  text::Hyphenator patterns(WithExceptions("da", {}));
  text::Hyphenator listed(WithExceptions("da", {"sund-heds-væsen", "barometer"}));
  CHECK(Marked(listed.Hyphenate("sundhedsvæsen")) == "sund-heds-væsen");
  CHECK(Marked(listed.Hyphenate("Sundhedsvæsen,")) == "Sund-heds-væsen,");
  // A word listed without a hyphen is never broken; words not listed follow the patterns.
  CHECK(Marked(patterns.Hyphenate("barometer")) != "barometer");
  CHECK(listed.Hyphenate("barometer") == "barometer");
  CHECK(listed.Hyphenate("virksomhederne") == patterns.Hyphenate("virksomhederne"));
}

TEST_CASE("hyphenator: the Danish profile brings its exception list") {
  CHECK(testing::Profile("da").exceptions_file == BAROMETER_SOURCE_DIR "/templates/languages/da.hyphenation.txt");
  CHECK_FALSE(testing::Profile("da").hyphenation_exceptions.empty());
}
