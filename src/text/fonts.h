// The pinned font set: an isolated fontconfig that sees only the files in fonts/, checked against
// fonts/manifest.txt, and a Pango context with fixed options so layout does not depend on the machine.
//
// The fontconfig contract:
// - What is loaded: the regular files of the fonts folder (not `manifest.txt`, not hidden files), added one by one
//   in name order to a configuration made from nothing (FcConfigCreate): no fonts.conf, no <dir>, no <cachedir>.
// - From where: only that folder, by path on the real disk; fontconfig and FreeType take no other source, so the
//   fonts are the one input not read through base::FileSystem. VerifyFontManifest reads the same files through
//   the FileSystem first (hash, confinement, size) and the build record hashes what it read.
// - Why not the system configuration: it would add the machine's fonts (a missing glyph would silently come from
//   another font, and differ between machines), apply the machine's hinting and substitution rules, and read and
//   write caches (~/.cache/fontconfig, or fonts/.cache in the repository). Files added one by one are never cached,
//   so the build writes nothing for fontconfig (and `check` writes nothing at all).
// - Threads: one configuration per fonts folder for the whole process, made on first use under a lock, set as
//   fontconfig's current configuration once and never changed, then only read. Cairo resolves some font
//   properties through the process-wide current configuration, so a thread must never set another one.
// - Pango objects are not thread-safe: each language makes its own FontSet (font map and context) on the main
//   thread and warms it there (driver/build.cc's TextTools) before its thread uses it alone.
#pragma once

#include <memory>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/template.h"

typedef struct _FcConfig FcConfig;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFontMap PangoFontMap;

namespace barometer::text {

/// Checks that every file of fonts/manifest.txt is present with its SHA-256, inside the folder, and a usable font
/// (whole table directory, FreeType opens it and loads a few glyphs). Reports missing, changed or broken files.
/// Returns the checked file names.
std::vector<std::string> VerifyFontManifest(const base::FileSystem& fs, const std::string& fonts_dir,
                                            base::Diagnostics& diags);

/// Makes the process's font configuration for `fonts_dir` (see the contract above) ahead of the first FontSet:
/// it reads every font file, which may overlap other work. Throws std::runtime_error when fontconfig fails.
/// REQUIRES: VerifyFontManifest passed for `fonts_dir`.
void LoadFontConfig(const std::string& fonts_dir);

class FontSet {
 public:
  /// Builds the isolated font map over `fonts_dir`. Throws std::runtime_error when fontconfig fails.
  /// REQUIRES: VerifyFontManifest passed for `fonts_dir`.
  FontSet(const std::string& fonts_dir, const std::string& language);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  /// The context every layout of this language is made in (resolution 72, no hinting, unrounded positions).
  PangoContext* context() const { return context_; }
  /// The isolated fontconfig configuration (only the pinned files).
  FcConfig* config() const { return config_; }

 private:
  FcConfig* config_ = nullptr;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
};

/// The versions of the text libraries in use (Cairo, Pango, HarfBuzz, fontconfig), from their own version calls,
/// for the build record.
std::map<std::string, std::string> TextLibraryVersions();
/// Reports, at the template, each style whose family, weight and slant no pinned font has exactly: fontconfig would
/// quietly take the nearest face and Cairo fake the rest.
void CheckTemplateFaces(const FontSet& fonts, const model::Template& design, base::Diagnostics& diags);

}  // namespace barometer::text
