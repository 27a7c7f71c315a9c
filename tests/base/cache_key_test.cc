// Cache keys: the same fields make the same key, and no other sequence of fields makes it.
#include "base/cache_key.h"

#include <doctest/doctest.h>

using barometer::base::CacheKey;

TEST_CASE("cache key: fields are told apart wherever their bounds fall") {
  CHECK(CacheKey().Add("body").Add(190.5).Take() == CacheKey().Add("body").Add(190.5).Take());
  CHECK(CacheKey().Add("ab").Add("c").Take() != CacheKey().Add("a").Add("bc").Take());
  CHECK(CacheKey().Add("").Add("x").Take() != CacheKey().Add("x").Add("").Take());
  CHECK(CacheKey().Add(1).Take() != CacheKey().Add(2).Take());
  CHECK(CacheKey().Add(std::string(8, '\0')).Take() != CacheKey().Add(0).Add(0).Take());
  CHECK(CacheKey().Add("body").Add(190.5).Take() != CacheKey().Add("body").Add(190.25).Take());
}
