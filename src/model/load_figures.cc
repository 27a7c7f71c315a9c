// Indicator tables (CSV) and figure specs (YAML).
#include <set>

#include "base/edit_distance.h"
#include "base/number_style.h"
#include "model/load.h"
#include "source/input.h"
#include "source/yaml_file.h"

namespace barometer::model {
namespace {

using source::LocOf;
using source::MapReader;

struct Field {
  std::string text;
  int col = 1;
};

// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). False on an unterminated quote.
bool SplitCsvLine(const std::string& line, std::vector<Field>* fields) {
  fields->clear();
  size_t i = 0;
  while (true) {
    Field field;
    field.col = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.text += line[i++];
      }
    } else {
      while (i < line.size() && line[i] != ',') field.text += line[i++];
    }
    fields->push_back(field);
    if (i >= line.size()) return true;
    if (line[i] != ',') return false;
    ++i;
  }
}

bool IsId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace

const TableRow* Table::Find(const std::string& indicator, const std::string& series,
                            const std::string& category) const {
  for (const TableRow& row : rows) {
    if (row.indicator == indicator && row.series == series && row.category == category) return &row;
  }
  return nullptr;
}

Table LoadTable(const base::FileSystem& fs, const std::string& path, const std::string& name,
                base::Diagnostics& diags) {
  Table table;
  table.name = name;
  table.path = path;
  std::string text;
  if (!source::ReadInput(fs, path, source::kMaxTableBytes, diags, &text) || !source::CheckUtf8(path, text, diags)) {
    return table;
  }
  static const std::vector<std::string> kHeader = {"indicator", "series", "category", "value", "n"};
  bool header_seen = false;
  std::set<std::string> keys;
  size_t start = 0;
  int rows = 0;
  for (int line_no = 1; start < text.size(); ++line_no) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<Field> fields;
    if (!SplitCsvLine(line, &fields)) {
      diags.Error({path, line_no, 1}, "malformed CSV line (unbalanced quotes)");
      continue;
    }
    if (header_seen && ++rows > source::kMaxTableRows) {
      diags.Error({path, line_no, 1}, "table has more than " + std::to_string(source::kMaxTableRows) + " rows",
                  {"a figure draws a few dozen values; split the table or leave out what no figure draws"});
      break;
    }
    if (!header_seen) {
      header_seen = true;
      std::vector<std::string> names;
      for (const Field& f : fields) names.push_back(f.text);
      if (names != kHeader) diags.Error({path, line_no, 1}, "header must be exactly 'indicator,series,category,value,n'");
      continue;
    }
    if (fields.size() != kHeader.size()) {
      diags.Error({path, line_no, 1}, "expected 5 fields, found " + std::to_string(fields.size()));
      continue;
    }
    TableRow row;
    row.loc = {path, line_no, 1};
    row.indicator = fields[0].text;
    row.series = fields[1].text;
    row.category = fields[2].text;
    bool good = true;
    for (int k = 0; k < 3; ++k) {
      if (!IsId(fields[k].text)) {
        diags.Error({path, line_no, fields[k].col},
                    "'" + fields[k].text + "' is not an id (lower-case letters, digits, '-' and '_')");
        good = false;
      }
    }
    {
      const std::string& v = fields[3].text;
      const std::optional<double> value = base::ParseNumber(v);
      if (!value) {
        diags.Error({path, line_no, fields[3].col}, "value '" + v + "' is not a number (use '.' for decimals)");
        good = false;
      } else if (*value < 0 || *value > 100) {
        diags.Error({path, line_no, fields[3].col}, "value " + v + " is not a percentage between 0 and 100");
        good = false;
      }
      row.value = value.value_or(0);
    }
    {
      const std::string& v = fields[4].text;
      const std::optional<long> n = base::ParseWholeNumber(v, 1, 100000000);
      if (!n) {
        diags.Error({path, line_no, fields[4].col}, "n '" + v + "' must be a positive whole number");
        good = false;
      }
      row.n = static_cast<int>(n.value_or(0));
    }
    std::string key = row.indicator + "|" + row.series + "|" + row.category;
    if (good && !keys.insert(key).second) {
      diags.Error({path, line_no, 1}, "duplicate row for indicator '" + row.indicator + "', series '" + row.series +
                                          "', category '" + row.category + "'");
    }
    if (good) table.rows.push_back(row);
  }
  if (!header_seen) diags.Error({path, 0, 0}, "table is empty");
  return table;
}

