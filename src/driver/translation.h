// The translators' commands: `barometer translation-status` (where each translation stands) and
// `barometer new-language` (a new language folder to translate, scaffolded from an existing language).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "driver/build.h"

namespace barometer::driver {

enum class StatusFormat { kText, kMarkdown, kJson };

/// Per translation (those of `options.languages`, else all) and per file: units translated, stale, missing and
/// untranslated, then the units that need work. kContentErrors only when the edition cannot be read at all.
Outcome TranslationStatusReport(const base::FileSystem& fs, const BuildOptions& options, StatusFormat format,
                                std::string* report, base::Diagnostics& diags);

/// Scaffolds language `code` from language `from`: a copy of its folder, every unit still in `from`'s words (so
/// the build refuses it until translated, and `--draft` marks it), an entry in edition.yaml and, when
/// templates/languages/<code>.yaml does not exist, a profile stub the loader refuses until it is filled in.
Outcome NewLanguage(base::FileSystem& fs, const BuildOptions& options, const std::string& code,
                    const std::string& from, base::Diagnostics& diags, std::vector<std::string>* written);

}  // namespace barometer::driver
