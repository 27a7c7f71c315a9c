// Language profiles: templates/languages/<code>.yaml.
#include "base/language_tag.h"
#include "model/load.h"
#include "model/requirements.h"
#include "source/input.h"
#include "source/yaml_file.h"

namespace barometer::model {
namespace {

using source::LocOf;
using source::MapReader;

// A map of key: text into `out`, each key's place into `locs` (when given).
void ReadTextMap(const YAML::Node& node, const std::string& path, const std::string& what,
                 std::map<std::string, std::string>& out, std::map<std::string, SourceLoc>* locs,
                 base::Diagnostics& diags) {
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    diags.Error(LocOf(path, node), "'" + what + "' must be a map of key: text");
    return;
  }
  for (const auto& entry : node) {
    auto text = source::ScalarString(entry.second, path, diags, what + " '" + entry.first.Scalar() + "'");
    if (!text) continue;
    out[entry.first.Scalar()] = *text;
    if (locs) (*locs)[entry.first.Scalar()] = LocOf(path, entry.first);
  }
}

// The profile's hyphenation patterns, read whole like every other input (regular, limited, no symbolic link out of
// its folder), so libhyphen never opens a path and an in-memory build needs no dictionary on disk. An absolute path
// names a file of a Debian hyphen-* package; a plain name, a file beside the profile.
void ReadDictionary(const base::FileSystem& fs, const std::string& templates_dir, LanguageProfile& profile,
                    base::Diagnostics& diags) {
  const SourceLoc& loc = profile.dictionary_loc.line ? profile.dictionary_loc : profile.loc;
  std::string folder = base::DirName(profile.dictionary), what = "hyphenation dictionary's folder";
  if (profile.dictionary.front() != '/') {
    if (!source::CheckPlainName(profile.dictionary, loc, "hyphenation dictionary", diags)) return;
    folder = templates_dir;
    what = "templates folder";
    profile.dictionary = base::JoinPath(base::JoinPath(templates_dir, "languages"), profile.dictionary);
    if (!fs.Exists(profile.dictionary)) {
      diags.Error(loc, "hyphenation dictionary " + profile.dictionary + " does not exist",
                  {"put the patterns file beside the profile, or name a Debian hyphen-* package's file by its "
                   "absolute path"});
      return;
    }
  } else if (!fs.Exists(profile.dictionary)) {
    diags.Error(loc, "hyphenation dictionary '" + profile.dictionary + "' of language '" + profile.code +
                         "' is not installed",
                {"install the Debian package '" + profile.dictionary_package + "' (apt-get install " +
                 profile.dictionary_package + ") and add it to the package list in scripts/setup"});
    return;
  }
  if (!source::CheckConfined(fs, folder, profile.dictionary, what, diags)) return;
  source::ReadInput(fs, profile.dictionary, source::kMaxDictionaryBytes, diags, &profile.dictionary_patterns);
}

}  // namespace

std::string ProfilePath(const std::string& templates_dir, const std::string& code) {
  return base::JoinPath(base::JoinPath(templates_dir, "languages"), code + ".yaml");
}

