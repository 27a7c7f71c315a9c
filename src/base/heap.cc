#include "base/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace barometer::base {

// glibc only, and not under the sanitizers, whose allocators are their own.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
// How far the main heap grows at a time: address space only, until touched.
constexpr int kHeapStep = 256 << 20;
// glibc gives each thread's arena heaps of this size, aligned to it (HEAP_MAX_SIZE on a 64-bit system).
constexpr uintptr_t kArenaHeap = uintptr_t{64} << 20;
// Blocks this large or larger are mapped on their own rather than taken from a heap.
constexpr int kMmapThreshold = 32 << 20;
constexpr size_t kProbeOverTop = size_t{1} << 20;

bool InMainHeap(const void* p) { return reinterpret_cast<uintptr_t>(p) < reinterpret_cast<uintptr_t>(sbrk(0)); }

}  // namespace

void PrepareHeap() {
  mallopt(M_TOP_PAD, kHeapStep);
  mallopt(M_TRIM_THRESHOLD, 2 * kHeapStep);
  // Image buffers and such come from the heap and are reused, rather than mapped and faulted in afresh each time.
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  // A block larger than the heap's free top makes it grow by a whole step, which is then advised at once (later
  // steps are mappings of their own, which the kernel does not advise again).
  const size_t probe_size = mallinfo2().keepcost + kProbeOverTop;
  if (probe_size >= static_cast<size_t>(kMmapThreshold)) return;  // it would be mapped, not taken from the heap
  void* probe = malloc(probe_size);
  if (probe == nullptr || !InMainHeap(probe)) {
    free(probe);
    return;
  }
  const uintptr_t from = (reinterpret_cast<uintptr_t>(probe) + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t to = reinterpret_cast<uintptr_t>(sbrk(0));
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
  free(probe);
}

void PrepareThreadHeap() {
  void* probe = malloc(1);
  if (probe != nullptr && !InMainHeap(probe)) {
    madvise(reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(probe) & ~(kArenaHeap - 1)), kArenaHeap,
            MADV_HUGEPAGE);
  }
  free(probe);
}
#else
void PrepareHeap() {}
void PrepareThreadHeap() {}
#endif

}  // namespace barometer::base
