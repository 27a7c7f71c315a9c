#include "text/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <harfbuzz/hb.h>

#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "base/hash.h"

namespace barometer::text {

std::vector<std::string> VerifyFontManifest(const base::FileSystem& fs, const std::string& fonts_dir,
                                            base::Diagnostics& diags) {
  const std::string manifest = base::JoinPath(fonts_dir, "manifest.txt");
  std::string text;
  std::vector<std::string> files;
  if (!fs.ReadFile(manifest, &text)) {
    diags.Error({manifest, 0, 0}, "font manifest not found");
    return files;
  }
  std::istringstream lines(text);
  std::string line;
  for (int line_no = 1; std::getline(lines, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string sum, file;
    fields >> sum >> file;
    if (sum.size() != 64 || file.empty()) {
      diags.Error({manifest, line_no, 1}, "expected 'sha256 file package source' on each line");
      continue;
    }
    std::string bytes;
    const std::string path = base::JoinPath(fonts_dir, file);
    if (!fs.ReadFile(path, &bytes)) {
      diags.Error({manifest, line_no, 67}, "font file " + path + " is missing",
                  {"run 'make edition-2021' (or scripts/setup), which copies the pinned fonts into fonts/"});
      continue;
    }
    if (base::Sha256Hex(bytes) != sum) {
      diags.Error({manifest, line_no, 1}, "font file " + path + " does not match its SHA-256");
      continue;
    }
    files.push_back(file);
  }
  return files;
}

namespace {

// One fontconfig configuration per font folder for the whole process. Cairo resolves some font properties
// through fontconfig's *current* configuration, which is process-wide: if each language thread made and set
// its own, a thread could measure text while the other swaps the current configuration, and line breaks would
// differ between runs. So the configuration is made once, set current once, and shared (read-only) by all.
FcConfig* SharedConfig(const std::string& fonts_dir) {
  static std::mutex mutex;
  static std::map<std::string, FcConfig*> configs;
  std::lock_guard lock(mutex);
  auto it = configs.find(fonts_dir);
  if (it != configs.end()) return FcConfigReference(it->second);
  FcConfig* config = FcConfigCreate();
  const std::string cache = base::JoinPath(fonts_dir, ".cache");
  const std::string xml = "<fontconfig><cachedir>" + cache + "</cachedir></fontconfig>";
  if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()), FcTrue) ||
      !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(fonts_dir.c_str()))) {
    FcConfigDestroy(config);
    throw std::runtime_error("fontconfig cannot load the fonts in " + fonts_dir);
  }
  // Without this, something inside Pango still loads the system configuration and scans /usr/share/fonts.
  FcConfigSetCurrent(config);
  configs[fonts_dir] = config;
  return FcConfigReference(config);
}

}  // namespace

FontSet::FontSet(const std::string& fonts_dir, const std::string& language) {
  config_ = SharedConfig(fonts_dir);
  font_map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), config_);
  context_ = pango_font_map_create_context(font_map_);

  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context_, 72);
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_language(context_, pango_language_from_string(language.c_str()));
}

FontSet::~FontSet() {
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
  // The font map holds its own reference to the config.
  if (config_) FcConfigDestroy(config_);
}

std::map<std::string, std::string> TextLibraryVersions() {
  const int fc = FcGetVersion();  // 21401 for 2.14.1
  return {{"cairo", cairo_version_string()},
          {"pango", pango_version_string()},
          {"harfbuzz", hb_version_string()},
          {"fontconfig", std::to_string(fc / 10000) + "." + std::to_string(fc / 100 % 100) + "." +
                             std::to_string(fc % 100)}};
}

}  // namespace barometer::text
