#include "source/yaml_file.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <map>

#include "base/edit_distance.h"
#include "base/number_style.h"
#include "base/utf8.h"
#include "source/input.h"

namespace barometer::source {
namespace {

// Walks a parsed file once per node, however often aliases repeat it: yaml-cpp shares an aliased node, so nine
// levels of nine aliases are a small graph that expands to 387 million nodes. Counts the nodes with aliases
// expanded (what the loaders would walk), measures the nesting, finds aliases that contain themselves, and
// reports duplicate keys (yaml-cpp accepts those silently).
class StructureCheck {
 public:
  StructureCheck(const std::string& file, base::Diagnostics& diags) : file_(file), diags_(diags) {}

  /// False (after reporting) when the file is too deep, too big once expanded, or cyclic.
  bool Run(const YAML::Node& root) {
    Visit(root, 1);
    return ok_;
  }

 private:
  struct Stats {
    std::size_t nodes = 1;  ///< saturates just past the limit
    int height = 1;
    bool done = false;      ///< false while the node is being walked: meeting it again means a cycle
  };
  struct Seen {
    YAML::Node node;
    Stats stats;
  };

  Stats Visit(const YAML::Node& node, int level) {
    if (!node.IsMap() && !node.IsSequence()) {
      // Escapes ("\0", "\ud800") can make what the file's bytes could not.
      if (node.IsScalar() && node.Scalar().find('\0') != std::string::npos) {
        Error(LocOf(file_, node), "NUL character in text");
      } else if (node.IsScalar() && !base::IsValidUtf8(node.Scalar())) {
        Error(LocOf(file_, node), "escape makes invalid UTF-8 (a lone surrogate)");
      }
      return {};
    }
    if (level > kMaxYamlDepth) {
      if (!depth_reported_) Error(LocOf(file_, node), "nesting is deeper than " + std::to_string(kMaxYamlDepth) + " levels");
      depth_reported_ = true;
      return {};
    }
    // Identity: yaml-cpp gives no node address, so candidates are found by their mark, and Node::is decides.
    const YAML::Mark mark = node.Mark();
    auto& candidates = seen_[{mark.pos, node.IsMap()}];
    for (const Seen& s : candidates) {
      if (!s.node.is(node)) continue;
      if (!s.stats.done) {
        Error(LocOf(file_, node), "an alias refers to the node that contains it");
        return {kMaxYamlNodes + 1, 1, true};
      }
      if (level - 1 + s.stats.height > kMaxYamlDepth && !depth_reported_) {
        depth_reported_ = true;
        Error(LocOf(file_, node), "nesting is deeper than " + std::to_string(kMaxYamlDepth) +
                                     " levels (with aliases expanded)");
      }
      return s.stats;
    }
    candidates.push_back({node, {}});
    const size_t index = candidates.size() - 1;
    Stats stats;
    bool child_too_big = false;
    auto add = [&](const YAML::Node& child) {
      Stats c = Visit(child, level + 1);
      stats.nodes = std::min(kMaxYamlNodes + 1, stats.nodes + c.nodes);
      stats.height = std::max(stats.height, c.height + 1);
      child_too_big = child_too_big || c.nodes > kMaxYamlNodes;
    };
    if (node.IsMap()) {
      std::set<std::string> keys;
      for (const auto& entry : node) {
        if (entry.first.IsScalar() && !keys.insert(entry.first.Scalar()).second) {
          diags_.Error(LocOf(file_, entry.first), "duplicate key '" + entry.first.Scalar() + "'");
        }
        add(entry.first);
        add(entry.second);
      }
    } else {
      for (const auto& item : node) add(item);
    }
    if (stats.nodes > kMaxYamlNodes && !child_too_big) {
      Error(LocOf(file_, node), "the file expands to more than " + std::to_string(kMaxYamlNodes) +
                                   " values (aliases count each time they are used)");
    }
    stats.done = true;
    seen_[{mark.pos, node.IsMap()}][index].stats = stats;
    return stats;
  }

  void Error(const base::SourceLoc& loc, const std::string& message) {
    diags_.Error(loc, message);
    ok_ = false;
  }

  const std::string& file_;
  base::Diagnostics& diags_;
  std::map<std::pair<int, bool>, std::vector<Seen>> seen_;
  bool ok_ = true;
  bool depth_reported_ = false;
};

// Whether the leading white space of 1-based line `line` holds a tab (and so may be what broke the parse).
bool LineIndentedWithTab(const YamlFile& file, int line) {
  const std::string& text = file.text;
  for (size_t at = file.LineStart(line); at < text.size() && (text[at] == ' ' || text[at] == '\t'); ++at) {
    if (text[at] == '\t') return true;
  }
  return false;
}

std::string TypeName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "empty";
    case YAML::NodeType::Scalar: return "text";
    default: return "undefined";
  }
}

}  // namespace

