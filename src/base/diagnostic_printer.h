// Prints diagnostics in compiler form, with the offending source line and a caret:
//
//   content/2021/en/intro.yaml:14:5: error: unknown key 'titel'
//      14 |     titel: Robots in the library
//         |     ^~~~~
//   hint: did you mean 'title'?
//
// or as JSON lines for editors and other tools (`--diagnostics json`).
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace barometer::base {

/// Formats one diagnostic. `fs` supplies the source line for the excerpt; when the file cannot be read, or the
/// diagnostic has no line, the excerpt is left out. With `colour`, the place is bold, "error:" red, "warning:"
/// magenta, the caret green and "hint:" cyan (ANSI escapes, as GCC and Clang); without it the text has no
/// escapes at all.
std::string FormatDiagnostic(const Diagnostic& diagnostic, const FileSystem& fs, bool colour = false);

/// Formats all diagnostics and a closing count line ("2 errors, 1 warning"), or "" when there are none.
std::string FormatDiagnostics(const Diagnostics& diagnostics, const FileSystem& fs, bool colour = false);

/// One JSON object per diagnostic and line, in the order FormatDiagnostics prints them:
///   {"severity":"error","path":"en/intro.yaml","line":14,"column":5,"end":{"line":14,"column":10},
///    "message":"unknown key 'titel' in block","hints":["did you mean 'title'?"],"code":"unknown-key"}
/// Lines and columns are 1-based and count bytes; `end` is the first column after the underlined token. A
/// diagnostic about a whole file has null `line`, `column` and `end`.
std::string FormatDiagnosticsJson(const Diagnostics& diagnostics, const FileSystem& fs);

/// `text` as a JSON string literal, quotes included.
std::string JsonString(const std::string& text);

}  // namespace barometer::base
