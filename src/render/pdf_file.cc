#include "render/pdf_file.h"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

#include "base/hash.h"
#include "base/number_style.h"
#include "base/utf8.h"

namespace barometer::render::pdf {
namespace {

constexpr size_t kUnwritten = static_cast<size_t>(-1);
constexpr size_t kObjectsPerStream = 100;

std::string Deflate(std::string_view data, int level) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), level) != Z_OK) {
    throw std::runtime_error("zlib could not compress a PDF stream");
  }
  out.resize(size);
  return out;
}

void AppendBigEndian(std::string& out, uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

}  // namespace

void AppendNumber(std::string& out, double value, int decimals) { base::AppendFixed(out, value, decimals); }

std::string Number(double value, int decimals) {
  std::string out;
  AppendNumber(out, value, decimals);
  return out;
}

std::string Name(std::string_view name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "/";
  for (unsigned char c : name) {
    const bool plain = c > 0x20 && c < 0x7F && std::string_view("#()<>[]{}/%").find(static_cast<char>(c)) ==
                                                    std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '#';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string ByteString(std::string_view bytes) {
  std::string out = "(";
  for (char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    if (c == '\r') {
      out += "\\r";
      continue;
    }
    out += c;
  }
  return out + ")";
}

namespace {

// The code points PDFDocEncoding gives bytes 0x80-0xA0 (PDF 1.7, Annex D); 0 where it has none.
constexpr char32_t kDocEncodingHigh[] = {
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
    0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
    0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0,      0x20AC};

// The PDFDocEncoding byte of a code point, or -1.
int DocEncodingByte(char32_t code) {
  if (code >= 0x20 && code < 0x7F) return static_cast<int>(code);
  if (code >= 0xA1 && code <= 0xFF && code != 0xAD) return static_cast<int>(code);
  for (int i = 0; i < 33; ++i) {
    if (kDocEncodingHigh[i] == code && code != 0) return 0x80 + i;
  }
  return -1;
}

}  // namespace

std::string TextString(std::string_view utf8) {
  const std::u32string codes = base::DecodeUtf8(utf8);
  // PDFDocEncoding where it holds every character (a byte each), else UTF-16BE (two or four).
  std::string bytes;
  for (char32_t code : codes) {
    const int byte = DocEncodingByte(code);
    if (byte < 0) {
      bytes.clear();
      break;
    }
    bytes += static_cast<char>(byte);
  }
  if (bytes.size() == codes.size()) return ByteString(bytes);
  return "<FEFF" + Utf16Hex(utf8) + ">";
}

std::string Utf16Hex(std::string_view utf8) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  auto unit = [&](uint32_t u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 15];
  };
  for (char32_t code : base::DecodeUtf8(utf8)) {
    if (code >= 0x10000) {
      code -= 0x10000;
      unit(0xD800 + (code >> 10));
      unit(0xDC00 + (code & 0x3FF));
    } else {
      unit(code);
    }
  }
  return out;
}

std::string Ref(int id) { return std::to_string(id) + " 0 R"; }

int File::Reserve() {
  offsets_.push_back(kUnwritten);
  objects_.emplace_back();
  in_stream_.push_back(false);
  return static_cast<int>(offsets_.size());
}

void File::Put(int id, std::string object) {
  objects_.at(id - 1) = std::move(object);
  in_stream_.at(id - 1) = true;
}

void File::PutStream(int id, std::string_view entries, std::string_view data, int compression) {
  if (body_.empty()) body_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::string compressed;
  const bool compress = compression != kStored;
  if (compress) compressed = Deflate(data, compression);
  const std::string_view bytes = compress ? std::string_view(compressed) : data;
  offsets_.at(id - 1) = body_.size();
  body_ += std::to_string(id) + " 0 obj\n<< ";
  body_ += entries;
  if (compress) body_ += " /Filter /FlateDecode";
  body_ += " /Length " + std::to_string(bytes.size()) + " >>\nstream\n";
  body_ += bytes;
  body_ += "\nendstream\nendobj\n";
}

std::string File::Finish(int catalog, int info) {
  if (body_.empty()) body_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  // Each packed object's place: (object stream number, index in it).
  std::vector<std::pair<int, int>> packed(objects_.size(), {0, 0});
  std::vector<int> pending;
  auto flush = [&] {
    if (pending.empty()) return;
    const int stream = Reserve();
    packed.emplace_back(0, 0);
    std::string header, objects;
    for (size_t k = 0; k < pending.size(); ++k) {
      header += std::to_string(pending[k]) + " " + std::to_string(objects.size()) + " ";
      objects += objects_[pending[k] - 1];
      objects += '\n';
      packed[pending[k] - 1] = {stream, static_cast<int>(k)};
      std::string().swap(objects_[pending[k] - 1]);
    }
    PutStream(stream,
              "/Type /ObjStm /N " + std::to_string(pending.size()) + " /First " + std::to_string(header.size()),
              header + objects);
    pending.clear();
  };
  const size_t written = objects_.size();
  for (size_t i = 0; i < written; ++i) {
    if (!in_stream_[i]) {
      if (offsets_[i] == kUnwritten) throw std::logic_error("PDF object " + std::to_string(i + 1) + " not written");
      continue;
    }
    pending.push_back(static_cast<int>(i + 1));
    if (pending.size() == kObjectsPerStream) flush();
  }
  flush();

  const std::string hash = base::Sha256Hex(body_).substr(0, 32);
  const int xref = Reserve();
  const size_t xref_offset = body_.size();
  // The cross-reference gives offsets in 4 bytes.
  if (xref_offset > 0xFFFFFFFFu) throw std::runtime_error("the PDF would be larger than 4 GiB");
  offsets_[xref - 1] = xref_offset;
  std::string table;
  AppendBigEndian(table, 0, 1);
  AppendBigEndian(table, 0, 4);
  AppendBigEndian(table, 0xFFFF, 2);
  for (size_t i = 0; i < offsets_.size(); ++i) {
    if (i < in_stream_.size() && in_stream_[i]) {
      AppendBigEndian(table, 2, 1);
      AppendBigEndian(table, static_cast<uint64_t>(packed[i].first), 4);
      AppendBigEndian(table, static_cast<uint64_t>(packed[i].second), 2);
    } else {
      AppendBigEndian(table, 1, 1);
      AppendBigEndian(table, offsets_[i], 4);
      AppendBigEndian(table, 0, 2);
    }
  }
  const std::string size = std::to_string(offsets_.size() + 1);
  PutStream(xref,
            "/Type /XRef /Size " + size + " /W [1 4 2] /Root " + Ref(catalog) + " /Info " + Ref(info) + " /ID [<" +
                hash + "> <" + hash + ">]",
            table);
  body_ += "startxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return std::move(body_);
}

}  // namespace barometer::render::pdf
