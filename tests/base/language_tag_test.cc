#include "base/language_tag.h"

#include <doctest/doctest.h>

using barometer::base::IsWellFormedLanguageTag;

TEST_CASE("language tags: well-formed BCP 47 tags pass") {
  for (const char* tag : {"da", "da-DK", "en-GB", "EN-gb", "sv-SE", "de-CH-1996", "zh-Hant-TW", "sr-Latn-RS",
                          "es-419", "zh-yue-HK", "sl-rozaj-biske", "en-US-x-twain", "de-DE-u-co-phonebk",
                          "x-whatever", "i-klingon", "abcd"}) {
    CAPTURE(tag);
    CHECK(IsWellFormedLanguageTag(tag));
  }
}

TEST_CASE("language tags: malformed tags fail") {
  for (const char* tag : {"", "d", "da_DK", "da-", "-da", "da--DK", "danishlanguage", "en-GB-GB-GB",
                          "de-DE-1996-1996", "en-a-bb-a-cc", "en-a", "en-x", "x", "1a", "da DK", "en-GB.utf8",
                          "a-DE", "en-123456789"}) {
    CAPTURE(tag);
    CHECK_FALSE(IsWellFormedLanguageTag(tag));
  }
}
