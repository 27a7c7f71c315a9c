#include "text/fonts.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <harfbuzz/hb.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "base/hash.h"
#include "source/input.h"

namespace barometer::text {
namespace {

std::uint32_t BigEndian(const std::string& bytes, size_t at, size_t width) {
  std::uint32_t value = 0;
  for (size_t k = 0; k < width; ++k) value = (value << 8) | static_cast<unsigned char>(bytes[at + k]);
  return value;
}

// Why `bytes` is not a whole OpenType/TrueType font, or "" when its table directory is sound: every table it
// lists lies inside the file, and the tables a font cannot do without are there. A truncated file fails here.
std::string SfntProblem(const std::string& bytes) {
  if (bytes.size() < 12) return "too short for a font";
  const std::uint32_t version = BigEndian(bytes, 0, 4);
  if (version != 0x00010000 && version != 0x4F54544F /* OTTO */ && version != 0x74727565 /* true */) {
    return "not an OpenType or TrueType font";
  }
  const std::uint32_t tables = BigEndian(bytes, 4, 2);
  if (tables == 0 || 12 + 16 * static_cast<size_t>(tables) > bytes.size()) return "its table directory is cut off";
  std::set<std::string> tags;
  for (size_t t = 0; t < tables; ++t) {
    const size_t entry = 12 + 16 * t;
    const std::string tag = bytes.substr(entry, 4);
    const std::uint64_t offset = BigEndian(bytes, entry + 8, 4), length = BigEndian(bytes, entry + 12, 4);
    if (offset + length > bytes.size()) return "table '" + tag + "' runs past the end of the file (truncated?)";
    tags.insert(tag);
  }
  for (const char* needed : {"cmap", "head", "hhea", "hmtx", "maxp", "name"}) {
    if (!tags.count(needed)) return std::string("table '") + needed + "' is missing";
  }
  if (!tags.count("glyf") && !tags.count("CFF ") && !tags.count("CFF2")) return "it has no glyph outlines";
  return "";
}

// Why FreeType cannot use the font, or "": it opens, has a Unicode character map and can load the outlines of a
// few common characters.
std::string FreeTypeProblem(const std::string& bytes) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) return "FreeType cannot start";
  std::string problem;
  FT_Face face = nullptr;
  if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()),
                         0, &face) != 0) {
    problem = "FreeType cannot open it";
  } else if (face->num_glyphs <= 1 || FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
    problem = "it has no glyphs for Unicode text";
  } else {
    for (FT_ULong c : {FT_ULong{'A'}, FT_ULong{'a'}, FT_ULong{'0'}, FT_ULong{'.'}}) {
      const FT_UInt glyph = FT_Get_Char_Index(face, c);
      if (glyph == 0 || FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE) != 0) {
        problem = std::string("FreeType cannot load its glyph for '") + static_cast<char>(c) + "'";
        break;
      }
    }
  }
  if (face) FT_Done_Face(face);
  FT_Done_FreeType(library);
  return problem;
}

}  // namespace