std::map<std::string, FigureSpec> LoadFigureSpecs(const base::FileSystem& fs, const std::string& path,
                                                  base::Diagnostics& diags, bool* unreadable) {
  std::map<std::string, FigureSpec> specs;
  source::YamlFile file = source::LoadYaml(fs, path, diags);
  if (unreadable) *unreadable = !file.ok;
  if (!file.ok) return specs;
  if (!file.root.IsMap()) {
    diags.Error(LocOf(path, file.root), "figures.yaml must be a map of figure id: spec");
    return specs;
  }
  std::set<int> numbers;
  for (const auto& entry : file.root) {
    FigureSpec spec;
    spec.id = entry.first.Scalar();
    spec.loc = LocOf(path, entry.first);
    if (!source::CheckPlainName(spec.id, spec.loc, "figure id", diags)) continue;
    MapReader map(entry.second, path, diags, "figure '" + spec.id + "'");
    if (!map.ok()) continue;
    spec.number = map.Integer("number", true).value_or(0);
    if (spec.number > 0 && !numbers.insert(spec.number).second) {
      diags.Error(LocOf(path, entry.second["number"]), "figure number " + std::to_string(spec.number) + " is used twice");
    }
    if (auto kind = map.String("kind", true)) {
      if (!ParseChartKind(*kind, &spec.kind)) {
        diags.Error(LocOf(path, entry.second["kind"]), "unknown chart kind '" + *kind + "'",
                    base::DidYouMean(*kind, ChartKindNames()));
      }
    }
    const bool zones = spec.kind == ChartKind::kZones;
    spec.table = map.String("table", !zones).value_or("");
    if (!spec.table.empty() && !source::CheckPlainName(spec.table, LocOf(path, entry.second["table"]), "table name", diags)) {
      spec.table.clear();
    }
    spec.indicator = map.String("indicator", !zones).value_or("");
    spec.categories = map.StringList("categories", !zones).value_or(std::vector<std::string>{});
    spec.series = map.StringList("series", !zones).value_or(std::vector<std::string>{});
    spec.excluded = map.StringList("excluded", false).value_or(std::vector<std::string>{});
    spec.single_choice = map.Bool("single_choice", false).value_or(false);
    if (auto width = map.String("width", false)) {
      if (*width == "page") spec.page_width = true;
      else if (*width != "column") diags.Error(LocOf(path, entry.second["width"]), "width must be 'column' or 'page'");
    }
    YAML::Node base = map.Node("base_n", !zones);
    if (base.IsDefined() && base.IsMap()) {
      // One base per group: the groups of a figure are often asked of different numbers of workplaces.
      for (const auto& group : base) {
        const std::string id = group.first.Scalar();
        const long n = group.second.IsScalar()
                           ? base::ParseWholeNumber(group.second.Scalar(), 1, 1000000000).value_or(0)
                           : 0;
        if (n <= 0) {
          diags.Error(LocOf(path, group.second), "base_n of group '" + id + "' must be a positive whole number");
          continue;
        }
        spec.group_base_n.emplace_back(id, static_cast<int>(n));
      }
    } else if (base.IsDefined()) {
      spec.base_n = map.Integer("base_n", !zones).value_or(0);
    }
    spec.significant = map.StringList("significant", false).value_or(std::vector<std::string>{});
    spec.significant_overall = map.Bool("significant_overall", false).value_or(false);
    spec.show_series_name = map.Bool("show_series_name", false).value_or(true);
    YAML::Node pairs = map.Node("significant_pairs", false);
    if (pairs.IsDefined()) {
      bool good = pairs.IsSequence();
      for (size_t i = 0; good && i < pairs.size(); ++i) {
        const YAML::Node pair = pairs[i];
        if (!pair.IsSequence() || pair.size() != 2 || !pair[0].IsScalar() || !pair[1].IsScalar()) {
          diags.Error(LocOf(path, pair), "each significant pair must be a list of two series ids, e.g. [state, municipal]");
          continue;
        }
        spec.significant_pairs.emplace_back(pair[0].Scalar(), pair[1].Scalar());
      }
      if (!good) diags.Error(LocOf(path, pairs), "'significant_pairs' must be a list of pairs of series ids");
    }
    spec.highlight = map.StringList("highlight", false).value_or(std::vector<std::string>{});
    YAML::Node zone_node = map.Node("zones", zones);
    if (zone_node.IsDefined()) {
      if (!zone_node.IsMap()) {
        diags.Error(LocOf(path, zone_node), "'zones' must be a map of zone id: list of item ids");
      } else {
        for (const auto& zone : zone_node) {
          std::vector<std::string> items;
          if (!zone.second.IsSequence()) {
            diags.Error(LocOf(path, zone.second), "zone '" + zone.first.Scalar() + "' must be a list of item ids");
            continue;
          }
          for (const auto& item : zone.second) {
            if (auto id = source::ScalarString(item, path, diags, "a zone item")) items.push_back(*id);
          }
          spec.zone_order.push_back(zone.first.Scalar());
          spec.zones[zone.first.Scalar()] = items;
        }
      }
    }
    specs[spec.id] = spec;
  }
  return specs;
}

