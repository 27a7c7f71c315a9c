#include "audit/diff.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <stdexcept>
#include <thread>

#include "audit/pdf_pages.h"
#include "audit/reader_module.h"
#include "audit/word_diff.h"
#include "audit/workbook_cells.h"

namespace barometer::audit {
namespace {

constexpr const char* kRecord = "build-info.json";

// An export of the figure stage: figures/<language>/<figure>.<csv|json|png|svg>.
struct ExportName {
  std::string language, stem, extension;
  int number = 0;
};

bool ParseExport(const std::string& path, ExportName* name) {
  static const std::regex pattern(R"(figures/([^/]+)/(([^/]*?)(\d+))\.(csv|json|png|svg))");
  std::smatch match;
  if (!std::regex_match(path, match, pattern)) return false;
  name->language = match[1];
  name->stem = match[2];
  name->number = std::stoi(match[4]);
  name->extension = match[5];
  return true;
}

nlohmann::json ParseRecord(const std::string& text, const std::string& name) {
  try {
    nlohmann::json record = nlohmann::json::parse(text);
    if (!record.is_object()) throw std::runtime_error("not a JSON object");
    return record;
  } catch (const std::exception& e) {
    throw std::runtime_error(name + ": not a readable build record (" + e.what() + ")");
  }
}

nlohmann::json ParseRecord(const OutputSet& set) {
  auto found = set.files.find(kRecord);
  if (found == set.files.end()) return nlohmann::json::object();
  return ParseRecord(found->second, set.name + "/" + kRecord);
}

// Where a figure's values come from, from a build record.
struct FigureSource {
  std::string id, table;
  std::map<std::pair<std::string, std::string>, int> lines;  ///< (category, series) -> table line
};

std::map<int, FigureSource> FigureSources(const nlohmann::json& record, const std::string& name) {
  std::map<int, FigureSource> sources;
  if (!record.contains("figures")) return sources;
  try {
    for (const auto& [id, figure] : record.at("figures").items()) {
      FigureSource& source = sources[figure.at("number").get<int>()];
      source.id = id;
      source.table = figure.value("table", "");
      if (!figure.contains("rows")) continue;
      for (const auto& row : figure.at("rows")) {
        source.lines[{row.at("category").get<std::string>(), row.at("series").get<std::string>()}] =
            row.at("line").get<int>();
      }
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(name + "/" + kRecord + ": unexpected figure entry (" + e.what() + ")");
  }
  return sources;
}

// One value of a figure's JSON sidecar export.
struct ExportRow {
  std::string category_label, series_label;
  std::optional<double> value;
  std::optional<int> n;
};

// The values of a figure's JSON sidecar by (category, series) id, drawn or not.
std::map<std::pair<std::string, std::string>, ExportRow> ReadExport(const std::string& text, const std::string& name) {
  std::map<std::pair<std::string, std::string>, ExportRow> rows;
  try {
    nlohmann::json figure = nlohmann::json::parse(text);
    if (!figure.contains("values")) return rows;  // a figure without numbers (the zones diagram)
    for (const nlohmann::json& value : figure.at("values")) {
      ExportRow row{value.value("category_label", ""), value.value("series_label", ""), std::nullopt, std::nullopt};
      if (value.contains("value") && value.at("value").is_number()) row.value = value.at("value").get<double>();
      if (value.contains("n") && value.at("n").is_number()) row.n = value.at("n").get<int>();
      rows[{value.at("category").get<std::string>(), value.at("series").get<std::string>()}] = row;
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(name + ": not a readable figure export (" + e.what() + ")");
  }
  return rows;
}

bool CompareExports(const std::string& path, const ExportName& name, const std::string& old_csv,
                    const std::string& new_csv, const OutputSet& old_set, const OutputSet& new_set,
                    const std::map<int, FigureSource>& old_sources, const std::map<int, FigureSource>& new_sources,
                    std::vector<ValueChange>* changes) {
  auto old_rows = ReadExport(old_csv, old_set.name + "/" + path);
  auto new_rows = ReadExport(new_csv, new_set.name + "/" + path);
  std::set<std::pair<std::string, std::string>> keys;
  for (const auto& [key, row] : old_rows) keys.insert(key);
  for (const auto& [key, row] : new_rows) keys.insert(key);
  bool found = false;
  for (const auto& key : keys) {
    auto old_row = old_rows.find(key);
    auto new_row = new_rows.find(key);
    ValueChange change;
    if (old_row != old_rows.end()) change.old_value = old_row->second.value, change.old_n = old_row->second.n;
    if (new_row != new_rows.end()) change.new_value = new_row->second.value, change.new_n = new_row->second.n;
    bool present_in_both = old_row != old_rows.end() && new_row != new_rows.end();
    if (present_in_both && change.old_value == change.new_value && change.old_n == change.new_n) continue;
    const ExportRow& shown = new_row != new_rows.end() ? new_row->second : old_row->second;
    // The line in the table of the build the value is in (the old one for a value that disappeared).
    const auto& sources = new_row != new_rows.end() ? new_sources : old_sources;
    change.language = name.language;
    change.number = name.number;
    change.figure = name.stem;
    change.category = key.first;
    change.series = key.second;
    change.category_label = shown.category_label;
    change.series_label = shown.series_label;
    auto source = sources.find(name.number);
    if (source != sources.end()) {
      change.figure = source->second.id;
      change.table = source->second.table;
      auto line = source->second.lines.find(key);
      if (line != source->second.lines.end()) change.line = line->second;
    }
    changes->push_back(change);
    found = true;
  }
  return found;
}

bool CompareWorkbooks(const std::string& path, const std::string& old_bytes, const std::string& new_bytes,
                      const OutputSet& old_set, const OutputSet& new_set, std::vector<CellChange>* changes) {
  std::vector<Sheet> old_sheets = Readers().read_workbook_cells(old_bytes, old_set.name + "/" + path);
  std::vector<Sheet> new_sheets = Readers().read_workbook_cells(new_bytes, new_set.name + "/" + path);
  // Sheets by name in the new workbook's order, then those only the old one has.
  std::vector<std::string> order;
  std::map<std::string, std::map<std::pair<int, int>, const Cell*>> old_cells, new_cells;
  for (const Sheet& sheet : new_sheets) {
    order.push_back(sheet.name);
    for (const Cell& cell : sheet.cells) new_cells[sheet.name][{cell.row, cell.column}] = &cell;
  }
  for (const Sheet& sheet : old_sheets) {
    if (!new_cells.count(sheet.name)) order.push_back(sheet.name);
    for (const Cell& cell : sheet.cells) old_cells[sheet.name][{cell.row, cell.column}] = &cell;
  }
  bool found = false;
  for (const std::string& sheet : order) {
    std::map<std::pair<int, int>, std::pair<const Cell*, const Cell*>> both;
    for (const auto& [at, cell] : old_cells[sheet]) both[at].first = cell;
    for (const auto& [at, cell] : new_cells[sheet]) both[at].second = cell;
    for (const auto& [at, pair] : both) {
      const auto& [old_cell, new_cell] = pair;
      if (old_cell && new_cell && old_cell->value == new_cell->value) continue;
      CellChange change{path, sheet, (new_cell ? new_cell : old_cell)->ref, std::nullopt, std::nullopt};
      if (old_cell) change.old_value = old_cell->value;
      if (new_cell) change.new_value = new_cell->value;
      changes->push_back(change);
      found = true;
    }
  }
  return found;
}

// Halves an image (2x2 box average) and keeps 16 levels per channel: a page thumbnail for the report, a tenth of
// the bytes of the rendering, and still legible enough to find the outlined change on the page.
Image Half(const Image& image) {
  Image half;
  half.width = std::max(1, image.width / 2);
  half.height = std::max(1, image.height / 2);
  half.pixels.resize(static_cast<size_t>(half.width) * half.height);
  for (int y = 0; y < half.height; ++y) {
    for (int x = 0; x < half.width; ++x) {
      uint32_t sum[4] = {0, 0, 0, 0};
      for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 2; ++dx) {
          int sx = std::min(image.width - 1, 2 * x + dx), sy = std::min(image.height - 1, 2 * y + dy);
          uint32_t p = image.pixels[static_cast<size_t>(sy) * image.width + sx];
          for (int c = 0; c < 4; ++c) sum[c] += (p >> (8 * c)) & 0xFF;
        }
      }
      uint32_t out = 0;
      for (int c = 0; c < 4; ++c) {
        uint32_t level = (sum[c] + 2) / 4 >> 4;
        out |= (level << 4 | level) << (8 * c);
      }
      half.pixels[static_cast<size_t>(y) * half.width + x] = out;
    }
  }
  return half;
}

bool ComparePdfs(const std::string& path, const std::string& old_bytes, const std::string& new_bytes,
                 const OutputSet& old_set, const OutputSet& new_set, const DiffOptions& options,
                 std::vector<PageChange>* changes) {
  const std::string old_name = old_set.name + "/" + path, new_name = new_set.name + "/" + path;
  // Only pages whose drawing differs are rendered (see PageDigests); the two PDFs are read on a thread each.
  const std::vector<PageDigest> old_digests = Readers().page_digests(old_bytes, old_name);
  const std::vector<PageDigest> new_digests = Readers().page_digests(new_bytes, new_name);
  std::vector<PageRead> wanted(std::max(old_digests.size(), new_digests.size()), PageRead::kTextAndPixels);
  for (size_t i = 0; i < std::min(old_digests.size(), new_digests.size()); ++i) {
    if (old_digests[i].fonts == new_digests[i].fonts) {
      wanted[i] = PageRead::kNothing;
    } else if (old_digests[i].drawing == new_digests[i].drawing) {
      wanted[i] = PageRead::kText;  // the same drawing in re-ordered font subsets: the same if the text is
    }
  }
  std::vector<PdfPage> old_pages, new_pages;
  auto read_both = [&] {
    std::string old_error;
    std::thread old_reader([&] {
      try {
        old_pages = Readers().read_pdf_pages(old_bytes, old_name, options.page_dpi, wanted);
      } catch (const std::exception& e) {
        old_error = e.what();
      }
    });
    try {
      new_pages = Readers().read_pdf_pages(new_bytes, new_name, options.page_dpi, wanted);
    } catch (...) {
      old_reader.join();
      throw;
    }
    old_reader.join();
    if (!old_error.empty()) throw std::runtime_error(old_error);
  };
  read_both();
  // A page read for its text alone whose text changed after all is rendered too.
  bool again = false;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i] == PageRead::kText && old_pages[i].text != new_pages[i].text) {
      wanted[i] = PageRead::kTextAndPixels;
      again = true;
    } else {
      wanted[i] = PageRead::kNothing;
    }
  }
  if (again) {
    std::vector<PdfPage> old_first = std::move(old_pages), new_first = std::move(new_pages);
    read_both();
    for (size_t i = 0; i < wanted.size(); ++i) {
      if (wanted[i] == PageRead::kNothing) old_pages[i] = std::move(old_first[i]), new_pages[i] = std::move(new_first[i]);
    }
  }
  bool found = false;
  const size_t count = std::max(old_pages.size(), new_pages.size());
  for (size_t i = 0; i < count; ++i) {
    PageChange change;
    change.pdf = path;
    change.page = static_cast<int>(i) + 1;
    change.removed = i >= new_pages.size();
    change.added = i >= old_pages.size();
    static const PdfPage kBlank;
    const PdfPage& old_page = change.added ? kBlank : old_pages[i];
    const PdfPage& new_page = change.removed ? kBlank : new_pages[i];
    change.pixels = ComparePixels(old_page.pixels, new_page.pixels);
    if (old_page.text != new_page.text) change.text = ChangedPassages(DiffWords(old_page.text, new_page.text), 6);
    if (!change.pixels.changed && change.text.empty() && !change.added && !change.removed) continue;
    if (options.thumbnails) {
      if (!change.added) change.old_thumbnail = EncodePng(Half(old_page.pixels));
      if (!change.removed) change.new_thumbnail = EncodePng(Half(new_page.pixels));
    }
    changes->push_back(std::move(change));
    found = true;
  }
  return found;
}

