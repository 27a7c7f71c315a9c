// Where each byte of a text was written in its file, kept as runs: a byte that follows the one before it on the
// same line extends the run. A paragraph written as a block scalar costs an entry per source line, not one per
// byte, which matters when an edition holds thousands of paragraphs.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace barometer::base {

class BytePlaces {
 public:
  /// Appends the place (1-based line and column) of the text's next byte.
  void Add(int line, int col);
  /// Appends `count` bytes all written at one place (a line break folded into a space).
  void AddRepeated(int line, int col, size_t count);
  size_t size() const { return size_; }
  /// The runs kept: what the places cost.
  size_t run_count() const { return runs_.size(); }
  bool empty() const { return size_ == 0; }
  /// Line and column of byte `offset`. REQUIRES: offset < size().
  std::pair<int, int> At(size_t offset) const;
  /// Byte `offset`'s place in `fallback`'s file, or `fallback` itself past the known bytes.
  SourceLoc LocOf(size_t offset, const SourceLoc& fallback) const;

  bool operator==(const BytePlaces&) const = default;

 private:
  struct Run {
    size_t offset = 0;    ///< of the run's first byte in the text
    int line = 0, col = 0;  ///< of that byte
    bool advances = true;   ///< later bytes of the run are on the next columns; false: all at (line, col)
    bool operator==(const Run&) const = default;
  };
  std::vector<Run> runs_;
  size_t size_ = 0;
};

}  // namespace barometer::base
