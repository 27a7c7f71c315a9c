// Reading input files defensively: every file the build reads lies inside its folder (content, templates or
// fonts; no `..`, no absolute path, no symlink out), is a regular file (a FIFO would block the read), is no bigger
// than its limit (checked before reading), and is valid UTF-8 without NUL bytes. The limits are the README's
// "Limits" table; each is far above what a real edition needs and far below what would take the machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace barometer::source {

/// A YAML file: edition.yaml, a section, figure texts, labels, a translation lock, a template.
inline constexpr std::uintmax_t kMaxYamlFileBytes = 4u << 20;
/// A CSV table.
inline constexpr std::uintmax_t kMaxTableBytes = 50u << 20;
/// Rows of a CSV table (the 2021 edition's largest table has 36).
inline constexpr int kMaxTableRows = 100000;
/// A hyphenation dictionary (Debian's largest, hyph_de_DE.dic, has about 800 KB).
inline constexpr std::uintmax_t kMaxDictionaryBytes = 16u << 20;
/// A pinned font file (the manifest hashes it whole).
inline constexpr std::uintmax_t kMaxFontBytes = 64u << 20;
/// Nesting of maps and lists in a YAML file (the deepest file of the 2021 edition nests 6).
inline constexpr int kMaxYamlDepth = 32;
/// Values of a YAML file with every alias expanded where it is used (the 2021 edition: at most 507).
inline constexpr std::size_t kMaxYamlNodes = 100000;
/// One paragraph (or any one text) of a section, in bytes; the 2021 edition's longest has 925.
inline constexpr std::size_t kMaxTextBytes = 64u << 10;

/// Whether `name` may become part of a path: 1 to 100 ASCII letters, digits, '-', '_' or '.', starting with a
/// letter or digit (so never "..", never a '/', never hidden).
bool IsPlainName(const std::string& name);

/// Reports `name` at `loc` unless it is a plain name; `what` names it ("language code", "section id").
bool CheckPlainName(const std::string& name, const base::SourceLoc& loc, const std::string& what,
                    base::Diagnostics& diags);

/// Reports at `path` (and returns false) when it exists but, symlinks followed, lies outside `root`, the folder
/// the build found it through. `what` names the folder in the message ("content folder").
bool CheckConfined(const base::FileSystem& fs, const std::string& root, const std::string& path,
                   const std::string& what, base::Diagnostics& diags);

/// Reads an input file: a regular file of at most `max_bytes`. Reports a missing, unreadable, non-regular or
/// too large file at `path` and returns false.
bool ReadInput(const base::FileSystem& fs, const std::string& path, std::uintmax_t max_bytes,
               base::Diagnostics& diags, std::string* text);

/// Reports the first invalid UTF-8 sequence and the first NUL byte of `text` (the contents of `path`) at their
/// line and byte column; true when there is neither. A UTF-8 byte order mark at the start is allowed.
bool CheckUtf8(const std::string& path, const std::string& text, base::Diagnostics& diags);

/// A byte count for messages: "4 MB" and "64 KB" where exact, else "5242960 bytes".
std::string ByteSize(std::uintmax_t bytes);

}  // namespace barometer::source
