// barometer: the executable. Everything it does is in cli/commands.h, so that the tests can reach it too.
#include <string>
#include <vector>

#include "base/heap.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  barometer::base::PrepareHeap();
  return barometer::cli::Main(std::vector<std::string>(argv + 1, argv + argc));
}
