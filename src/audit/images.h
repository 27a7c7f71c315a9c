// Pixels for the auditors: PNG decoding and encoding, and where two images differ.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace barometer::audit {

/// An image as 8-bit RGBA, row by row.
struct Image {
  int width = 0, height = 0;
  std::vector<uint32_t> pixels;  ///< 0xAABBGGRR as read; only compared, never interpreted
};

/// Where two images differ: the number of pixels and their bounding box (x0, y0 inclusive, x1, y1 exclusive),
/// in the pixels of the larger image. Pixels only one image has count as changed.
struct PixelChange {
  long changed = 0;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width = 0, height = 0;  ///< the extent compared (the larger of the two sizes in each direction)
};

/// Decodes a PNG. Throws std::runtime_error naming `name` when the bytes are not a whole PNG.
Image DecodePng(const std::string& bytes, const std::string& name);

/// Encodes RGBA pixels as PNG (for the HTML report's page thumbnails).
std::string EncodePng(const Image& image);

PixelChange ComparePixels(const Image& old_image, const Image& new_image);

}  // namespace barometer::audit
