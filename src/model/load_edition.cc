// edition.yaml and the per-language folders.
#include <algorithm>
#include <functional>
#include <set>

#include "base/edit_distance.h"
#include "base/language_tag.h"
#include "base/tasks.h"
#include "model/load.h"
#include "model/numbers.h"
#include "model/text_visit.h"
#include "source/input.h"
#include "source/yaml_file.h"

namespace barometer::model {
namespace {

using base::JoinPath;
using source::LocOf;
using source::MapReader;

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ParseDate(const std::string& text, Date* date) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  int fields = std::sscanf(text.c_str(), "%d-%d-%d%c", &y, &m, &d, &extra);
  if (fields < 1 || fields > 3 || y < 1900 || y > 9999) return false;
  if (fields >= 2 && (m < 1 || m > 12)) return false;
  if (fields == 3 && (d < 1 || d > DaysInMonth(y, m))) return false;
  *date = {y, fields >= 2 ? m : 0, fields == 3 ? d : 0};
  return true;
}

LanguageEdition ReadLanguage(const std::string& code, const YAML::Node& node, const std::string& path,
                             base::Diagnostics& diags) {
  LanguageEdition lang;
  lang.code = code;
  lang.loc = LocOf(path, node);
  MapReader map(node, path, diags, "language '" + code + "'");
  lang.locale = map.String("locale", false).value_or("");
  lang.series = map.String("series", false).value_or("");
  lang.title = map.String("title", true).value_or("");
  lang.subtitle = map.String("subtitle", false).value_or("");
  lang.publisher = map.String("publisher", false).value_or("");
  lang.edition_notice = map.String("edition_notice", false).value_or("");
  lang.isbn = map.String("isbn", false).value_or("");
  lang.file = map.String("file", true).value_or("");
  lang.keywords = map.StringList("keywords", false).value_or(std::vector<std::string>{});
  if (!lang.file.empty() && (!source::IsPlainName(lang.file) || lang.file.size() < 5 ||
                             lang.file.compare(lang.file.size() - 4, 4, ".pdf") != 0)) {
    diags.Error(LocOf(path, node["file"]), "'file' must be a plain file name ending in .pdf",
                {"use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit; no '/'"});
    lang.file.clear();
  }
  return lang;
}

// The profile's labels, then labels.yaml's (optional: a language may use the profile's words throughout).
void LoadLabels(const base::FileSystem& fs, LanguageEdition& lang, base::Diagnostics& diags) {
  lang.labels = lang.profile.labels;
  lang.label_locs = lang.profile.label_locs;
  const std::string& path = lang.labels_file;
  if (!fs.Exists(path)) return;
  source::YamlFile file = source::LoadYaml(fs, path, diags);
  lang.labels_unreadable = !file.ok;
  if (!file.ok) return;
  if (!file.root.IsMap()) {
    diags.Error(LocOf(path, file.root), "labels must be a map of key: text");
    return;
  }
  for (const auto& entry : file.root) {
    auto text = source::ScalarString(entry.second, path, diags, "label '" + entry.first.Scalar() + "'");
    if (!text) continue;
    lang.labels[entry.first.Scalar()] = *text;
    lang.label_locs[entry.first.Scalar()] = LocOf(path, entry.first);
  }
}

// Gives each phrase in another language ([text]{lang=code}) the BCP 47 tag of its profile; a code without a
// profile is an error at the phrase. Only the profile's tag is read: the phrase is tagged, not hyphenated or set
// in that language's style, so its profile need not be complete.
void BindPhraseLanguages(const base::FileSystem& fs, const std::string& templates_dir, Edition& edition,
                         base::Diagnostics& diags) {
  std::map<std::string, std::optional<std::string>> tags;  // code -> tag; nullopt when it has none
  for (const LanguageEdition& lang : edition.languages) {
    if (!lang.profile.tag.empty()) tags[lang.code] = lang.profile.tag;
  }
  auto tag_of = [&](const std::string& code) -> std::optional<std::string> {
    auto known = tags.find(code);
    if (known != tags.end()) return known->second;
    std::optional<std::string> tag;
    const std::string path = ProfilePath(templates_dir, code);
    if (source::IsPlainName(code) && fs.Exists(path) &&
        source::CheckConfined(fs, templates_dir, path, "templates folder", diags)) {
      source::YamlFile file = source::LoadYaml(fs, path, diags);
      if (file.ok && file.root.IsMap() && file.root["tag"].IsScalar()) {
        tag = file.root["tag"].Scalar();
        if (!base::IsWellFormedLanguageTag(*tag)) {
          diags.Error(LocOf(path, file.root["tag"]), "'" + *tag + "' is not a well-formed BCP 47 language tag");
          tag.reset();
        }
      }
    }
    return tags[code] = tag;
  };
  auto bind = [&](RichText& text) {
    for (Span& span : text.spans) {
      if (span.language.empty()) continue;
      if (auto tag = tag_of(span.language)) {
        span.language_tag = *tag;
        continue;
      }
      std::string known;
      for (const std::string& name : fs.ListFiles(base::JoinPath(templates_dir, "languages"))) {
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0) {
          known += (known.empty() ? "" : ", ") + name.substr(0, name.size() - 5);
        }
      }
      diags.Error(span.loc,
                  "a phrase is marked as language '" + span.language + "', which has no profile (looked for " +
                      ProfilePath(templates_dir, span.language) + ")",
                  {known.empty() ? "add a profile with its 'tag:' to " + base::JoinPath(templates_dir, "languages")
                                 : "the languages with a profile: " + known});
      span.language.clear();
    }
  };
  for (LanguageEdition& lang : edition.languages) {
    for (Section& section : lang.sections) {
      bind(section.title);
      for (Block& block : section.blocks) ForEachText(block, bind);
      for (Footnote& note : section.footnotes) bind(note.text);
    }
  }
}

