#include "base/byte_places.h"

#include <algorithm>

namespace barometer::base {

void BytePlaces::Add(int line, int col) {
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    const size_t length = size_ - last.offset;
    const bool next_column = last.line == line && last.col + static_cast<int>(length) == col;
    if (last.advances ? next_column : (length == 1 && next_column)) {
      runs_.back().advances = true;
      ++size_;
      return;
    }
  }
  runs_.push_back({size_, line, col, true});
  ++size_;
}

void BytePlaces::AddRepeated(int line, int col, size_t count) {
  if (count == 0) return;
  runs_.push_back({size_, line, col, false});
  size_ += count;
}

std::pair<int, int> BytePlaces::At(size_t offset) const {
  // The last run that starts at or before `offset`.
  auto run = std::upper_bound(runs_.begin(), runs_.end(), offset,
                              [](size_t value, const Run& r) { return value < r.offset; });
  --run;
  const int shift = run->advances ? static_cast<int>(offset - run->offset) : 0;
  return {run->line, run->col + shift};
}

SourceLoc BytePlaces::LocOf(size_t offset, const SourceLoc& fallback) const {
  if (offset >= size_) return fallback;
  auto [line, col] = At(offset);
  return {fallback.file, line, col};
}

}  // namespace barometer::base
