#include "audit/pdf_pages.h"

#include <cairo.h>
#include <poppler.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "base/hash.h"

namespace barometer::audit {
namespace {

// Digests of PDF objects by what they hold, not by their object numbers, each indirect object once.
class ObjectDigests {
 public:
  /// `with_fonts`: whether the font programs and their maps count.
  explicit ObjectDigests(bool with_fonts) : with_fonts_(with_fonts) {}

  std::string Of(QPDFObjectHandle object) {
    if (object.isIndirect()) {
      const QPDFObjGen id = object.getObjGen();
      auto known = digests_.find(id);
      if (known != digests_.end()) return known->second;
      if (!open_.insert(id).second) return "cycle";  // a back reference: its digest is being made above
      std::string digest = base::Sha256Hex(Content(object));
      open_.erase(id);
      return digests_[id] = digest;
    }
    return Content(object);
  }

 private:
  std::string Content(QPDFObjectHandle object) {
    if (object.isStream()) {
      std::shared_ptr<Buffer> data = object.getStreamData(qpdf_dl_generalized);
      return "stream(" + Of(object.getDict()) + ")" +
             base::Sha256Hex(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    }
    if (object.isDictionary()) {
      std::string out = "<<";
      for (const std::string& key : object.getKeys()) {  // sorted
        // Not part of the drawing: the page tree, the structure tree, links.
        if (key == "/Parent" || key == "/StructParents" || key == "/StructParent" || key == "/Annots" ||
            key == "/P" || key == "/K") {
          continue;
        }
        // What a font subset holds and how its codes map: the same for every page that uses the subset.
        if (!with_fonts_ && (key == "/FontFile" || key == "/FontFile2" || key == "/FontFile3" || key == "/ToUnicode" ||
                             key == "/Widths" || key == "/W" || key == "/CIDSet" || key == "/CharSet" ||
                             key == "/FontName" || key == "/BaseFont")) {
          continue;
        }
        out += key + " " + Of(object.getKey(key)) + " ";
      }
      return out + ">>";
    }
    if (object.isArray()) {
      std::string out = "[";
      for (int i = 0; i < object.getArrayNItems(); ++i) out += Of(object.getArrayItem(i)) + " ";
      return out + "]";
    }
    return object.unparse();
  }

  bool with_fonts_;
  std::map<QPDFObjGen, std::string> digests_;
  std::set<QPDFObjGen> open_;
};

}  // namespace

std::vector<PageDigest> PageDigests(const std::string& bytes, const std::string& name) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(false);
    pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
    ObjectDigests drawing(false), fonts(true);
    std::vector<PageDigest> pages;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      pages.push_back({drawing.Of(page.getObjectHandle()), fonts.Of(page.getObjectHandle())});
    }
    return pages;
  } catch (const std::exception& e) {
    throw std::runtime_error(name + ": not a readable PDF (" + e.what() + ")");
  }
}

std::vector<PdfPage> ReadPdfPages(const std::string& bytes, const std::string& name, double dpi,
                                  const std::vector<PageRead>& wanted) {
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
  pages.resize(count);
  for (int i = 0; i < count; ++i) {
    const PageRead read = wanted.empty() ? PageRead::kTextAndPixels
                          : i < static_cast<int>(wanted.size()) ? wanted[i] : PageRead::kNothing;
    if (read == PageRead::kNothing) continue;
    PopplerPage* page = poppler_document_get_page(document, i);
    if (!page) {
      g_object_unref(document);
      throw std::runtime_error(name + ": page " + std::to_string(i + 1) + " cannot be read");
    }
    PdfPage out;
    char* text = poppler_page_get_text(page);
    out.text = text ? text : "";
    g_free(text);
    if (read == PageRead::kText) {
      g_object_unref(page);
      pages[i] = std::move(out);
      continue;
    }
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height);
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
    g_object_unref(page);
    pages[i] = std::move(out);
  }
  g_object_unref(document);
  return pages;
}

}  // namespace barometer::audit
