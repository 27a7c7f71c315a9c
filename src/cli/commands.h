// barometer's commands and options (one table, see commands.cc) and the entry point the executable calls.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "cli/command_line.h"

namespace barometer::cli {

/// Exit statuses.
constexpr int kExitBuilt = 0, kExitContent = 1, kExitUsage = 2, kExitInternal = 3;

/// The table of barometer's commands and options.
const ProgramSpec& Barometer();

/// Runs a command line (without the program name) and returns the exit status.
int Main(const std::vector<std::string>& args);

/// How diagnostics are shown: compiler form, coloured or not, or JSON lines (`--diagnostics json`).
struct DiagnosticsOutput {
  bool json = false;    ///< one JSON object per line, no count line
  bool colour = false;  ///< ANSI colours in compiler form
  /// Writes the diagnostics to stderr.
  void Print(const base::Diagnostics& diagnostics, const base::FileSystem& fs) const;
};

/// Whether to colour stderr: `when` is "always", "never" or "auto" (stderr is a terminal, NO_COLOR is unset or
/// empty and TERM is not "dumb").
bool UseColour(const std::string& when);

}  // namespace barometer::cli
