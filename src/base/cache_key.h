// Keys of in-memory caches, built field by field.
#pragma once

#include <string>
#include <utility>

namespace barometer::base {

/// A cache key made of fields in a fixed order. Each text field is written after its length and each number as
/// its bytes, so two different sequences of fields never make the same key.
class CacheKey {
 public:
  CacheKey& Add(double number) {
    key_.append(reinterpret_cast<const char*>(&number), sizeof number);
    return *this;
  }
  CacheKey& Add(const std::string& text) {
    Add(static_cast<double>(text.size()));
    key_.append(text);
    return *this;
  }
  std::string Take() { return std::move(key_); }

 private:
  std::string key_;
};

}  // namespace barometer::base