// `load(fs, diags)`, through the memo when the options have one; `key` names what `load` depends on besides the
// files it reads.
template <typename T>
T Parsed(const LoadOptions& options, const base::FileSystem& fs, const std::string& key, base::Diagnostics& diags,
         const std::function<T(const base::FileSystem&, base::Diagnostics&)>& load) {
  return options.memo ? options.memo->Get<T>(fs, key, diags, load) : load(fs, diags);
}

using Unreadable = bool;

// What every step of loading an edition reads through and reports into; every file is read through its folder,
// and none may lead out of it.
struct EditionLoad {
  const base::FileSystem& fs;
  const LoadOptions& options;
  base::Diagnostics& diags;
  std::string path;  ///< edition.yaml
  YAML::Node root;   ///< its contents

  bool Inside(const std::string& folder, const std::string& file_path, const char* what) const {
    return source::CheckConfined(fs, folder, file_path, what, diags);
  }
  bool InContent(const std::string& file_path) const {
    return Inside(options.content_dir, file_path, "content folder");
  }
  SourceLoc At(const char* key) const { return LocOf(path, root[key]); }
};

// A section file that a language lists, to be parsed with all the others (ParseSectionFiles).
struct SectionFile {
  std::string language;
  size_t index = 0;  ///< in the language's sections
  std::string path, id;
};

// The top of edition.yaml: ids, year, template, source language, publisher, date and the section list.
void ReadEditionHeader(const EditionLoad& load, MapReader& map, Edition& edition) {
  edition.root = load.options.content_dir;
  edition.id = map.String("edition", true).value_or("");
  edition.year = map.Integer("year", true).value_or(0);
  edition.template_name = map.String("template", true).value_or("");
  edition.source_language = map.String("source_language", true).value_or("");
  // The publisher's name as every language prints it, unless a language gives its own.
  edition.publisher = map.String("publisher", false).value_or("");
  edition.web = map.String("web", false).value_or("");
  if (auto date = map.String("publication_date", true)) {
    if (!ParseDate(*date, &edition.publication_date)) {
      load.diags.Error(load.At("publication_date"), "'publication_date' must be a real date written YYYY, YYYY-MM "
                                                    "or YYYY-MM-DD, not '" + *date + "'");
    }
  }
  edition.section_ids = map.StringList("sections", true).value_or(std::vector<std::string>{});
  std::set<std::string> seen;
  std::vector<std::string> plain;
  for (size_t i = 0; i < edition.section_ids.size(); ++i) {
    const std::string& id = edition.section_ids[i];
    const SourceLoc loc = LocOf(load.path, load.root["sections"][i]);
    if (!source::CheckPlainName(id, loc, "section id", load.diags)) continue;
    if (!seen.insert(id).second) load.diags.Error(loc, "section '" + id + "' is listed twice");
    plain.push_back(id);
  }
  edition.section_ids = std::move(plain);
  if (!edition.template_name.empty() &&
      !source::CheckPlainName(edition.template_name, load.At("template"), "template name", load.diags)) {
    edition.template_name.clear();
  }
}

