#include "audit/images.h"

#include <png.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace barometer::audit {

Image DecodePng(const std::string& bytes, const std::string& name) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
    throw std::runtime_error(name + ": not a readable PNG (" + png.message + ")");
  }
  png.format = PNG_FORMAT_RGBA;
  Image image;
  image.width = static_cast<int>(png.width);
  image.height = static_cast<int>(png.height);
  image.pixels.resize(static_cast<size_t>(png.width) * png.height);
  // libpng reports a truncated or corrupt stream as a failed finish (never a longjmp out of this function).
  if (!png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr)) {
    std::string message = png.message;
    png_image_free(&png);
    throw std::runtime_error(name + ": not a readable PNG (" + message + ")");
  }
  return image;
}

std::string EncodePng(const Image& image) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&png, nullptr, &size, 0, image.pixels.data(), 0, nullptr)) {
    throw std::runtime_error(std::string("cannot encode a PNG: ") + png.message);
  }
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&png, out.data(), &size, 0, image.pixels.data(), 0, nullptr)) {
    throw std::runtime_error(std::string("cannot encode a PNG: ") + png.message);
  }
  out.resize(size);
  return out;
}

PixelChange ComparePixels(const Image& old_image, const Image& new_image) {
  PixelChange change;
  change.width = std::max(old_image.width, new_image.width);
  change.height = std::max(old_image.height, new_image.height);
  int x0 = change.width, y0 = change.height, x1 = 0, y1 = 0;
  for (int y = 0; y < change.height; ++y) {
    for (int x = 0; x < change.width; ++x) {
      bool in_old = x < old_image.width && y < old_image.height;
      bool in_new = x < new_image.width && y < new_image.height;
      bool same = in_old && in_new &&
                  old_image.pixels[static_cast<size_t>(y) * old_image.width + x] ==
                      new_image.pixels[static_cast<size_t>(y) * new_image.width + x];
      if (same) continue;
      ++change.changed;
      x0 = std::min(x0, x);
      y0 = std::min(y0, y);
      x1 = std::max(x1, x + 1);
      y1 = std::max(y1, y + 1);
    }
  }
  if (change.changed) {
    change.x0 = x0, change.y0 = y0, change.x1 = x1, change.y1 = y1;
  }
  return change;
}

}  // namespace barometer::audit
