// Prints diagnostics in compiler form, with the offending source line and a caret:
//
//   content/2021/en/intro.yaml:14:5: error: unknown key 'titel'
//      14 |     titel: Robots in the library
//         |     ^~~~~
//   hint: did you mean 'title'?
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace barometer::base {

/// Formats one diagnostic. `fs` supplies the source line for the excerpt; when the file cannot be read, or the
/// diagnostic has no line, the excerpt is left out.
std::string FormatDiagnostic(const Diagnostic& diagnostic, const FileSystem& fs);

/// Formats all diagnostics and a closing count line ("2 errors, 1 warning"), or "" when there are none.
std::string FormatDiagnostics(const Diagnostics& diagnostics, const FileSystem& fs);

}  // namespace barometer::base
