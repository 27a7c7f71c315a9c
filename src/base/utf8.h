// UTF-8 as the compiler checks it: strict (no overlong forms, surrogates or code points past U+10FFFF).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace barometer::base {

/// The length of the valid UTF-8 sequence that starts at byte `at` of `text`, or 0 when none does.
std::size_t Utf8SequenceLength(const std::string& text, std::size_t at);

/// Whether all of `text` is valid UTF-8.
bool IsValidUtf8(const std::string& text);

/// The code points of UTF-8 text the compiler has checked (a malformed sequence yields what its bits say).
std::u32string DecodeUtf8(std::string_view text);

}  // namespace barometer::base
