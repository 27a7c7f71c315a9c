#include "base/tasks.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

#include "base/heap.h"

namespace barometer::base {

void RunTasks(size_t count, size_t jobs, const std::function<void(size_t)>& run) {
  std::vector<std::exception_ptr> errors(count);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        run(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  for (size_t i = 1; i < std::min(jobs, count); ++i) {
    helpers.emplace_back([&] {
      PrepareThreadHeap();
      work();
    });
  }
  work();
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

void MakeSinks(std::vector<Diagnostics>& sinks, bool strict) {
  for (Diagnostics& sink : sinks) sink.SetWarningsAsErrors(strict);
}

void AddInOrder(const std::vector<Diagnostics>& from, Diagnostics& diags) {
  for (const Diagnostics& task : from) {
    for (const Diagnostic& d : task.Sorted()) diags.Add(d);
  }
}

}  // namespace barometer::base
