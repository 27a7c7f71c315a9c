// The allocator's set-up for a batch run. Page faults are a large part of a short build's cost (each first touch of
// a 4 KiB page traps into the kernel, and on a virtual machine dearly); glibc's heaps, asked to grow in large steps
// and backed by transparent huge pages, take a few hundred faults where they took thousands.
#pragma once

namespace barometer::base {

/// Sets up the main thread's heap: grown in large steps, kept rather than trimmed, huge-page backed where the
/// kernel allows it. Called once, first thing in main; a hint only, so nothing fails when the kernel declines.
void PrepareHeap();

/// Asks for huge pages in the heap the calling thread allocates from (and, in a new one, keeps its first 2 MiB out of
/// use). Called at the start of each worker thread.
void PrepareThreadHeap();

}  // namespace barometer::base
