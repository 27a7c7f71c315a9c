#include "base/diagnostic_printer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "base/diagnostic_codes.h"
#include "base/utf8.h"

namespace barometer::base {
namespace {

// At most this many diagnostics of one file are printed; a table with thousands of bad rows says how many more.
constexpr size_t kMaxPrintedPerFile = 50;
// A source line longer than this is shown as a window around the column.
constexpr size_t kMaxExcerpt = 240;

// Length of the token that starts at a 0-based byte column: a word, a quoted string, or one character.
size_t TokenLength(const std::string& line, size_t start) {
  if (start >= line.size()) return 1;
  size_t end = start;
  while (end < line.size() && line[end] != ' ' && line[end] != ':' && line[end] != ',') ++end;
  return end > start ? end - start : 1;
}

// The line as a terminal should show it (control characters as their Unicode pictures, so a NUL cannot cut the
// output short; broken UTF-8 as U+FFFD), and the marker that puts a caret under byte `col`: one column per
// character before it, tabs kept so they line up.
void Visible(const std::string& line, size_t col, std::string* shown, std::string* marker) {
  for (size_t k = 0; k < line.size();) {
    const auto c = static_cast<unsigned char>(line[k]);
    const size_t length = Utf8SequenceLength(line, k);
    if (k < col) *marker += c == '\t' ? '\t' : ' ';
    if (length == 0) {
      *shown += "\uFFFD";
      ++k;
      continue;
    }
    if (c < 0x20 && c != '\t') {
      *shown += "\xE2\x90";
      *shown += static_cast<char>(0x80 + c);
    } else {
      shown->append(line, k, length);
    }
    k += length;
  }
  if (col > line.size()) marker->append(col - line.size(), ' ');
}

// How many characters the bytes [from, to) of `line` hold.
size_t Characters(const std::string& line, size_t from, size_t to) {
  size_t count = 0;
  for (size_t k = from; k < to && k < line.size(); ++count) k += std::max<size_t>(1, Utf8SequenceLength(line, k));
  return count;
}

// Each file read once, however many diagnostics point into it.
class SourceLines {
 public:
  explicit SourceLines(const FileSystem& fs) : fs_(fs) {}

  /// Line `number` (1-based) of `file`; false when the file cannot be read or is shorter.
  bool Line(const std::string& file, int number, std::string* line) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      auto source = std::make_unique<Source>();
      source->readable = fs_.ReadFile(file, &source->text);
      if (source->readable) {
        source->starts.push_back(0);
        for (size_t i = 0; i < source->text.size(); ++i) {
          if (source->text[i] == '\n') source->starts.push_back(i + 1);
        }
      }
      it = files_.emplace(file, std::move(source)).first;
    }
    const Source& source = *it->second;
    const auto index = static_cast<size_t>(number - 1);
    if (!source.readable || index >= source.starts.size() || source.starts[index] >= source.text.size()) return false;
    size_t end = source.text.find('\n', source.starts[index]);
    if (end == std::string::npos) end = source.text.size();
    *line = source.text.substr(source.starts[index], end - source.starts[index]);
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }

 private:
  struct Source {
    bool readable = false;
    std::string text;
    std::vector<size_t> starts;  ///< byte offset of each line
  };
  const FileSystem& fs_;
  std::map<std::string, std::unique_ptr<Source>> files_;
};

// ANSI escapes, or nothing when colour is off.
struct Paint {
  bool on;
  std::string operator()(const char* escape, const std::string& text) const {
    return on ? std::string("\033[") + escape + "m" + text + "\033[0m" : text;
  }
};
constexpr char kBold[] = "1", kRed[] = "1;31", kMagenta[] = "1;35", kGreen[] = "1;32", kCyan[] = "1;36";