std::map<std::string, FigureText> LoadFigureTexts(const base::FileSystem& fs, const std::string& path,
                                                  base::Diagnostics& diags, bool* unreadable) {
  std::map<std::string, FigureText> texts;
  source::YamlFile file = source::LoadYaml(fs, path, diags);
  if (unreadable) *unreadable = !file.ok;
  if (!file.ok) return texts;
  if (!file.root.IsMap()) {
    diags.Error(LocOf(path, file.root), "figures.yaml must be a map of figure id: texts");
    return texts;
  }
  for (const auto& entry : file.root) {
    FigureText text;
    text.loc = LocOf(path, entry.first);
    MapReader map(entry.second, path, diags, "figure '" + entry.first.Scalar() + "'");
    if (!map.ok()) continue;
    text.title = map.String("title", true).value_or("");
    text.question = map.String("question", false).value_or("");
    text.population = map.String("population", false).value_or("");
    text.note = map.String("note", false).value_or("");
    text.alt = map.String("alt", false).value_or("");
    text.caption = map.String("caption", false).value_or("");
    text.source = map.String("source", false).value_or("");
    const YAML::Node& fields = entry.second;
    for (const char* field : {"title", "question", "population", "note", "alt", "caption", "source"}) {
      if (fields[field].IsDefined()) text.positions[field] = file.ScalarPositions(fields[field]);
    }
    YAML::Node labels = map.Node("labels", false);
    if (labels.IsDefined()) {
      if (!labels.IsMap()) {
        diags.Error(LocOf(path, labels), "'labels' must be a map of id: label");
      } else {
        for (const auto& label : labels) {
          if (auto value = source::ScalarString(label.second, path, diags, "label '" + label.first.Scalar() + "'")) {
            text.labels[label.first.Scalar()] = *value;
            text.label_locs[label.first.Scalar()] = LocOf(path, label.first);
          }
        }
      }
    }
    texts[entry.first.Scalar()] = text;
  }
  return texts;
}

}  // namespace barometer::model