std::vector<std::string> VerifyFontManifest(const base::FileSystem& fs, const std::string& fonts_dir,
                                            base::Diagnostics& diags) {
  const std::string manifest = base::JoinPath(fonts_dir, "manifest.txt");
  std::string text;
  std::vector<std::string> files;
  if (!fs.Exists(manifest)) {
    diags.Error({manifest, 0, 0}, "font manifest not found");
    return files;
  }
  if (!source::CheckConfined(fs, fonts_dir, manifest, "fonts folder", diags) ||
      !source::ReadInput(fs, manifest, source::kMaxYamlFileBytes, diags, &text)) {
    return files;
  }
  std::istringstream lines(text);
  std::string line;
  for (int line_no = 1; std::getline(lines, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string sum, file, package, source_path;
    fields >> sum >> file >> package >> source_path;
    if (sum.size() != 64 || file.empty()) {
      diags.Error({manifest, line_no, 1}, "expected 'sha256 file package source' on each line");
      continue;
    }
    std::string bytes;
    const std::string path = base::JoinPath(fonts_dir, file);
    if (!source::CheckPlainName(file, {manifest, line_no, 67}, "font file name", diags)) continue;
    if (!fs.Exists(path)) {
      std::vector<std::string> hints;
      if (!package.empty() && !source_path.empty()) {
        hints.push_back("copy " + source_path + " of the Debian package '" + package + "' to " + path +
                        " (scripts/setup installs the package and copies every font the manifest lists)");
      }
      diags.Error({manifest, line_no, 67}, "font file " + path + " is missing", hints);
      continue;
    }
    if (!source::CheckConfined(fs, fonts_dir, path, "fonts folder", diags) ||
        !source::ReadInput(fs, path, source::kMaxFontBytes, diags, &bytes)) {
      continue;
    }
    if (base::Sha256Hex(bytes) != sum) {
      diags.Error({manifest, line_no, 1}, "font file " + path + " does not match its SHA-256");
      continue;
    }
    // The hash only says the file is the one the manifest names; the manifest may name a broken file.
    std::string problem = SfntProblem(bytes);
    if (problem.empty()) problem = FreeTypeProblem(bytes);
    if (!problem.empty()) {
      diags.Error({manifest, line_no, 67}, "font file " + path + " is not a usable font: " + problem);
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
  // File by file, not the folder: fontconfig keeps a cache per folder and would write it somewhere (`check` writes
  // nothing, and a cache keyed on a folder's date can outlive a font replaced in place). Scanning the pinned
  // files each run takes a few milliseconds. The order is the folder scan's: by name.
  FcConfig* config = FcConfigCreate();
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(fonts_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name[0] != '.' && name != "manifest.txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  // A file that is no font is skipped, as a folder scan would; VerifyFontManifest has judged the pinned ones.
  for (const std::string& file : files) FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()));
  if (ec) {
    FcConfigDestroy(config);
    throw std::runtime_error("fontconfig cannot load the fonts in " + fonts_dir);
  }
  // Without this, something inside Pango still loads the system configuration and scans /usr/share/fonts.
  FcConfigSetCurrent(config);
  configs[fonts_dir] = config;
  return FcConfigReference(config);
}

}  // namespace

void LoadFontConfig(const std::string& fonts_dir) { FcConfigDestroy(SharedConfig(fonts_dir)); }

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

namespace barometer::text {

void CheckTemplateFaces(const FontSet& fonts, const model::Template& design, base::Diagnostics& diags) {
  struct Face {
    std::string family;
    int weight = 0;  ///< fontconfig's scale
    bool italic = false;
  };
  std::vector<Face> faces;
  if (FcFontSet* set = FcConfigGetFonts(fonts.config(), FcSetApplication)) {
    for (int i = 0; i < set->nfont; ++i) {
      int weight = 0, slant = 0;
      FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
      FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &slant);
      FcChar8* family = nullptr;
      for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &family) == FcResultMatch; ++k) {
        faces.push_back({reinterpret_cast<const char*>(family), weight, slant != FC_SLANT_ROMAN});
      }
    }
  }
  for (const auto& [name, style] : design.styles) {
    const int weight = FcWeightFromOpenType(style.weight);
    bool family_found = false, face_found = false;
    for (const Face& face : faces) {
      if (g_ascii_strcasecmp(face.family.c_str(), style.family.c_str()) != 0) continue;
      family_found = true;
      face_found = face_found || (face.weight == weight && face.italic == style.italic);
    }
    if (!family_found) {
      diags.Error(style.loc, "style '" + name + "' uses font family '" + style.family +
                                 "', which no font in the fonts folder has");
    } else if (!face_found) {
      diags.Error(style.loc, "style '" + name + "' asks for " + style.family + " weight " +
                                 std::to_string(style.weight) + (style.italic ? " italic" : "") +
                                 ", which no font in the fonts folder has (it would be faked or substituted)");
    }
  }
}

}  // namespace barometer::text

// Pango 1.50 matches each new font description (a family, style, size and language not seen before) against the
// font set on two threads it starts for the purpose, "[pango] FcFontSetMatch" and "[pango] FcFontSetSort"
// (pangofc-fontmap.c), so that an interactive program need not wait for fontconfig; whoever asked for the font then
// waits for them. A batch compiler gains nothing from the overlap: starting and ending some 140 such threads cost
// 4 % of the CPU time of a build of the 2021 edition. This definition takes the place of GLib's in the whole
// process (the executable's symbols come first, and it exports this one because libpangoft2 uses it) and runs
// those two on the calling thread, with the same results; GLib starts every other thread as before.
extern "C" GThread* g_thread_new(const gchar* name, GThreadFunc func, gpointer data) {
  if (name != nullptr && std::string_view(name).starts_with("[pango] FcFontSet")) {
    func(data);
    return g_thread_ref(g_thread_self());  // the caller lets go of it at once, as of a thread it started
  }
  GError* error = nullptr;
  GThread* thread = g_thread_try_new(name, func, data, &error);
  // As GLib's own g_thread_new: a thread that cannot be started ends the process.
  if (thread == nullptr) g_error("creating thread '%s': %s", name ? name : "", error->message);
  return thread;
}
