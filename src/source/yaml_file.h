// Reading YAML with every value's position kept, and strict map reading: unknown keys (with a "did you mean"),
// missing required keys, wrong types and duplicate keys all become diagnostics in compiler form.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/byte_places.h"
#include "base/diagnostics.h"
#include "base/file_system.h"

namespace barometer::source {

/// A parsed YAML file. `root` is null and `ok` false when the file is missing, not a regular file, too large, not
/// UTF-8, does not parse, nests too deep or expands (through aliases) to too many values; a diagnostic says why.
struct YamlFile {
  std::string path;
  std::string text;
  YAML::Node root;
  bool ok = false;
  /// Where each line of `text` starts (0-based line k at line_starts[k]), filled by LoadYaml as soon as the text
  /// is read: messages about a file of many thousand lines find their line without scanning from the top.
  std::vector<size_t> line_starts;

  /// The offset in `text` where 1-based line `line` starts, or std::string::npos past the end.
  size_t LineStart(int line) const;

  /// Where a scalar's text starts in the file and whether it is written on one line (plain or quoted), so that
  /// an offset into the value is also an offset into the line. Block scalars (`>-`, `|`) give false.
  bool InlineScalarStart(const YAML::Node& node, base::SourceLoc* start) const;
  /// Where each byte of a block scalar's value (`>-`, `|`) is written in the file, so that messages about a word
  /// in a long paragraph point at its line and column. Empty for other scalars and forms it cannot map.
  base::BytePlaces BlockScalarPositions(const YAML::Node& node) const;
  /// Where each byte of a scalar's value is written, for one-line and block scalars alike; empty when the form
  /// cannot be mapped (a quoted string with escapes, a multi-line plain scalar).
  base::BytePlaces ScalarPositions(const YAML::Node& node) const;
};

/// Reads and parses `path`, reporting syntax errors and duplicate keys (yaml-cpp accepts those silently).
YamlFile LoadYaml(const base::FileSystem& fs, const std::string& path, base::Diagnostics& diags);

/// The 1-based position of a node; the file alone when the node has no mark.
base::SourceLoc LocOf(const std::string& file, const YAML::Node& node);

/// Reads one YAML map strictly. Every key the caller asks for counts as known; Finish() (or the destructor)
/// reports the keys nobody asked for. Getters report missing required keys at the map's position and wrong types
/// at the value's position, and return nullopt in both cases.
class MapReader {
 public:
  /// `what` names the map in messages ("section", "case"). REQUIRES: `node` is defined.
  MapReader(const YAML::Node& node, std::string file, base::Diagnostics& diags, std::string what);
  ~MapReader();
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  /// False (after reporting) when the node is not a map; the getters then return nothing.
  bool ok() const { return ok_; }
  const std::string& file() const { return file_; }
  base::Diagnostics& diags() const { return diags_; }
  base::SourceLoc loc() const { return LocOf(file_, node_); }

  bool Has(const char* key);
  /// The value node, or an undefined node when absent (reported when `required`).
  YAML::Node Node(const char* key, bool required);
  std::optional<std::string> String(const char* key, bool required);
  std::optional<double> Number(const char* key, bool required);
  std::optional<int> Integer(const char* key, bool required);
  std::optional<bool> Bool(const char* key, bool required);
  /// A sequence of scalars.
  std::optional<std::vector<std::string>> StringList(const char* key, bool required);

  /// Declares keys that are allowed but read some other way (e.g. a block's kind key).
  void Allow(std::initializer_list<const char*> keys);
  /// Reports unknown keys once.
  void Finish();

 private:
  YAML::Node node_;
  std::string file_;
  base::Diagnostics& diags_;
  std::string what_;
  bool ok_ = false;
  bool finished_ = false;
  std::set<std::string> known_;
};

/// Reads a scalar as a string, reporting a non-scalar. Used for sequence items.
std::optional<std::string> ScalarString(const YAML::Node& node, const std::string& file, base::Diagnostics& diags,
                                        const std::string& what);

}  // namespace barometer::source
