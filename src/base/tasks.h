// Running independent tasks on a few threads, with results that do not depend on which thread ran what.
#pragma once

#include <cstddef>
#include <functional>

namespace barometer::base {

/// Runs tasks 0..count-1 on at most `jobs` threads, the calling thread among them, each task once. Tasks write
/// only their own results, which the caller reads in task order, so what comes out does not depend on which thread
/// ran what. An exception leaves its task (and only it) unfinished; the first one, in task order, is thrown again
/// once every task has ended.
void RunTasks(size_t count, size_t jobs, const std::function<void(size_t)>& run);

}  // namespace barometer::base