// The language codes of `languages:` that are plain names; reports languages asked for that it lacks, and a
// source language that is none of them.
std::vector<std::string> LanguageCodes(const EditionLoad& load, const YAML::Node& languages, const Edition& edition) {
  std::vector<std::string> codes;
  for (const auto& entry : languages) {
    if (source::CheckPlainName(entry.first.Scalar(), LocOf(load.path, entry.first), "language code", load.diags)) {
      codes.push_back(entry.first.Scalar());
    }
  }
  YAML::Node languages_key;  // the caret goes under `languages:`, not under its first language
  for (const auto& entry : load.root) {
    if (entry.first.Scalar() == "languages") languages_key = entry.first;
  }
  std::string listed;
  for (const std::string& code : codes) listed += (listed.empty() ? "" : ", ") + code;
  for (const std::string& wanted : load.options.languages) {
    if (std::find(codes.begin(), codes.end(), wanted) == codes.end()) {
      load.diags.Error(LocOf(load.path, languages_key), "language '" + wanted + "' is not in edition.yaml",
                       {"the edition's languages: " + listed});
    }
  }
  if (std::find(codes.begin(), codes.end(), edition.source_language) == codes.end() &&
      !edition.source_language.empty()) {
    load.diags.Error(load.At("source_language"),
                     "source language '" + edition.source_language + "' is not among the languages");
  }
  return codes;
}

// The language's profile from the templates folder; reported when it has none.
void LoadProfile(const EditionLoad& load, const YAML::Node& key, LanguageEdition& lang) {
  const std::string& code = lang.code;
  const std::string profile_path = ProfilePath(load.options.templates_dir, code);
  if (!load.fs.Exists(profile_path)) {
    load.diags.Error(LocOf(load.path, key),
                     "language '" + code + "' has no language profile (looked for " + profile_path + ")",
                     {"copy a profile of templates/languages/ to " + profile_path +
                      " and fill in its tag, hyphenation dictionary (a Debian hyphen-* package), number style, "
                      "quotation marks, dates, alt-text phrases and labels"});
  } else if (!load.Inside(load.options.templates_dir, profile_path, "templates folder")) {
    // reported; the language has no usable profile
  } else if (auto profile = Parsed<std::optional<LanguageProfile>>(
                 load.options, load.fs, "profile\n" + load.options.templates_dir + "\n" + code, load.diags,
                 [&](const base::FileSystem& files, base::Diagnostics& said) {
                   return LoadLanguageProfile(files, load.options.templates_dir, code, said);
                 })) {
    lang.profile = std::move(*profile);
  }
}

// A place in `lang.sections` for each listed section, its file queued in `section_files`; a missing or refused
// file leaves an empty, unloaded section, so the languages' sections stay side by side for the checks. Warns about
// files in the folder that no section names: probably a typo in the list.
void ListSections(const EditionLoad& load, const Edition& edition, const std::string& dir, LanguageEdition& lang,
                  std::vector<SectionFile>& section_files) {
  for (const std::string& id : edition.section_ids) {
    const std::string section_path = JoinPath(dir, id + ".yaml");
    if (!load.fs.Exists(section_path)) {
      load.diags.Error(load.At("sections"),
                       "section '" + id + "' has no file " + section_path + " for language '" + lang.code + "'");
    }
    if (!load.fs.Exists(section_path) || !load.InContent(section_path)) {
      Section missing;
      missing.id = id;
      missing.file = section_path;
      missing.unreadable = true;
      lang.sections.push_back(std::move(missing));
      continue;
    }
    section_files.push_back({lang.code, lang.sections.size(), section_path, id});
    lang.sections.emplace_back();
  }
  std::set<std::string> known = {"figures.yaml", "labels.yaml", "translation.lock"};
  for (const std::string& id : edition.section_ids) known.insert(id + ".yaml");
  for (const std::string& name : load.fs.ListFiles(dir)) {
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0 && !known.count(name)) {
      load.diags.Warning({JoinPath(dir, name), 0, 0}, "file is not a section of edition.yaml and is ignored");
    }
  }
}