base::SourceLoc LocOf(const std::string& file, const YAML::Node& node) {
  if (!node.IsDefined()) return {file, 0, 0};
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

YamlFile LoadYaml(const base::FileSystem& fs, const std::string& path, base::Diagnostics& diags) {
  YamlFile out;
  out.path = path;
  std::string& text = out.text;
  if (!ReadInput(fs, path, kMaxYamlFileBytes, diags, &text) || !CheckUtf8(path, text, diags)) return out;
  out.line_starts.push_back(0);
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    out.line_starts.push_back(at + 1);
  }
  try {
    out.root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    diags.Error({path, e.mark.line + 1, e.mark.column + 1},
                "nesting is deeper than " + std::to_string(kMaxYamlDepth) + " levels");
    return out;
  } catch (const YAML::ParserException& e) {
    std::vector<std::string> hints;
    if (LineIndentedWithTab(out, e.mark.line + 1)) hints.push_back("YAML indents with spaces; this line has a tab");
    diags.Add({base::Severity::kError, {path, e.mark.line + 1, e.mark.column + 1}, e.msg, hints, "yaml-syntax"});
    return out;
  }
  out.ok = StructureCheck(path, diags).Run(out.root);
  if (!out.ok) out.root = YAML::Node();
  return out;
}

size_t YamlFile::LineStart(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts.size()) return std::string::npos;
  return line_starts[line - 1];
}

bool YamlFile::InlineScalarStart(const YAML::Node& node, base::SourceLoc* start) const {
  *start = LocOf(path, node);
  if (!node.IsScalar() || start->line == 0 || node.Scalar().find('\n') != std::string::npos) return false;
  const size_t line_start = LineStart(start->line);
  if (line_start == std::string::npos) return false;
  size_t at = line_start + static_cast<size_t>(start->col - 1);
  if (at >= text.size()) return false;
  char first = text[at];
  if (first == '>' || first == '|') return false;
  if (first == '"' || first == '\'') {
    // Escapes inside quotes shift columns; only an escape-free quoted string maps one to one.
    size_t end = text.find(first, at + 1);
    if (end == std::string::npos || text.compare(at + 1, end - at - 1, node.Scalar()) != 0) return false;
    start->col += 1;
  }
  return true;
}

base::BytePlaces YamlFile::ScalarPositions(const YAML::Node& node) const {
  base::SourceLoc start;
  if (!InlineScalarStart(node, &start)) return BlockScalarPositions(node);
  base::BytePlaces positions;
  const std::string& value = node.Scalar();
  for (size_t i = 0; i < value.size(); ++i) positions.Add(start.line, start.col + static_cast<int>(i));
  return positions;
}

base::BytePlaces YamlFile::BlockScalarPositions(const YAML::Node& node) const {
  base::SourceLoc start = LocOf(path, node);
  if (!node.IsScalar() || start.line == 0) return {};
  size_t at = LineStart(start.line);
  if (at == std::string::npos) return {};
  at += static_cast<size_t>(start.col - 1);
  if (at >= text.size() || (text[at] != '>' && text[at] != '|')) return {};
  const bool folded = text[at] == '>';

  // The content lines: from the next line on, as long as they are indented at least as much as the first.
  struct Line {
    int number = 0;
    int indent = 0;
    std::string content;  ///< empty for a blank line
  };
  std::vector<Line> lines;
  int indent = -1;
  size_t pos = text.find('\n', at);
  for (int number = start.line + 1; pos != std::string::npos && pos + 1 < text.size(); ++number) {
    size_t begin = pos + 1;
    pos = text.find('\n', begin);
    std::string raw = text.substr(begin, (pos == std::string::npos ? text.size() : pos) - begin);
    size_t spaces = raw.find_first_not_of(' ');
    if (spaces == std::string::npos) {
      lines.push_back({number, 0, ""});
      continue;
    }
    if (indent < 0) indent = static_cast<int>(spaces);
    if (static_cast<int>(spaces) < indent) break;
    lines.push_back({number, indent, raw.substr(static_cast<size_t>(indent))});
  }
  while (!lines.empty() && lines.back().content.empty()) lines.pop_back();

  // Join them as YAML does (folded: a space between lines, a newline per blank line; literal: newlines), each
  // byte remembering where it was written.
  std::string value;
  base::BytePlaces positions;
  const Line* previous = nullptr;
  int blanks = 0;
  for (const Line& line : lines) {
    if (line.content.empty()) {
      ++blanks;
      continue;
    }
    if (previous) {
      const int end = previous->indent + static_cast<int>(previous->content.size()) + 1;
      std::string separator = folded && blanks == 0 ? " " : std::string(folded ? blanks : blanks + 1, '\n');
      value += separator;
      positions.AddRepeated(previous->number, end, separator.size());
    }
    for (size_t i = 0; i < line.content.size(); ++i) positions.Add(line.number, line.indent + static_cast<int>(i) + 1);
    value += line.content;
    previous = &line;
    blanks = 0;
  }
  std::string scalar = node.Scalar();
  while (!scalar.empty() && scalar.back() == '\n') scalar.pop_back();
  if (value != scalar) return {};  // more-indented lines or other forms this does not model
  return positions;
}

