// Byte places kept as runs: every byte's place comes back as it was added, with an entry per run, not per byte.
#include "base/byte_places.h"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

using barometer::base::BytePlaces;
using barometer::base::SourceLoc;

TEST_CASE("byte places: each byte's line and column as added, consecutive columns stored as one run") {
  // A block scalar of two lines folded into one value: "ab cd", the space standing for the line break (at the
  // end of the first line), then a byte written elsewhere (an escape), then two repeated places.
  std::vector<std::pair<int, int>> added = {{3, 5}, {3, 6}, {3, 7}, {4, 5}, {4, 6}, {9, 1}, {4, 8}};
  BytePlaces places;
  for (auto [line, col] : added) places.Add(line, col);
  places.AddRepeated(6, 2, 3);
  places.Add(6, 3);  // after a repeated run: a run of its own
  REQUIRE(places.size() == added.size() + 4);
  for (size_t i = 0; i < added.size(); ++i) {
    CAPTURE(i);
    CHECK(places.At(i) == added[i]);
  }
  for (size_t i = added.size(); i < added.size() + 3; ++i) CHECK(places.At(i) == std::pair{6, 2});
  CHECK(places.At(added.size() + 3) == std::pair{6, 3});
  // Past the known bytes, the fallback; inside, the fallback's file with the byte's place.
  const SourceLoc fallback{"a.yaml", 2, 1};
  CHECK(places.LocOf(100, fallback) == fallback);
  CHECK(places.LocOf(3, fallback) == SourceLoc{"a.yaml", 4, 5});
  CHECK(BytePlaces{}.empty());
}

TEST_CASE("byte places: a long paragraph costs an entry per line") {
  BytePlaces places;
  for (int line = 1; line <= 100; ++line) {
    for (int col = 3; col < 80; ++col) places.Add(line, col);
  }
  CHECK(places.size() == 100 * 77);
  CHECK(places.run_count() == 100);
  CHECK(places.At(77 * 42 + 10) == std::pair{43, 13});
  // A byte out of step starts a run, and the bytes after it another.
  BytePlaces other;
  for (int line = 1; line <= 100; ++line) {
    for (int col = 3; col < 80; ++col) other.Add(line, line == 7 && col == 50 ? 60 : col);
  }
  CHECK(other.run_count() == 102);
  CHECK(other.At(77 * 6 + 47) == std::pair{7, 60});
  CHECK(other.At(77 * 6 + 48) == std::pair{7, 51});
  CHECK_FALSE(other == places);
}