std::string Format(const Diagnostic& d, SourceLines& sources, bool colour) {
  Paint paint{colour};
  std::ostringstream out;
  std::string place = d.loc.file;
  if (d.loc.line > 0) place += ':' + std::to_string(d.loc.line) + ':' + std::to_string(d.loc.col > 0 ? d.loc.col : 1);
  out << paint(kBold, place + ":") << ' '
      << (d.severity == Severity::kError ? paint(kRed, "error:") : paint(kMagenta, "warning:")) << ' ' << d.message
      << '\n';
  std::string line;
  if (d.loc.line > 0 && sources.Line(d.loc.file, d.loc.line, &line)) {
    size_t col = d.loc.col > 0 ? static_cast<size_t>(d.loc.col - 1) : 0;
    if (line.size() > kMaxExcerpt) {  // a window around the column, cut at character boundaries
      size_t from = col > kMaxExcerpt / 2 ? col - kMaxExcerpt / 2 : 0;
      while (from > 0 && (line[from] & 0xC0) == 0x80) --from;
      size_t to = std::min(line.size(), from + kMaxExcerpt);
      while (to < line.size() && (line[to] & 0xC0) == 0x80) ++to;
      std::string window = (from > 0 ? "..." : "") + line.substr(from, to - from) + (to < line.size() ? "..." : "");
      col = col - from + (from > 0 ? 3 : 0);
      line = window;
    }
    std::string number = std::to_string(d.loc.line);
    std::string pad(number.size(), ' ');
    std::string shown, marker;
    Visible(line, col, &shown, &marker);
    out << "   " << number << " | " << shown << '\n';
    const size_t token = std::max<size_t>(1, Characters(line, col, col + TokenLength(line, col)));
    out << "   " << pad << " | " << marker << paint(kGreen, '^' + std::string(token - 1, '~')) << '\n';
  }
  for (const std::string& hint : d.hints) out << paint(kCyan, "hint:") << ' ' << hint << '\n';
  return out.str();
}

std::string Count(size_t errors, size_t warnings) {
  std::ostringstream count;
  if (errors > 0 || warnings == 0) count << errors << (errors == 1 ? " error" : " errors");
  if (errors > 0 && warnings > 0) count << ", ";
  if (warnings > 0) count << warnings << (warnings == 1 ? " warning" : " warnings");
  return count.str();
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d, const FileSystem& fs, bool colour) {
  SourceLines sources(fs);
  return Format(d, sources, colour);
}

std::string FormatDiagnostics(const Diagnostics& diagnostics, const FileSystem& fs, bool colour) {
  std::string out;
  SourceLines sources(fs);
  size_t errors = 0, warnings = 0;
  const std::vector<Diagnostic> sorted = diagnostics.Sorted();
  for (size_t i = 0; i < sorted.size();) {
    // One file's diagnostics are together (sorted by file first).
    size_t end = i;
    while (end < sorted.size() && sorted[end].loc.file == sorted[i].loc.file) ++end;
    size_t unprinted_errors = 0, unprinted_warnings = 0;
    for (size_t k = i; k < end; ++k) {
      const bool error = sorted[k].severity == Severity::kError;
      (error ? errors : warnings)++;
      if (k - i < kMaxPrintedPerFile) {
        out += Format(sorted[k], sources, colour);
      } else {
        (error ? unprinted_errors : unprinted_warnings)++;
      }
    }
    if (unprinted_errors + unprinted_warnings > 0) {
      out += sorted[i].loc.file + ": " + Count(unprinted_errors, unprinted_warnings) + " more in this file\n";
    }
    i = end;
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
  SourceLines sources(fs);
  for (const Diagnostic& d : diagnostics.Sorted()) {
    std::string place = "null", end = "null", column = "null";
    if (d.loc.line > 0) {
      int col = d.loc.col > 0 ? d.loc.col : 1;
      std::string line;
      size_t length = sources.Line(d.loc.file, d.loc.line, &line) ? TokenLength(line, static_cast<size_t>(col - 1)) : 1;
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
