#include <cstdio>
#include <fstream>
#include <sstream>

#include "audit/accessibility.h"
#include "audit/reader_module.h"

namespace barometer::audit {

int RunCheckPdf(const std::vector<std::string>& paths) {
  int status = 0;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: error: cannot read the file\n", path.c_str());
      status = 3;
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    AccessibilityReport report = Readers().check_accessibility(bytes.str());
    for (const std::string& problem : report.problems) std::printf("%s: %s\n", path.c_str(), problem.c_str());
    std::printf("%s: %s: %d pages, %d structure elements, %d of %d painting operators tagged, %d artifacts\n",
                path.c_str(), report.problems.empty() ? "passes" : "FAILS", report.pages, report.elements,
                report.tagged_operators, report.painting_operators, report.artifact_operators);
    if (!report.problems.empty() && status == 0) status = 1;
  }
  return status;
}

}  // namespace barometer::audit
