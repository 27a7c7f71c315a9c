// Running independent tasks on a few threads, with results that do not depend on which thread ran what.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "base/diagnostics.h"

namespace barometer::base {

/// Runs tasks 0..count-1 on at most `jobs` threads, the calling thread among them, each task once. Tasks write
/// only their own results, which the caller reads in task order, so what comes out does not depend on which thread
/// ran what. An exception leaves its task (and only it) unfinished; the first one, in task order, is thrown again
/// once every task has ended.
void RunTasks(size_t count, size_t jobs, const std::function<void(size_t)>& run);

/// Makes `sinks` as strict about warnings as `strict` says: one sink a task, for tasks that report from threads.
void MakeSinks(std::vector<Diagnostics>& sinks, bool strict);

/// The diagnostics of tasks that each reported into a sink of their own, added to `diags` in task order: said in
/// the same order whichever task finished first.
void AddInOrder(const std::vector<Diagnostics>& from, Diagnostics& diags);

}  // namespace barometer::base
