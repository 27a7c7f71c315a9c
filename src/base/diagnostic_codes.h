// Stable codes for diagnostics, for tools that read `--diagnostics json` (an editor plugin, a CI annotation).
//
// A code names a kind of problem, not a message: it is looked up from the message by its template, so the places
// that report problems need not know about codes. Each template is the message with every variable part written
// as '*' ("unknown key '*' in *"), a literal '*' as '\*'. A new kind of diagnostic needs its template here, with
// a new code; tests/base/diagnostic_codes_test.cc finds every message in src/ that no template matches, and every
// code the README does not list. A code, once given, is never reused for another kind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace barometer::base {

struct DiagnosticKind {
  std::string_view code;      ///< e.g. "unknown-key"
  std::string_view pattern;   ///< the message with '*' for each variable part
};

/// Every kind of diagnostic, grouped by the stage that reports it.
const std::vector<DiagnosticKind>& DiagnosticKinds();

/// The code of a diagnostic: its own `code` when set, else that of the template matching its message (the most
/// specific one when several match), else "unclassified".
std::string_view DiagnosticCode(const Diagnostic& diagnostic);

/// Whether `text` matches `pattern`: '*' stands for any run of characters (also none), '\\' makes the next one literal.
bool MatchesPattern(std::string_view pattern, std::string_view text);

}  // namespace barometer::base
