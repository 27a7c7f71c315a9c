#include "base/edit_distance.h"

#include <doctest/doctest.h>

using namespace barometer::base;

TEST_CASE("edit distance suggests close keys only") {
  CHECK(EditDistance("titel", "title") == 1);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(ClosestMatch("titel", {"id", "title", "kicker"}) == "title");
  CHECK(ClosestMatch("paragraf", {"paragraph", "heading"}) == "paragraph");
  CHECK(ClosestMatch("zzz", {"title", "kicker"}).empty());
}
