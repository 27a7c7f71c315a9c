#include "source/input.h"

#include "base/utf8.h"

namespace barometer::source {
namespace {

std::string Trimmed(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

bool IsPlainName(const std::string& name) {
  if (name.empty() || name.size() > 100) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '-' && c != '_' && c != '.'))) return false;
  }
  return true;
}

bool CheckPlainName(const std::string& name, const base::SourceLoc& loc, const std::string& what,
                    base::Diagnostics& diags) {
  if (IsPlainName(name)) return true;
  diags.Error(loc, what + " '" + name + "' is not a plain name",
              {"use 1 to 100 ASCII letters, digits, '-', '_' and '.', starting with a letter or digit; it becomes "
               "part of a file name, so no '/' and no '..'"});
  return false;
}

bool CheckConfined(const base::FileSystem& fs, const std::string& root, const std::string& path,
                   const std::string& what, base::Diagnostics& diags) {
  base::FileSystem::Info file = fs.Inspect(path);
  if (!file.exists) return true;  // the read reports it
  const std::string inside = Trimmed(fs.Inspect(root).real_path);
  const std::string real = Trimmed(file.real_path);
  if (!inside.empty() && real.size() > inside.size() && real.compare(0, inside.size(), inside) == 0 &&
      (inside == "/" || real[inside.size()] == '/')) {
    return true;
  }
  diags.Error({path, 0, 0}, "file leads outside the " + what + " " + root + " (to " + real + ")",
              {"the build reads only files inside the content, templates and fonts folders; replace the symbolic "
               "link by the file itself"});
  return false;
}

bool ReadInput(const base::FileSystem& fs, const std::string& path, std::uintmax_t max_bytes,
               base::Diagnostics& diags, std::string* text) {
  base::FileSystem::Info info = fs.Inspect(path);
  if (info.exists && !info.regular) {
    diags.Error({path, 0, 0}, "not a regular file (a folder, FIFO or device cannot be an input)");
    return false;
  }
  if (info.exists && info.size > max_bytes) {
    diags.Error({path, 0, 0}, "file is too large: " + ByteSize(info.size) + ", the limit is " + ByteSize(max_bytes));
    return false;
  }
  if (!fs.ReadFile(path, text)) {
    diags.Error({path, 0, 0}, "cannot read file");
    return false;
  }
  if (text->size() > max_bytes) {  // it grew since
    diags.Error({path, 0, 0}, "file is too large: " + ByteSize(text->size()) + ", the limit is " + ByteSize(max_bytes));
    return false;
  }
  return true;
}

bool CheckUtf8(const std::string& path, const std::string& text, base::Diagnostics& diags) {
  bool bad_utf8 = false, nul = false;
  int line = 1;
  size_t line_start = 0;
  size_t at = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (at < text.size() && !(bad_utf8 && nul)) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte > 0 && byte < 0x80) {  // ASCII, most of any file
      if (byte == '\n') {
        ++line;
        line_start = at + 1;
      }
      ++at;
      continue;
    }
    const int col = static_cast<int>(at - line_start) + 1;
    if (byte == 0) {
      if (!nul) diags.Error({path, line, col}, "NUL byte in text");
      nul = true;
      ++at;
      continue;
    }
    size_t length = base::Utf8SequenceLength(text, at);
    if (length == 0) {
      if (!bad_utf8) {
        diags.Error({path, line, col}, "invalid UTF-8 (the file must be saved as UTF-8)");
      }
      bad_utf8 = true;
      ++at;
      continue;
    }
    at += length;
  }
  return !bad_utf8 && !nul;
}

std::string ByteSize(std::uintmax_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace barometer::source