MapReader::MapReader(const YAML::Node& node, std::string file, base::Diagnostics& diags, std::string what)
    : node_(node), file_(std::move(file)), diags_(diags), what_(std::move(what)) {
  ok_ = node_.IsMap();
  if (!ok_) {
    diags_.Error(LocOf(file_, node_), what_ + " must be a map of keys, not " + TypeName(node_));
    finished_ = true;
  }
}

MapReader::~MapReader() { Finish(); }

bool MapReader::Has(const char* key) {
  known_.insert(key);
  return ok_ && node_[key].IsDefined() && !node_[key].IsNull();
}

YAML::Node MapReader::Node(const char* key, bool required) {
  known_.insert(key);
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node value = node_[key];
  if (!value.IsDefined() || value.IsNull()) {
    if (required) diags_.Error(loc(), what_ + " is missing required key '" + key + "'");
    return YAML::Node(YAML::NodeType::Undefined);
  }
  return value;
}

std::optional<std::string> MapReader::String(const char* key, bool required) {
  YAML::Node value = Node(key, required);
  if (!value.IsDefined()) return std::nullopt;
  return ScalarString(value, file_, diags_, "'" + std::string(key) + "'");
}

std::optional<double> MapReader::Number(const char* key, bool required) {
  YAML::Node value = Node(key, required);
  if (!value.IsDefined()) return std::nullopt;
  if (value.IsScalar()) {
    if (std::optional<double> number = base::ParseNumber(value.Scalar())) return number;
  }
  diags_.Error(LocOf(file_, value), "'" + std::string(key) + "' must be a number");
  return std::nullopt;
}

std::optional<int> MapReader::Integer(const char* key, bool required) {
  YAML::Node value = Node(key, required);
  if (!value.IsDefined()) return std::nullopt;
  if (value.IsScalar()) {
    if (std::optional<long> number = base::ParseWholeNumber(value.Scalar(), -1000000000, 1000000000)) {
      return static_cast<int>(*number);
    }
  }
  diags_.Error(LocOf(file_, value), "'" + std::string(key) + "' must be a whole number");
  return std::nullopt;
}

std::optional<bool> MapReader::Bool(const char* key, bool required) {
  YAML::Node value = Node(key, required);
  if (!value.IsDefined()) return std::nullopt;
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    if (text == "true" || text == "yes") return true;
    if (text == "false" || text == "no") return false;
  }
  diags_.Error(LocOf(file_, value), "'" + std::string(key) + "' must be true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::StringList(const char* key, bool required) {
  YAML::Node value = Node(key, required);
  if (!value.IsDefined()) return std::nullopt;
  if (!value.IsSequence()) {
    diags_.Error(LocOf(file_, value), "'" + std::string(key) + "' must be a list");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool good = true;
  for (const auto& item : value) {
    auto text = ScalarString(item, file_, diags_, "an item of '" + std::string(key) + "'");
    if (text) out.push_back(*text);
    else good = false;
  }
  if (!good) return std::nullopt;
  return out;
}

void MapReader::Allow(std::initializer_list<const char*> keys) {
  for (const char* key : keys) known_.insert(key);
}

void MapReader::Finish() {
  if (finished_) return;
  finished_ = true;
  std::vector<std::string> candidates(known_.begin(), known_.end());
  for (const auto& entry : node_) {
    std::string key = entry.first.Scalar();
    if (known_.count(key)) continue;
    diags_.Error(LocOf(file_, entry.first), "unknown key '" + key + "' in " + what_, base::DidYouMean(key, candidates));
  }
}

std::optional<std::string> ScalarString(const YAML::Node& node, const std::string& file, base::Diagnostics& diags,
                                        const std::string& what) {
  if (node.IsScalar()) return node.Scalar();
  diags.Error(LocOf(file, node), what + " must be text, not " + TypeName(node));
  return std::nullopt;
}

}  // namespace barometer::source
