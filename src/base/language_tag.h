// BCP 47 (RFC 5646) language tags, as PDF's /Lang and a language profile's `tag` hold them.
#pragma once

#include <string>

namespace barometer::base {

/// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646 section 2.1 syntax, case-insensitive): a 2-3
/// letter language (with up to three extended subtags) or a 4-8 letter one, then an optional 4-letter script,
/// a 2-letter or 3-digit region, variants, extensions and a private-use part, each subtag in its order and no
/// variant or extension singleton twice; or a private-use tag ("x-..."), or one of the grandfathered tags.
/// Well-formed is not valid: the subtags are not looked up in the IANA registry.
bool IsWellFormedLanguageTag(const std::string& tag);

}  // namespace barometer::base