// <lang>/translation.lock, when there is one: unit -> fingerprint.
void ReadTranslationLock(const EditionLoad& load, const std::string& dir, LanguageEdition& lang) {
  const std::string lock_path = JoinPath(dir, "translation.lock");
  if (!load.fs.Exists(lock_path) || !load.InContent(lock_path)) return;
  source::YamlFile lock = source::LoadYaml(load.fs, lock_path, load.diags);
  if (!lock.ok) return;
  lang.translation_lock_file = lock_path;
  if (!lock.root.IsMap()) {
    load.diags.Error(LocOf(lock_path, lock.root), "translation.lock must be a map of unit: fingerprint");
    return;
  }
  for (const auto& unit : lock.root) {
    if (auto value = source::ScalarString(unit.second, lock_path, load.diags, "a fingerprint")) {
      lang.translation_lock[unit.first.Scalar()] = *value;
      lang.translation_lock_locs[unit.first.Scalar()] = LocOf(lock_path, unit.first);
    }
  }
}

// A figures.yaml (the specs, or a language's texts) when there is one, through the memo: its figures by id, and
// whether it could not be read (refused, or broken) so the checks say nothing more about it.
template <typename Figure>
void ReadFiguresFile(const EditionLoad& load, const std::string& what, const std::string& path,
                     std::map<std::string, Figure> (*read)(const base::FileSystem&, const std::string&,
                                                           base::Diagnostics&, bool*),
                     std::map<std::string, Figure>& figures, bool& unreadable) {
  if (!load.fs.Exists(path)) return;
  if (!load.InContent(path)) {
    unreadable = true;
    return;
  }
  auto parsed = Parsed<std::pair<std::map<std::string, Figure>, Unreadable>>(
      load.options, load.fs, what + "\n" + path, load.diags,
      [&](const base::FileSystem& files, base::Diagnostics& said) {
        Unreadable failed = false;
        auto loaded = read(files, path, said, &failed);
        return std::make_pair(std::move(loaded), failed);
      });
  figures = std::move(parsed.first);
  unreadable = parsed.second;
}

// One language of `languages:`: its metadata, profile, section list, translation lock, labels and figure texts.
// Its sections' files are only queued here.
LanguageEdition LoadLanguage(const EditionLoad& load, const Edition& edition, const YAML::Node& key,
                             const YAML::Node& value, std::vector<SectionFile>& section_files) {
  const std::string code = key.Scalar();
  LanguageEdition lang = ReadLanguage(code, value, load.path, load.diags);
  LoadProfile(load, key, lang);
  if (lang.locale.empty()) lang.locale = lang.profile.tag.empty() ? code : lang.profile.tag;
  if (lang.publisher.empty()) lang.publisher = edition.publisher;
  if (lang.publisher.empty()) {
    load.diags.Error(lang.loc, "language '" + code + "' has no publisher",
                     {"give 'publisher:' under the language, or once for all languages at the top of edition.yaml"});
  }
  const std::string dir = JoinPath(load.options.content_dir, code);
  ListSections(load, edition, dir, lang, section_files);
  ReadTranslationLock(load, dir, lang);
  lang.labels_file = JoinPath(dir, "labels.yaml");
  if (load.InContent(lang.labels_file)) {
    LoadLabels(load.fs, lang, load.diags);
  } else {
    lang.labels_unreadable = true;
  }
  ReadFiguresFile(load, "figure texts", JoinPath(dir, "figures.yaml"), &LoadFigureTexts, lang.figures,
                  lang.figures_unreadable);
  return lang;
}

// The section files are most of the content and independent of each other: parsed on the build's threads. Each
// parse reports into a sink of its own, added in file order, so what is said does not depend on the threads.
void ParseSectionFiles(const EditionLoad& load, const std::vector<SectionFile>& section_files, Edition& edition) {
  std::vector<Section> sections(section_files.size());
  std::vector<base::Diagnostics> said(section_files.size());
  base::MakeSinks(said, load.diags.warnings_as_errors());
  base::RunTasks(section_files.size(), load.options.jobs, [&](size_t i) {
    const SectionFile& job = section_files[i];
    sections[i] = Parsed<Section>(load.options, load.fs, "section\n" + job.path + "\n" + job.id, said[i],
                                  [&](const base::FileSystem& files, base::Diagnostics& sink) {
                                    return LoadSection(files, job.path, job.id, sink);
                                  });
  });
  base::AddInOrder(said, load.diags);
  for (size_t i = 0; i < section_files.size(); ++i) {
    for (LanguageEdition& lang : edition.languages) {
      if (lang.code == section_files[i].language) lang.sections[section_files[i].index] = std::move(sections[i]);
    }
  }
}

