// The inline markup of content text (README "Inline markup"): *emphasis*, **strong**, [text](url), [^footnote],
// [phrase]{lang=code} (a phrase in another language), @{page-ref}, {table-ref} (a number from a table), ~
// (no-break space) and backslash escapes. Deliberately small; not Markdown.
#pragma once

#include <string>

#include "base/byte_places.h"
#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::model {

/// Parses `text`. `loc` is where the text starts; when `single_line` is true (a plain one-line scalar), errors
/// point at the exact column; otherwise at `positions[offset]` when given (a block scalar's byte positions),
/// else at `loc`. Malformed markup is reported and read as literal text.
RichText ParseMarkup(const std::string& text, const SourceLoc& loc, bool single_line, base::Diagnostics& diags,
                     const base::BytePlaces& positions = {});

}  // namespace barometer::model
