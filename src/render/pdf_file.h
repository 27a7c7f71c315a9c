// The PDF file format itself: objects, streams and the cross-reference, written as the renderer hands them over.
// Streams are compressed as they arrive, so a long document's pages are not held uncompressed; the other objects
// are packed into compressed object streams at the end (PDF 1.5), where most of a tagged PDF's bytes are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace barometer::render::pdf {

/// A number as PDF writes it: at most `decimals` decimals, no trailing zeros, no exponent.
std::string Number(double value, int decimals = 3);
/// Number, appended to `out`.
void AppendNumber(std::string& out, double value, int decimals = 3);

/// A name object ("/Span"), with the bytes a name may not hold written as #xx.
std::string Name(std::string_view name);

/// A text string: in PDFDocEncoding when that holds every character of the UTF-8 text, else UTF-16BE with a byte
/// order mark.
std::string TextString(std::string_view utf8);

/// UTF-8 text as UTF-16BE in hex digits, without a byte order mark.
std::string Utf16Hex(std::string_view utf8);

/// A byte string as a literal string (a named destination, a URI).
std::string ByteString(std::string_view bytes);

/// An indirect reference ("12 0 R").
std::string Ref(int id);

class File {
 public:
  /// A new object number, for an object written later (or now).
  int Reserve();
  /// Writes object `id`, e.g. "<< /Type /Page ... >>", into an object stream.
  void Put(int id, std::string object);
  /// zlib levels for PutStream. Pages: level 4, on the 2021 edition's pages 3 % larger than zlib's default (6)
  /// in 30 % less time. Once per document (fonts): zlib's default. kStored: data a reader must see as it is (XMP).
  static constexpr int kPages = 4, kOnce = 6, kStored = 0;
  /// Writes stream `id`: the dictionary's entries other than /Length and /Filter, and its data, compressed at
  /// zlib level `compression` (kStored: as it is).
  void PutStream(int id, std::string_view entries, std::string_view data, int compression = kPages);
  /// The whole file: header, streams, object streams and a cross-reference stream with /Root and /Info; the /ID
  /// is derived from the bytes before it, so equal documents get equal files. Every reserved number must have
  /// been written.
  std::string Finish(int catalog, int info);

 private:
  std::string body_;  ///< the header and the streams so far
  std::vector<size_t> offsets_;  ///< per object number - 1: where a stream starts in body_, or kUnwritten
  std::vector<std::string> objects_;  ///< per object number - 1: a non-stream object
  std::vector<bool> in_stream_;
};

}  // namespace barometer::render::pdf
