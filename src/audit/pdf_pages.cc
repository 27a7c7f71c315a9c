#include "audit/pdf_pages.h"

#include <cairo.h>
#include <poppler.h>

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace barometer::audit {

std::vector<PdfPage> ReadPdfPages(const std::string& bytes, const std::string& name, double dpi) {
  GBytes* data = g_bytes_new(bytes.data(), bytes.size());
  GError* error = nullptr;
  PopplerDocument* document = poppler_document_new_from_bytes(data, nullptr, &error);
  g_bytes_unref(data);
  if (!document) {
    std::string why = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    throw std::runtime_error(name + ": not a readable PDF (" + why + ")");
  }
  std::vector<PdfPage> pages;
  const int count = poppler_document_get_n_pages(document);
  const double scale = dpi / 72.0;
  for (int i = 0; i < count; ++i) {
    PopplerPage* page = poppler_document_get_page(document, i);
    if (!page) {
      g_object_unref(document);
      throw std::runtime_error(name + ": page " + std::to_string(i + 1) + " cannot be read");
    }
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height);
    PdfPage out;
    out.pixels.width = static_cast<int>(std::ceil(width * scale));
    out.pixels.height = static_cast<int>(std::ceil(height * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, out.pixels.width, out.pixels.height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    // Cairo's RGB24 is 0x00RRGGBB per native word; made opaque RGBA for comparing and for PNG thumbnails.
    const unsigned char* row = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    out.pixels.pixels.resize(static_cast<size_t>(out.pixels.width) * out.pixels.height);
    for (int y = 0; y < out.pixels.height; ++y, row += stride) {
      const auto* source = reinterpret_cast<const uint32_t*>(row);
      uint32_t* target = &out.pixels.pixels[static_cast<size_t>(y) * out.pixels.width];
      for (int x = 0; x < out.pixels.width; ++x) {
        uint32_t rgb = source[x];
        target[x] = 0xFF000000u | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
      }
    }
    cairo_surface_destroy(surface);
    char* text = poppler_page_get_text(page);
    out.text = text ? text : "";
    g_free(text);
    g_object_unref(page);
    pages.push_back(std::move(out));
  }
  g_object_unref(document);
  return pages;
}

}  // namespace barometer::audit
