// Hyphenation points from the patterns, and a language's exception list taking precedence over them.
#include "text/hyphenator.h"

#include <doctest/doctest.h>

using barometer::text::Hyphenator;

namespace {

const std::string kSoftHyphen = "\u00AD";

std::string Marked(std::string text) {
  for (size_t at; (at = text.find(kSoftHyphen)) != std::string::npos;) text.replace(at, kSoftHyphen.size(), "-");
  return text;
}

}  // namespace

TEST_CASE("hyphenator: an exception word is broken only where its entry allows, in any case") {
  Hyphenator patterns("da");
  Hyphenator listed("da", {"sund-heds-væsen", "barometer"});
  CHECK(Marked(listed.Hyphenate("sundhedsvæsen")) == "sund-heds-væsen");
  CHECK(Marked(listed.Hyphenate("Sundhedsvæsen,")) == "Sund-heds-væsen,");
  // A word listed without a hyphen is never broken; words not listed follow the patterns.
  CHECK(Marked(patterns.Hyphenate("barometer")) != "barometer");
  CHECK(listed.Hyphenate("barometer") == "barometer");
  CHECK(listed.Hyphenate("virksomhederne") == patterns.Hyphenate("virksomhederne"));
}