std::optional<LanguageProfile> LoadLanguageProfile(const base::FileSystem& fs, const std::string& templates_dir,
                                                   const std::string& code, base::Diagnostics& diags) {
  LanguageProfile profile;
  profile.code = code;
  profile.file = ProfilePath(templates_dir, code);
  const std::string& path = profile.file;
  source::YamlFile file = source::LoadYaml(fs, path, diags);
  if (!file.ok) return std::nullopt;
  MapReader map(file.root, path, diags, "language profile");
  if (!map.ok()) return std::nullopt;
  profile.loc = map.loc();
  profile.tag = map.String("tag", true).value_or(code);
  if (file.root["tag"].IsDefined() && !base::IsWellFormedLanguageTag(profile.tag)) {
    diags.Error(LocOf(path, file.root["tag"]), "'" + profile.tag + "' is not a well-formed BCP 47 language tag",
                {"write language-REGION as in 'da-DK' or 'en-GB' (RFC 5646); it becomes the PDF's /Lang"});
  }
  if (map.Bool("stub", false).value_or(false)) {
    diags.Error(LocOf(path, file.root["stub"]),
                "language profile is a stub made by 'barometer new-language'; it still holds another language's "
                "settings",
                {"set its tag, hyphenation dictionary and package, numbers, quotes, dates, phrases and labels, then "
                 "delete the line 'stub: true'"});
  }

  if (YAML::Node node = map.Node("hyphenation", true); node.IsDefined()) {
    MapReader hyphenation(node, path, diags, "hyphenation");
    profile.dictionary = hyphenation.String("dictionary", true).value_or("");
    profile.dictionary_loc = LocOf(path, node["dictionary"]);
    profile.dictionary_package = hyphenation.String("package", true).value_or("");
    if (!profile.dictionary.empty()) ReadDictionary(fs, templates_dir, profile, diags);
    profile.min_before = hyphenation.Integer("min_before", true).value_or(2);
    profile.min_after = hyphenation.Integer("min_after", true).value_or(3);
    for (auto [key, letters] : {std::pair{"min_before", profile.min_before}, {"min_after", profile.min_after}}) {
      if (letters < 1 || letters > 9) {
        diags.Error(LocOf(path, node[key]), std::string("'") + key + "' must be between 1 and 9 letters");
      }
    }
    // The exception list lies beside the profile, read like every other input (plain name, confined, limited).
    if (auto name = hyphenation.String("exceptions", false)) {
      const SourceLoc loc = LocOf(path, node["exceptions"]);
      const std::string folder = base::JoinPath(templates_dir, "languages");
      if (source::CheckPlainName(*name, loc, "hyphenation exceptions file", diags)) {
        profile.exceptions_file = base::JoinPath(folder, *name);
        if (!fs.Exists(profile.exceptions_file)) {
          diags.Error(loc, "hyphenation exceptions file " + profile.exceptions_file + " does not exist",
                      {"create it (one word a line, a hyphen at each allowed break) or remove 'exceptions'"});
        } else if (source::CheckConfined(fs, templates_dir, profile.exceptions_file, "templates folder", diags)) {
          profile.hyphenation_exceptions = LoadHyphenationExceptions(fs, profile.exceptions_file, diags);
        }
      }
    }
  }
  if (YAML::Node node = map.Node("numbers", true); node.IsDefined()) {
    MapReader numbers(node, path, diags, "numbers");
    base::NumberStyle& style = profile.numbers;
    style.decimal_mark = numbers.String("decimal", true).value_or(style.decimal_mark);
    style.thousands_mark = numbers.String("group", true).value_or(style.thousands_mark);
    style.group_min_digits = numbers.Integer("group_min_digits", true).value_or(style.group_min_digits);
    style.percent_sign = numbers.String("percent", true).value_or(style.percent_sign);
    style.percent_separator = numbers.String("percent_space", true).value_or(style.percent_separator);
    if (style.decimal_mark == style.thousands_mark) {
      diags.Error(LocOf(path, node["group"]), "the group separator must differ from the decimal mark");
    }
  }
  if (YAML::Node node = map.Node("quotes", true); node.IsDefined()) {
    MapReader quotes(node, path, diags, "quotes");
    profile.quote_open = quotes.String("open", true).value_or("");
    profile.quote_close = quotes.String("close", true).value_or("");
  }
  if (YAML::Node node = map.Node("dates", true); node.IsDefined()) {
    MapReader dates(node, path, diags, "dates");
    profile.months = dates.StringList("months", true).value_or(std::vector<std::string>{});
    if (node["months"].IsDefined() && profile.months.size() != 12) {
      diags.Error(LocOf(path, node["months"]), "'months' must name the 12 months, January first; found " +
                                                   std::to_string(profile.months.size()));
    }
    profile.date_day = dates.String("day", true).value_or("{year}");
    profile.date_month = dates.String("month", true).value_or("{year}");
    profile.date_year = dates.String("year", true).value_or("{year}");
  }
  ReadTextMap(map.Node("phrases", true), path, "phrase", profile.phrases, nullptr, diags);
  if (file.root["phrases"].IsMap()) {
    for (const std::string& key : RequiredPhrases()) {
      if (!profile.phrases.count(key)) diags.Error(LocOf(path, file.root["phrases"]), "phrase '" + key + "' is missing");
    }
  }
  ReadTextMap(map.Node("labels", false), path, "label", profile.labels, &profile.label_locs, diags);
  return profile;
}

}  // namespace barometer::model
