// Stable hashes for content-derived names and for checking pinned files (never std::hash, whose values may
// change between library versions).
#pragma once

#include <string>

namespace barometer::base {

/// Lower-case hex SHA-256 of the bytes.
std::string Sha256Hex(const std::string& bytes);

}  // namespace barometer::base
