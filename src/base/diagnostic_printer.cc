#include "base/diagnostic_printer.h"

#include <sstream>

namespace barometer::base {
namespace {

// Length of the token that starts at a 0-based byte column: a word, a quoted string, or one character.
size_t TokenLength(const std::string& line, size_t start) {
  if (start >= line.size()) return 1;
  size_t end = start;
  while (end < line.size() && line[end] != ' ' && line[end] != ':' && line[end] != ',') ++end;
  return end > start ? end - start : 1;
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d, const FileSystem& fs) {
  std::ostringstream out;
  out << d.loc.file;
  if (d.loc.line > 0) out << ':' << d.loc.line << ':' << (d.loc.col > 0 ? d.loc.col : 1);
  out << ": " << (d.severity == Severity::kError ? "error" : "warning") << ": " << d.message << '\n';
  if (d.loc.line > 0) {
    std::string text;
    if (fs.ReadFile(d.loc.file, &text)) {
      std::istringstream lines(text);
      std::string line;
      for (int i = 1; std::getline(lines, line); ++i) {
        if (i != d.loc.line) continue;
        std::string number = std::to_string(i);
        std::string pad(number.size(), ' ');
        out << "   " << number << " | " << line << '\n';
        size_t col = d.loc.col > 0 ? static_cast<size_t>(d.loc.col - 1) : 0;
        std::string marker(col, ' ');
        for (size_t k = 0; k < col && k < line.size(); ++k) {
          if (line[k] == '\t') marker[k] = '\t';
        }
        out << "   " << pad << " | " << marker << '^' << std::string(TokenLength(line, col) - 1, '~') << '\n';
        break;
      }
    }
  }
  for (const std::string& hint : d.hints) out << "hint: " << hint << '\n';
  return out.str();
}

std::string FormatDiagnostics(const Diagnostics& diagnostics, const FileSystem& fs) {
  std::string out;
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics.Sorted()) {
    out += FormatDiagnostic(d, fs);
    (d.severity == Severity::kError ? errors : warnings)++;
  }
  if (errors + warnings == 0) return out;
  std::ostringstream count;
  count << errors << (errors == 1 ? " error" : " errors");
  if (warnings > 0) count << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
  return out + count.str() + '\n';
}

}  // namespace barometer::base
