// Diagnostics: what the compiler tells the user about their content.
//
// Every stage records problems here and carries on, so that one run reports all errors at once; the driver stops
// before writing any output when `HasErrors()`. Printing lives in diagnostic_printer.h.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace barometer::base {

/// A place in a source file. Lines and columns are 1-based; line 0 means "the file as a whole".
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;

  bool operator==(const SourceLoc&) const = default;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string message;
  std::vector<std::string> hints;  ///< e.g. "did you mean 'title'?"
  std::string code;                ///< usually empty: the code follows from the message (diagnostic_codes.h)
};

/// Collects diagnostics from every stage. Thread-safe: the two languages are built on two threads.
class Diagnostics {
 public:
  void Error(const SourceLoc& loc, std::string message, std::vector<std::string> hints = {});
  void Warning(const SourceLoc& loc, std::string message, std::vector<std::string> hints = {});
  void Add(Diagnostic diagnostic);

  /// From now on, warnings are recorded as errors (`--strict`).
  void SetWarningsAsErrors(bool on) { warnings_as_errors_ = on; }
  bool warnings_as_errors() const { return warnings_as_errors_; }

  bool HasErrors() const;
  size_t ErrorCount() const;
  /// All diagnostics, ordered by file, line and column (then by arrival), so output does not depend on threads.
  std::vector<Diagnostic> Sorted() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  bool warnings_as_errors_ = false;
  std::set<std::tuple<std::string, int, int, std::string>> said_;  ///< place and message of each, to say it once
};

}  // namespace barometer::base
