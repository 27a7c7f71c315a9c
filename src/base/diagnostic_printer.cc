#include "base/diagnostic_printer.h"

#include <cstdio>
#include <sstream>

#include "base/diagnostic_codes.h"

namespace barometer::base {
namespace {

// Length of the token that starts at a 0-based byte column: a word, a quoted string, or one character.
size_t TokenLength(const std::string& line, size_t start) {
  if (start >= line.size()) return 1;
  size_t end = start;
  while (end < line.size() && line[end] != ' ' && line[end] != ':' && line[end] != ',') ++end;
  return end > start ? end - start : 1;
}

// The text of a 1-based line of a file, when the file can be read and has it.
bool SourceLine(const FileSystem& fs, const std::string& file, int wanted, std::string* line) {
  std::string text;
  if (wanted <= 0 || !fs.ReadFile(file, &text)) return false;
  std::istringstream lines(text);
  for (int i = 1; std::getline(lines, *line); ++i) {
    if (i == wanted) return true;
  }
  return false;
}

// ANSI escapes, or nothing when colour is off.
struct Paint {
  bool on;
  std::string operator()(const char* escape, const std::string& text) const {
    return on ? std::string("\033[") + escape + "m" + text + "\033[0m" : text;
  }
};
constexpr char kBold[] = "1", kRed[] = "1;31", kMagenta[] = "1;35", kGreen[] = "1;32", kCyan[] = "1;36";

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d, const FileSystem& fs, bool colour) {
  Paint paint{colour};
  std::ostringstream out;
  std::string place = d.loc.file;
  if (d.loc.line > 0) place += ':' + std::to_string(d.loc.line) + ':' + std::to_string(d.loc.col > 0 ? d.loc.col : 1);
  out << paint(kBold, place + ":") << ' '
      << (d.severity == Severity::kError ? paint(kRed, "error:") : paint(kMagenta, "warning:")) << ' ' << d.message
      << '\n';
  std::string line;
  if (SourceLine(fs, d.loc.file, d.loc.line, &line)) {
    std::string number = std::to_string(d.loc.line);
    std::string pad(number.size(), ' ');
    out << "   " << number << " | " << line << '\n';
    size_t col = d.loc.col > 0 ? static_cast<size_t>(d.loc.col - 1) : 0;
    std::string marker(col, ' ');
    for (size_t k = 0; k < col && k < line.size(); ++k) {
      if (line[k] == '\t') marker[k] = '\t';
    }
    out << "   " << pad << " | " << marker << paint(kGreen, '^' + std::string(TokenLength(line, col) - 1, '~'))
        << '\n';
  }
  for (const std::string& hint : d.hints) out << paint(kCyan, "hint:") << ' ' << hint << '\n';
  return out.str();
}

std::string FormatDiagnostics(const Diagnostics& diagnostics, const FileSystem& fs, bool colour) {
  std::string out;
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics.Sorted()) {
    out += FormatDiagnostic(d, fs, colour);
    (d.severity == Severity::kError ? errors : warnings)++;
  }
  if (errors + warnings == 0) return out;
  std::ostringstream count;
  count << errors << (errors == 1 ? " error" : " errors");
  if (warnings > 0) count << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
  return out + count.str() + '\n';
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);  // UTF-8 passes through as it is
        }
    }
  }
  return out + "\"";
}

std::string FormatDiagnosticsJson(const Diagnostics& diagnostics, const FileSystem& fs) {
  std::string out;
  for (const Diagnostic& d : diagnostics.Sorted()) {
    std::string place = "null", end = "null", column = "null";
    if (d.loc.line > 0) {
      int col = d.loc.col > 0 ? d.loc.col : 1;
      std::string line;
      size_t length = SourceLine(fs, d.loc.file, d.loc.line, &line) ? TokenLength(line, static_cast<size_t>(col - 1)) : 1;
      place = std::to_string(d.loc.line);
      column = std::to_string(col);
      end = "{\"line\":" + place + ",\"column\":" + std::to_string(col + static_cast<int>(length)) + "}";
    }
    std::string hints;
    for (const std::string& hint : d.hints) hints += (hints.empty() ? "" : ",") + JsonString(hint);
    out += "{\"severity\":" + JsonString(d.severity == Severity::kError ? "error" : "warning") +
           ",\"path\":" + JsonString(d.loc.file) + ",\"line\":" + place + ",\"column\":" + column + ",\"end\":" + end +
           ",\"message\":" + JsonString(d.message) + ",\"hints\":[" + hints + "],\"code\":" +
           JsonString(std::string(DiagnosticCode(d))) + "}\n";
  }
  return out;
}

}  // namespace barometer::base