// Every language of `languages:` that the options ask for (the source language always), the source language
// first.
void LoadLanguages(const EditionLoad& load, const YAML::Node& languages, Edition& edition) {
  if (!languages.IsDefined()) return;  // reported as missing
  if (!languages.IsMap()) {
    load.diags.Error(LocOf(load.path, languages), "'languages' must be a map of language code: metadata");
    return;
  }
  const std::vector<std::string> codes = LanguageCodes(load, languages, edition);
  const std::vector<std::string>& asked = load.options.languages;
  std::vector<SectionFile> section_files;
  for (const auto& entry : languages) {
    const std::string code = entry.first.Scalar();
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) continue;  // not a plain name
    const bool wanted =
        asked.empty() || code == edition.source_language || std::find(asked.begin(), asked.end(), code) != asked.end();
    if (!wanted) continue;
    LanguageEdition lang = LoadLanguage(load, edition, entry.first, entry.second, section_files);
    if (code == edition.source_language) {
      edition.languages.insert(edition.languages.begin(), std::move(lang));
    } else {
      edition.languages.push_back(std::move(lang));
    }
  }
  ParseSectionFiles(load, section_files, edition);
}

// figures.yaml (the language-neutral figure specs) and the tables they name.
void LoadFiguresAndTables(const EditionLoad& load, Edition& edition) {
  const LoadOptions& options = load.options;
  ReadFiguresFile(load, "figure specs", JoinPath(options.content_dir, "figures.yaml"), &LoadFigureSpecs,
                  edition.figures, edition.figures_unreadable);
  for (const auto& [id, spec] : edition.figures) {
    if (spec.table.empty() || edition.tables.count(spec.table)) continue;
    const std::string table_path = JoinPath(JoinPath(options.content_dir, "tables"), spec.table + ".csv");
    if (!load.fs.Exists(table_path)) {
      load.diags.Error(spec.loc, "figure '" + id + "' names table '" + spec.table + "', but " + table_path +
                                     " does not exist");
      continue;
    }
    if (load.InContent(table_path)) {
      const std::string& name = spec.table;
      edition.tables[name] = Parsed<Table>(options, load.fs, "table\n" + table_path + "\n" + name, load.diags,
                                           [&](const base::FileSystem& files, base::Diagnostics& said) {
                                             return LoadTable(files, table_path, name, said);
                                           });
    } else {  // refused: an empty table whose file has an error, so the checks say nothing more about it
      Table& refused = edition.tables[spec.table];
      refused.name = spec.table;
      refused.path = table_path;
    }
  }
}

// The template edition.yaml names, from the templates folder.
void LoadEditionTemplate(const EditionLoad& load, Edition& edition) {
  if (edition.template_name.empty()) return;
  const std::string template_path = JoinPath(load.options.templates_dir, edition.template_name + ".yaml");
  if (!load.fs.Exists(template_path)) {
    load.diags.Error(load.At("template"), "template '" + edition.template_name + "' not found (looked for " +
                                              template_path + ")");
  } else if (load.Inside(load.options.templates_dir, template_path, "templates folder")) {
    edition.design = Parsed<Template>(load.options, load.fs, "template\n" + template_path, load.diags,
                                      [&](const base::FileSystem& files, base::Diagnostics& said) {
                                        return LoadTemplate(files, template_path, said);
                                      });
  }
}

}  // namespace

std::optional<Edition> LoadEdition(const base::FileSystem& fs, const LoadOptions& options, base::Diagnostics& diags) {
  EditionLoad load{fs, options, diags, JoinPath(options.content_dir, "edition.yaml"), {}};
  if (!load.InContent(load.path)) return std::nullopt;
  source::YamlFile file = source::LoadYaml(fs, load.path, diags);
  if (!file.ok) return std::nullopt;
  load.root = file.root;
  MapReader map(file.root, load.path, diags, "edition");
  if (!map.ok()) return std::nullopt;

  Edition edition;
  ReadEditionHeader(load, map, edition);
  LoadLanguages(load, map.Node("languages", true), edition);
  LoadFiguresAndTables(load, edition);
  BindNumbers(edition, diags);
  BindPhraseLanguages(fs, options.templates_dir, edition, diags);
  LoadEditionTemplate(load, edition);
  return edition;
}

}  // namespace barometer::model
