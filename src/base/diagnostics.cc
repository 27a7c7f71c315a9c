#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace barometer::base {

void Diagnostics::Error(const SourceLoc& loc, std::string message, std::vector<std::string> hints) {
  Add({Severity::kError, loc, std::move(message), std::move(hints), {}});
}

void Diagnostics::Warning(const SourceLoc& loc, std::string message, std::vector<std::string> hints) {
  Add({warnings_as_errors_ ? Severity::kError : Severity::kWarning, loc, std::move(message), std::move(hints), {}});
}

void Diagnostics::Add(Diagnostic diagnostic) {
  std::lock_guard lock(mutex_);
  // The same finding can come from both language threads (e.g. a shared table); say it once.
  if (!said_.emplace(diagnostic.loc.file, diagnostic.loc.line, diagnostic.loc.col, diagnostic.message).second) return;
  items_.push_back(std::move(diagnostic));
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

size_t Diagnostics::ErrorCount() const {
  std::lock_guard lock(mutex_);
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
                                           [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
  });
  return out;
}

}  // namespace barometer::base
