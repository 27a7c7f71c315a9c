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

/// Says nothing.
class SilentProgress : public Progress {
 public:
  void StageDone(const std::string&, double, const std::string&) override {}
};

}  // namespace barometer::base
