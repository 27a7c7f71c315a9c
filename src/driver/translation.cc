#include "driver/translation.h"

#include <map>
#include <optional>
#include <sstream>

#include "check/translation_status.h"
#include "model/load.h"
#include "source/input.h"
#include "source/yaml_file.h"

namespace barometer::driver {
namespace {

using check::UnitState;
using check::UnitStatus;

constexpr UnitState kStates[] = {UnitState::kTranslated, UnitState::kStale, UnitState::kMissing,
                                 UnitState::kUntranslated};

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Counts per file, in file order, and the totals.
struct Counts {
  std::map<std::string, std::map<UnitState, int>> by_file;
  std::map<UnitState, int> total;
  int units = 0;
};

Counts Count(const std::vector<UnitStatus>& units) {
  Counts counts;
  for (UnitState state : kStates) counts.total[state] = 0;
  for (const UnitStatus& unit : units) {
    for (UnitState state : kStates) counts.by_file[unit.file][state] += 0;
    ++counts.by_file[unit.file][unit.state];
    ++counts.total[unit.state];
    ++counts.units;
  }
  return counts;
}

std::string Place(const UnitStatus& unit) {
  if (unit.loc.line == 0) return unit.file;
  return unit.loc.file + ":" + std::to_string(unit.loc.line) + ":" + std::to_string(unit.loc.col);
}

std::string Report(const model::Edition& edition, const std::vector<const model::LanguageEdition*>& languages,
                   StatusFormat format) {
  std::ostringstream out;
  const std::string& source = edition.languages.front().code;
  if (format == StatusFormat::kJson) out << "{\"source\": " << JsonString(source) << ", \"languages\": [";
  if (format == StatusFormat::kMarkdown) out << "# Translation status of " << edition.root << "\n";
  bool first_language = true;
  for (const model::LanguageEdition* language : languages) {
    const std::vector<UnitStatus> units = check::TranslationStatus(edition, *language);
    const Counts counts = Count(units);
    if (format == StatusFormat::kJson) {
      out << (first_language ? "" : ", ") << "{\"code\": " << JsonString(language->code)
          << ", \"units\": " << counts.units;
      for (UnitState state : kStates) out << ", \"" << check::UnitStateName(state) << "\": " << counts.total.at(state);
      out << ", \"files\": [";
      bool first = true;
      for (const auto& [file, states] : counts.by_file) {
        out << (first ? "" : ", ") << "{\"file\": " << JsonString(file);
        for (UnitState state : kStates) out << ", \"" << check::UnitStateName(state) << "\": " << states.at(state);
        out << "}";
        first = false;
      }
      out << "], \"to_do\": [";
      first = true;
      for (const UnitStatus& unit : units) {
        if (unit.state == UnitState::kTranslated) continue;
        out << (first ? "" : ", ") << "{\"unit\": " << JsonString(unit.unit)
            << ", \"state\": " << JsonString(check::UnitStateName(unit.state)) << ", \"file\": "
            << JsonString(unit.loc.file.empty() ? unit.file : unit.loc.file) << ", \"line\": " << unit.loc.line
            << ", \"col\": " << unit.loc.col << "}";
        first = false;
      }
      out << "]}";
      first_language = false;
      continue;
    }
    const bool markdown = format == StatusFormat::kMarkdown;
    out << (markdown ? "\n## " : first_language ? "" : "\n") << language->code << ": " << counts.units
        << " units from '" << source << "': ";
    for (UnitState state : kStates) {
      out << counts.total.at(state) << " " << check::UnitStateName(state)
          << (state == UnitState::kUntranslated ? "\n" : ", ");
    }
    out << (markdown ? "\n| file | translated | stale | missing | untranslated |\n|---|---:|---:|---:|---:|\n" : "");
    for (const auto& [file, states] : counts.by_file) {
      if (markdown) {
        out << "| " << file;
        for (UnitState state : kStates) out << " | " << states.at(state);
        out << " |\n";
      } else {
        char line[512];
        std::snprintf(line, sizeof line, "  %-44s %4d translated %4d stale %4d missing %4d untranslated\n",
                      file.c_str(), states.at(UnitState::kTranslated), states.at(UnitState::kStale),
                      states.at(UnitState::kMissing), states.at(UnitState::kUntranslated));
        out << line;
      }
    }
    bool header = false;
    for (const UnitStatus& unit : units) {
      if (unit.state == UnitState::kTranslated) continue;
      if (!header && markdown) out << "\nTo do:\n\n";
      header = true;
      out << (markdown ? "- " : "  ") << check::UnitStateName(unit.state) << ": " << (markdown ? "`" : "")
          << unit.unit << (markdown ? "`" : "") << " (" << Place(unit) << ")\n";
    }
    first_language = false;
  }
  if (format == StatusFormat::kJson) out << "]}\n";
  return out.str();
}

bool ValidCode(const std::string& code) {
  if (code.size() < 2 || code.size() > 12 || code.front() == '-') return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// The lines of `text`, each with its newline.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  return lines;
}

int Indent(const std::string& line) {
  size_t at = line.find_first_not_of(' ');
  return at == std::string::npos ? -1 : static_cast<int>(at);
}

// edition.yaml with an entry for `code` after the last language, copied from `from`'s entry: the same keys, the
// file name made the new language's, the locale left to the profile, a note on what to translate.
std::optional<std::string> WithLanguageEntry(const std::string& text, const YAML::Node& languages,
                                             const std::string& from, const std::string& code) {
  std::vector<std::string> lines = Lines(text);
  int entry_start = -1, entry_indent = -1;
  for (const auto& entry : languages) {
    if (entry.first.Scalar() == from) {
      entry_start = entry.first.Mark().line;
      entry_indent = entry.first.Mark().column;
    }
  }
  if (entry_start < 0) return std::nullopt;
  // An entry runs until the next line indented no deeper than its key.
  auto entry_end = [&](int start) {
    int line = start + 1;
    while (line < static_cast<int>(lines.size())) {
      int indent = Indent(lines[line]);
      bool comment = indent >= 0 && lines[line][indent] == '#';
      if (indent >= 0 && !comment && indent <= entry_indent) break;
      ++line;
    }
    while (line > start + 1 && Indent(lines[line - 1]) < 0) --line;  // not the blank lines after it
    return line;
  };
  int last_start = entry_start;
  for (const auto& entry : languages) last_start = std::max(last_start, entry.first.Mark().line);
  const int insert_at = entry_end(last_start);
  std::string entry = std::string(entry_indent, ' ') + code + ":\n" + std::string(entry_indent + 2, ' ') +
                      "# Scaffolded by 'barometer new-language' from '" + from +
                      "': translate these, and set the ISBN.\n";
  for (int line = entry_start + 1; line < entry_end(entry_start); ++line) {
    std::string copy = lines[line];
    std::string trimmed = copy.substr(static_cast<size_t>(std::max(0, Indent(copy))));
    if (trimmed.rfind("locale:", 0) == 0) continue;  // the new language's profile gives its tag
    if (trimmed.rfind("file:", 0) == 0) {
      const std::string old_suffix = "-" + from + ".pdf";
      size_t at = copy.find(old_suffix);
      if (at != std::string::npos) {
        copy.replace(at, old_suffix.size(), "-" + code + ".pdf");
      } else if ((at = copy.find(".pdf")) != std::string::npos) {
        copy.insert(at, "-" + code);
      }
    }
    if (trimmed.rfind("isbn:", 0) == 0) copy = std::string(static_cast<size_t>(Indent(copy)), ' ') + "isbn: \"\"\n";
    entry += copy;
  }
  lines.insert(lines.begin() + insert_at, entry);
  std::string out;
  for (const std::string& line : lines) out += line;
  return out;
}

// A profile stub from `from`'s profile: the loader refuses it until someone who knows the language has filled in
// what cannot be copied.
std::string ProfileStub(const std::string& from_profile, const std::string& from, const std::string& code) {
  std::string out = "# Stub made by 'barometer new-language' from " + from +
                    ".yaml. Everything below is still that language's: set the BCP 47 tag, the hyphenation\n"
                    "# dictionary and its Debian hyphen-* package (and an exceptions file, if any), the number style,\n"
                    "# quotation marks, dates, the alt-text phrases and the labels for '" +
                    code + "', then delete the line 'stub: true'.\nstub: true\n";
  for (const std::string& line : Lines(from_profile)) {
    if (line.rfind("tag:", 0) == 0) {
      out += "tag: " + code + "\n";
    } else if (line.find("  dictionary:") == 0) {
      out += "  dictionary: /usr/share/hyphen/hyph_" + code + ".dic\n";
    } else if (line.find("  package:") == 0) {
      out += "  package: hyphen-" + code + "\n";
    } else if (line.find("  exceptions:") == 0) {
      // The source language's exception words are no use to another; the new language starts without a list.
      out += "  # exceptions: " + code + ".hyphenation.txt   # words the patterns break badly, when there are any\n";
    } else {
      out += line;
    }
  }
  return out;
}

}  // namespace

Outcome TranslationStatusReport(const base::FileSystem& fs, const BuildOptions& options, StatusFormat format,
                                std::string* report, base::Diagnostics& diags) {
  model::LoadOptions load{options.content_dir, options.templates_dir, options.languages};
  std::optional<model::Edition> edition = model::LoadEdition(fs, load, diags);
  if (!edition || edition->languages.empty()) return Outcome::kContentErrors;
  std::vector<const model::LanguageEdition*> languages;
  for (size_t i = 1; i < edition->languages.size(); ++i) languages.push_back(&edition->languages[i]);
  *report = Report(*edition, languages, format);
  return Outcome::kBuilt;
}

Outcome NewLanguage(base::FileSystem& fs, const BuildOptions& options, const std::string& code,
                    const std::string& from, base::Diagnostics& diags, std::vector<std::string>* written) {
  const std::string edition_path = base::JoinPath(options.content_dir, "edition.yaml");
  source::YamlFile file = source::LoadYaml(fs, edition_path, diags);
  if (!file.ok) return Outcome::kContentErrors;
  YAML::Node languages = file.root["languages"];
  if (!languages.IsMap()) {
    diags.Error(source::LocOf(edition_path, file.root), "edition.yaml has no 'languages' map to add to");
    return Outcome::kContentErrors;
  }
  const std::string target = base::JoinPath(options.content_dir, code);
  auto no_code = [&](const std::string& word) {
    diags.Error({edition_path, 0, 0}, "'" + word + "' is no language code: use lower-case letters, digits and '-', "
                                      "as in 'sv' or 'pt-br'");
  };
  if (!ValidCode(code)) {
    no_code(code);
  } else if (languages[code].IsDefined()) {
    diags.Error(source::LocOf(edition_path, languages), "language '" + code + "' is already in edition.yaml");
  } else if (!fs.ListFiles(target).empty()) {
    diags.Error({target, 0, 0}, "folder already exists; a new language starts from an empty folder");
  }
  if (!ValidCode(from)) {
    no_code(from);
  } else if (!languages[from].IsDefined()) {
    diags.Error(source::LocOf(edition_path, languages), "language '" + from + "' (--from) is not in edition.yaml");
  }
  if (diags.HasErrors()) return Outcome::kContentErrors;
  auto edition_text = WithLanguageEntry(file.text, languages, from, code);
  if (!edition_text) return Outcome::kContentErrors;

  // Everything is prepared in memory first, so a failure writes nothing.
  std::vector<std::pair<std::string, std::string>> outputs;
  const std::string from_dir = base::JoinPath(options.content_dir, from);
  for (const std::string& name : fs.ListFiles(from_dir)) {
    if (name.size() < 6 || name.compare(name.size() - 5, 5, ".yaml") != 0) continue;
    std::string text;
    const std::string path = base::JoinPath(from_dir, name);
    if (!source::CheckConfined(fs, options.content_dir, path, "content folder", diags) ||
        !source::ReadInput(fs, path, source::kMaxYamlFileBytes, diags, &text)) {
      continue;
    }
    outputs.push_back({base::JoinPath(target, name), "# Untranslated copy of ../" + from + "/" + name +
                                                         " for '" + code +
                                                         "': translate every text, keep every id and key.\n" +
                                                         text});
  }
  const std::string profile = model::ProfilePath(options.templates_dir, code);
  if (!fs.Exists(profile)) {
    std::string from_profile;
    const std::string from_path = model::ProfilePath(options.templates_dir, from);
    if (fs.Exists(from_path) && source::CheckConfined(fs, options.templates_dir, from_path, "templates folder", diags) &&
        source::ReadInput(fs, from_path, source::kMaxYamlFileBytes, diags, &from_profile)) {
      outputs.push_back({profile, ProfileStub(from_profile, from, code)});
    }
  }
  if (diags.HasErrors()) return Outcome::kContentErrors;
  fs.MakeDirs(target);
  for (const auto& [path, text] : outputs) {
    fs.WriteFile(path, text);
    written->push_back(path);
  }
  fs.WriteFile(edition_path + ".tmp", *edition_text);
  fs.Rename(edition_path + ".tmp", edition_path);
  written->push_back(edition_path);
  return Outcome::kBuilt;
}

}  // namespace barometer::driver