std::string Text(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// Differences of two build records, entry by entry (inputs, libraries, compiler, languages, profiles, dictionaries).
void CompareRecords(const nlohmann::json& old_record, const nlohmann::json& new_record,
                    std::vector<RecordChange>* changes) {
  auto compare_maps = [&](const std::string& prefix, const nlohmann::json& a, const nlohmann::json& b) {
    std::set<std::string> keys;
    if (a.is_object()) for (const auto& [key, value] : a.items()) keys.insert(key);
    if (b.is_object()) for (const auto& [key, value] : b.items()) keys.insert(key);
    for (const std::string& key : keys) {
      bool in_a = a.is_object() && a.contains(key), in_b = b.is_object() && b.contains(key);
      if (in_a && in_b && a.at(key) == b.at(key)) continue;
      RecordChange change{prefix + key, std::nullopt, std::nullopt};
      if (in_a) change.old_value = Text(a.at(key));
      if (in_b) change.new_value = Text(b.at(key));
      changes->push_back(change);
    }
  };
  auto part = [](const nlohmann::json& record, const char* key) -> const nlohmann::json& {
    static const nlohmann::json kEmpty = nlohmann::json::object();
    auto found = record.find(key);
    return found != record.end() && found->is_object() ? *found : kEmpty;
  };
  compare_maps("compiler ", part(old_record, "compiler"), part(new_record, "compiler"));
  compare_maps("library ", part(old_record, "libraries"), part(new_record, "libraries"));
  compare_maps("language profile ", part(old_record, "language_profiles"), part(new_record, "language_profiles"));
  compare_maps("hyphenation ", part(old_record, "hyphenation"), part(new_record, "hyphenation"));
  compare_maps("hyphenation exceptions ", part(old_record, "hyphenation_exceptions"),
               part(new_record, "hyphenation_exceptions"));
  // Inputs are matched by their path inside the content folder, so two copies of an edition in different places
  // compare file by file.
  auto rebased = [&](const nlohmann::json& record) {
    nlohmann::json inputs = nlohmann::json::object();
    const std::string content = part(record, "folders").value("content", "") + "/";
    if (!record.contains("inputs") || !record.at("inputs").is_object()) return inputs;
    for (const auto& [path, hash] : record.at("inputs").items()) {
      inputs[path.rfind(content, 0) == 0 ? "<content>/" + path.substr(content.size()) : path] = hash;
    }
    return inputs;
  };
  compare_maps("input ", rebased(old_record), rebased(new_record));
  const std::string new_content = part(new_record, "folders").value("content", "");
  const std::string old_content = part(old_record, "folders").value("content", "");
  for (RecordChange& change : *changes) {
    const std::string marker = "input <content>/";
    if (change.what.rfind(marker, 0) != 0) continue;
    const std::string& folder = change.new_value ? new_content : old_content;
    change.what = "input " + folder + "/" + change.what.substr(marker.size());
  }
  auto top = [](const nlohmann::json& record) {
    return nlohmann::json{{"languages", record.value("languages", nlohmann::json::array())},
                          {"edition", record.value("edition", "")}};
  };
  const nlohmann::json old_top = top(old_record), new_top = top(new_record);
  compare_maps("", old_top, new_top);
}

// A figure's PNG export: its changed pixels, added to `report` when there are any; whether there were.
bool CompareFigurePng(const std::string& path, const ExportName& name, const std::string& a, const std::string& b,
                      const OutputSet& old_set, const OutputSet& new_set,
                      const std::map<int, FigureSource>& new_sources, const DiffOptions& options,
                      DiffReport* report) {
  FigureChange change{name.language, name.stem, path, name.number, {}};
  auto source = new_sources.find(name.number);
  if (source != new_sources.end()) change.figure = source->second.id;
  change.pixels = ComparePixels(DecodePng(a, old_set.name + "/" + path), DecodePng(b, new_set.name + "/" + path));
  if (!change.pixels.changed) return false;
  report->figures.push_back(change);
  if (options.thumbnails) {
    report->old_images[path] = a;
    report->new_images[path] = b;
  }
  return true;
}

// An SVG tells the same as its PNG, a CSV the same as its JSON sidecar: their change is news (added to
// `unexplained`) only when the PNG or the JSON shows none.
void ExplainSidecars(const std::set<std::string>& paths, const OutputSet& old_set, const OutputSet& new_set,
                     const std::vector<ValueChange>& values, const std::set<std::string>& changed_drawings,
                     std::vector<std::string>& unexplained) {
  std::set<std::string> changed_values;
  for (const ValueChange& change : values) changed_values.insert(change.language + "/" + std::to_string(change.number));
  for (const std::string& path : paths) {
    ExportName name;
    if (!ParseExport(path, &name) || (name.extension != "svg" && name.extension != "csv")) continue;
    auto old_file = old_set.files.find(path);
    auto new_file = new_set.files.find(path);
    if (old_file == old_set.files.end() || new_file == new_set.files.end() || old_file->second == new_file->second) {
      continue;
    }
    const bool told = name.extension == "svg" ? changed_drawings.count(name.language + "/" + name.stem) > 0
                                              : changed_values.count(name.language + "/" + std::to_string(name.number)) > 0;
    if (!told) unexplained.push_back(path);
  }
}

}  // namespace

