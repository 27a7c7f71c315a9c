// How stages report progress. The CLI owns the implementation (one line per stage on stderr, or nothing with -q).
#pragma once

#include <string>

namespace barometer::base {

class Progress {
 public:
  virtual ~Progress() = default;
  /// A stage finished: `stage` is "load", "figures", "layout" or "write"; `detail` says what it made.
  virtual void StageDone(const std::string& stage, double seconds, const std::string& detail) = 0;
};

/// A count and its noun, for progress lines: "1 language", "2 languages".
inline std::string Counted(size_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

/// Says nothing.
class SilentProgress : public Progress {
 public:
  void StageDone(const std::string&, double, const std::string&) override {}
};

}  // namespace barometer::base
