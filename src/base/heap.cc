#include "base/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <iterator>

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
// A new arena's first block lies this close to the start of its heap, past the heap's and the arena's own records.
constexpr uintptr_t kFreshArena = uintptr_t{64} << 10;

uintptr_t Address(const void* p) { return reinterpret_cast<uintptr_t>(p); }
void* Pointer(uintptr_t address) { return reinterpret_cast<void*>(address); }
bool InMainHeap(const void* p) { return Address(p) < Address(sbrk(0)); }

// Blocks that fill the start of a heap up to its first huge-page boundary, kept for the life of the process (so
// that a leak checker sees them as reachable). A huge page can back a 2 MiB stretch only while none of its 4 KiB
// pages is mapped, and the first page of that stretch was touched before it could be advised (by the blocks made
// before main, or by the arena's own record): without a filler, the first 2 MiB of every heap would be handed out
// first, and faulted in 512 times over. The filler's pages, but for its header, are never touched.
std::atomic<void*> fillers[256];
std::atomic<size_t> filler_count{0};

void Keep(void* filler) {
  const size_t slot = filler_count++;
  if (slot < std::size(fillers)) fillers[slot] = filler;
}

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
  const uintptr_t boundary = (Address(probe) + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t top = Address(sbrk(0));
  if (top <= boundary + kHugePage) {
    free(probe);
    return;
  }
  madvise(Pointer(boundary), top - boundary, MADV_HUGEPAGE);
  // The probe, cut back in place to end at the boundary, is the filler; what it gives back joins the free top.
  void* filler = realloc(probe, std::max<uintptr_t>(boundary - Address(probe), 1));
  Keep(filler);
}

void PrepareThreadHeap() {
  void* probe = malloc(1);
  if (probe == nullptr || InMainHeap(probe)) {
    free(probe);
    return;
  }
  const uintptr_t heap = Address(probe) & ~(kArenaHeap - 1);
  madvise(Pointer(heap), kArenaHeap, MADV_HUGEPAGE);
  // Only a heap whose first blocks are still at its start needs a filler (in one used before, it is there already).
  if (Address(probe) - heap < kFreshArena) {
    void* filler = malloc(heap + kHugePage - Address(probe));
    if (filler != nullptr && Address(filler) - heap < kFreshArena) {
      Keep(filler);
    } else {
      free(filler);  // taken from elsewhere than the heap's start: it would fill nothing
    }
  }
  free(probe);
}
#else
void PrepareHeap() {}
void PrepareThreadHeap() {}
#endif

}  // namespace barometer::base