std::vector<RecordChange> CompareBuildRecords(const std::string& old_json, const std::string& old_name,
                                              const std::string& new_json, const std::string& new_name) {
  std::vector<RecordChange> changes;
  CompareRecords(ParseRecord(old_json, old_name), ParseRecord(new_json, new_name), &changes);
  return changes;
}

DiffReport Compare(const OutputSet& old_set, const OutputSet& new_set, const DiffOptions& options) {
  DiffReport report;
  report.old_name = old_set.name;
  report.new_name = new_set.name;
  report.page_dpi = options.page_dpi;
  const nlohmann::json old_record = ParseRecord(old_set), new_record = ParseRecord(new_set);
  const auto old_sources = FigureSources(old_record, old_set.name);
  const auto new_sources = FigureSources(new_record, new_set.name);

  std::set<std::string> paths;
  for (const auto& [path, bytes] : old_set.files) paths.insert(path);
  for (const auto& [path, bytes] : new_set.files) paths.insert(path);
  std::set<std::string> changed_drawings;  // language/stem of the figures whose PNG changed
  std::vector<std::string> unexplained;
  for (const std::string& path : paths) {
    auto old_file = old_set.files.find(path);
    auto new_file = new_set.files.find(path);
    if (old_file == old_set.files.end()) {
      report.files.push_back({path, FileChange::kAdded});
      continue;
    }
    if (new_file == new_set.files.end()) {
      report.files.push_back({path, FileChange::kRemoved});
      continue;
    }
    if (old_file->second == new_file->second) continue;
    const std::string& a = old_file->second;
    const std::string& b = new_file->second;
    ExportName name;
    bool explained = false;
    const bool is_export = ParseExport(path, &name);
    auto ends_with = [&](const char* suffix) {
      std::string s = suffix;
      return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
    };
    if (path == kRecord) {
      size_t before = report.record.size();
      CompareRecords(old_record, new_record, &report.record);
      explained = report.record.size() > before;
    } else if (is_export && name.extension == "json") {
      explained = CompareExports(path, name, a, b, old_set, new_set, old_sources, new_sources, &report.values);
    } else if (is_export && name.extension == "png") {
      explained = CompareFigurePng(path, name, a, b, old_set, new_set, new_sources, options, &report);
      if (explained) changed_drawings.insert(name.language + "/" + name.stem);
    } else if (is_export && (name.extension == "svg" || name.extension == "csv")) {
      continue;  // decided below, once every PNG and JSON export is compared
    } else if (ends_with(".xlsx")) {
      explained = CompareWorkbooks(path, a, b, old_set, new_set, &report.cells);
    } else if (ends_with(".pdf")) {
      explained = ComparePdfs(path, a, b, old_set, new_set, options, &report.pages);
    }
    if (!explained) unexplained.push_back(path);
  }
  ExplainSidecars(paths, old_set, new_set, report.values, changed_drawings, unexplained);
  std::sort(unexplained.begin(), unexplained.end());
  for (const std::string& path : unexplained) report.files.push_back({path, FileChange::kChanged});
  return report;
}

}  // namespace barometer::audit
