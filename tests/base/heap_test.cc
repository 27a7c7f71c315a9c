#include "base/heap.h"

#include <doctest/doctest.h>
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "base/tasks.h"

namespace {

// The VmFlags line of the mapping that holds `address`, from /proc/self/smaps ("hg": advised for huge pages).
std::string MappingFlags(const void* address) {
  const uintptr_t at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= at && at < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

bool HasFlag(const std::string& flags, const std::string& flag) {
  std::istringstream words(flags);
  std::string word;
  while (words >> word) {
    if (word == flag) return true;
  }
  return false;
}

bool KernelHasHugePages() { return std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good(); }

}  // namespace

#ifndef BAROMETER_SANITIZED
TEST_CASE("heap: the main heap grows by a step advised for huge pages") {
  if (!KernelHasHugePages()) {
    MESSAGE("skipped: this kernel has no transparent huge pages");
    return;
  }
  malloc_trim(0);  // the tests before may have left much free space at the top
  barometer::base::PrepareHeap();
  // The heap's top: where the next blocks the free space cannot hold will come from.
  const std::string flags = MappingFlags(static_cast<char*>(sbrk(0)) - 4096);
  REQUIRE(!flags.empty());
  CHECK_MESSAGE(HasFlag(flags, "hg"), flags);
  // A block the free space cannot hold comes from the free top, which now starts past the stretch the heap had
  // faulted in page by page before it was advised.
  void* block = std::malloc(size_t{8} << 20);
  const std::string block_flags = MappingFlags(block);
  std::free(block);
  CHECK_MESSAGE(HasFlag(block_flags, "hg"), block_flags);
}

TEST_CASE("heap: a worker thread's heap is advised for huge pages") {
  if (!KernelHasHugePages()) {
    MESSAGE("skipped: this kernel has no transparent huge pages");
    return;
  }
  const std::thread::id main_thread = std::this_thread::get_id();
  std::atomic<int> started{0};
  std::string flags;
  barometer::base::RunTasks(2, 2, [&](size_t) {
    // Each task waits for the other, so that one of them runs on the helper thread.
    ++started;
    while (started < 2) std::this_thread::yield();
    if (std::this_thread::get_id() == main_thread) return;
    void* block = std::malloc(4096);
    flags = MappingFlags(block);
    std::free(block);
  });
  REQUIRE(!flags.empty());
  CHECK_MESSAGE(HasFlag(flags, "hg"), flags);
}
#endif
