// Loading an edition folder into the typed model. Every problem is a diagnostic; the result is usable only when
// the sink has no errors afterwards.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/file_memo.h"
#include "base/file_system.h"
#include "model/edition.h"

namespace barometer::model {

/// Every file is read from inside its folder: ids, language codes, table and template names are plain names
/// (source/input.h) and no symlink may lead out of the content or templates folder.
struct LoadOptions {
  std::string content_dir;    ///< e.g. "content/2021"
  std::string templates_dir;  ///< e.g. "templates"
  /// Languages to load; empty means all of edition.yaml. The source language is always loaded (checks need it).
  std::vector<std::string> languages;
  /// When set, each file's parse (sections, figure texts and specs, tables, language profiles, the template) is
  /// kept here and reused while the files it read are unchanged (`watch`).
  base::FileMemo* memo = nullptr;
  /// Threads the section files are parsed on (the calling thread among them).
  size_t jobs = 1;
};

/// Reads edition.yaml, the template, every language's sections, figure texts and labels, the figure specs and the
/// tables. Returns nullopt only when edition.yaml itself is unusable.
std::optional<Edition> LoadEdition(const base::FileSystem& fs, const LoadOptions& options, base::Diagnostics& diags);

/// Where the profile of language `code` lives: <templates_dir>/languages/<code>.yaml.
std::string ProfilePath(const std::string& templates_dir, const std::string& code);

/// Reads a language profile (README "Language profiles"). nullopt when the file is missing or unusable (reported;
/// a missing file is reported by the caller, which knows who asked for the language).
std::optional<LanguageProfile> LoadLanguageProfile(const base::FileSystem& fs, const std::string& templates_dir,
                                                   const std::string& code, base::Diagnostics& diags);

/// Reads a template file.
Template LoadTemplate(const base::FileSystem& fs, const std::string& path, base::Diagnostics& diags);

/// Reads a section file (one language).
Section LoadSection(const base::FileSystem& fs, const std::string& path, const std::string& expected_id,
                    base::Diagnostics& diags);

/// Reads a tidy CSV table (`indicator,series,category,value,n`; '#' lines are comments).
Table LoadTable(const base::FileSystem& fs, const std::string& path, const std::string& name,
                base::Diagnostics& diags);

/// Reads the language-neutral figures.yaml. `unreadable` (when given) tells whether the file could not be read or
/// parsed.
std::map<std::string, FigureSpec> LoadFigureSpecs(const base::FileSystem& fs, const std::string& path,
                                                  base::Diagnostics& diags, bool* unreadable = nullptr);

/// Reads one language's figures.yaml.
std::map<std::string, FigureText> LoadFigureTexts(const base::FileSystem& fs, const std::string& path,
                                                  base::Diagnostics& diags, bool* unreadable = nullptr);

/// Reads a language's hyphenation exceptions (the file its profile names under `hyphenation: exceptions`): one word
/// a line with a hyphen at each allowed break ("sund-heds-væsen"; a word without one is never broken), '#' lines are
/// comments. A missing, unreadable or too large file is reported at `path`, like any other input.
std::vector<std::string> LoadHyphenationExceptions(const base::FileSystem& fs, const std::string& path,
                                                   base::Diagnostics& diags);

}  // namespace barometer::model
