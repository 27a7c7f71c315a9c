// What the command line checks about the folders and languages it is given before anything is built, so that a
// wrong folder or language is a usage error (exit status 2) saying what would be right, not a content error.
#pragma once

#include <string>
#include <vector>

#include "base/file_system.h"

namespace barometer::cli {

/// Throws UsageError unless `dir` is an edition folder (holds edition.yaml). The message names the nearest
/// folders that do: below it, or below its parent or grandparent (`content` -> `content/2021`,
/// `content/2021/en` -> `content/2021`).
void RequireEditionFolder(const std::string& dir);

/// The edition folders nearest to `dir`, as paths written from `dir` as given, nearest first, at most five.
std::vector<std::string> NearestEditionFolders(const std::string& dir);

/// The language codes of edition.yaml in `content_dir`, in its order; empty when it cannot be read (the build
/// then reports why, in compiler form).
std::vector<std::string> EditionLanguages(const base::FileSystem& fs, const std::string& content_dir);

/// edition.yaml's `source_language`, or "" when it cannot be read.
std::string EditionSourceLanguage(const base::FileSystem& fs, const std::string& content_dir);

/// The edition's codes for a `--lang` list such as "EN,da": case does not matter. Throws UsageError for an empty
/// item ("da,"), a code given twice, or one the edition lacks (naming the edition's languages). With `known`
/// empty, codes are checked for form only.
std::vector<std::string> ResolveLanguages(const std::string& list, const std::vector<std::string>& known,
                                          const std::string& edition_file);

/// Throws UsageError when the output folder is the content folder or inside it.
void RequireOutputOutside(const std::string& out_dir, const std::string& content_dir);

}  // namespace barometer::cli
