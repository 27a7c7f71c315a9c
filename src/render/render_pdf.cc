#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "base/number_style.h"
#include "render/draw.h"
#include "render/pdf.h"

namespace barometer::render {
namespace {

using layout::Item;
using layout::TagPath;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Cairo's attribute strings quote with single quotes and escape with backslashes.
std::string Quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void SetSource(cairo_t* cr, const model::Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void DrawItem(cairo_t* cr, const Item& item);

// Keeps Cairo's structure tags balanced: opens and closes elements as the items' tag paths change, and lists
// every element it opens, in order, for the post-pass.
// Cairo 1.16 gives marked content only to elements without child elements: the content of a paragraph holding a
// Link or Span element, or anything else, is left untagged. So each element Cairo makes holds either content or
// child elements: where a paragraph's text goes on after a child (a phrase in another language), or a child
// follows its text, the paragraph is closed and opened again, and the post-pass joins the parts into one
// element (as it joins a paragraph continued in the next column or on the next page). Links are drawn just after
// the element closes (siblings, which the post-pass moves back inside it), and a decoration first closes it.
class TagStack {
 public:
  TagStack(cairo_t* cr, std::vector<layout::TagStep>& opened) : cr_(cr), opened_(opened) {}

  void MoveTo(const TagPath& path) {
    size_t common = 0;
    while (common < open_.size() && common < path.size() && open_[common].step == path[common]) ++common;
    // An element with content of its own gets no child: it is closed here and opened again for the child.
    for (size_t i = 0; i < common && common < path.size(); ++i) {
      if (open_[i].has_content) {
        common = i;
        break;
      }
    }
    while (open_.size() > common) Close();
    for (size_t i = common; i < path.size(); ++i) {
      if (!open_.empty()) open_.back().has_children = true;
      cairo_tag_begin(cr_, path[i].tag.c_str(), nullptr);
      opened_.push_back(path[i]);
      open_.push_back({path[i], false, false, {}});
    }
  }
  void CloseAll() { MoveTo({}); }

  void Draw(const Item& item) {
    if (item.tags.empty()) {
      // A decoration: inside a kArtifactElement, which the post-pass turns into an /Artifact.
      while (!open_.empty() && open_.back().has_content) Close();
      cairo_tag_begin(cr_, kArtifactElement, nullptr);
      DrawItem(cr_, item);
      cairo_tag_end(cr_, kArtifactElement);
      return;
    }
    MoveTo(item.tags);
    if (std::holds_alternative<layout::LinkArea>(item.content)) {
      open_.back().links.push_back(&item);
      return;
    }
    if (open_.back().has_children) {
      // Content after a child element: a new part of the same element.
      TagPath path = item.tags;
      path.pop_back();
      MoveTo(path);
      MoveTo(item.tags);
    }
    DrawItem(cr_, item);
    open_.back().has_content = true;
  }

 private:
  struct Open {
    layout::TagStep step;
    bool has_content = false;
    bool has_children = false;
    std::vector<const Item*> links;
  };
  void Close() {
    Open closing = std::move(open_.back());
    open_.pop_back();
    cairo_tag_end(cr_, closing.step.tag.c_str());
    for (const Item* link : closing.links) DrawItem(cr_, *link);
  }

  cairo_t* cr_;
  std::vector<layout::TagStep>& opened_;
  std::vector<Open> open_;
};

void DrawItem(cairo_t* cr, const Item& item) {
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, layout::TextLines>) {
          DrawLines(cr, *c.paragraph, c.first, c.count, c.x, c.y, c.from, c.to);
        } else if constexpr (std::is_same_v<T, layout::FilledRect>) {
          SetSource(cr, c.colour);
          cairo_rectangle(cr, c.x, c.y, c.w, c.h);
          cairo_fill(cr);
        } else if constexpr (std::is_same_v<T, layout::RuleLine>) {
          SetSource(cr, c.colour);
          cairo_set_line_width(cr, c.width);
          cairo_move_to(cr, c.x0, c.y0);
          cairo_line_to(cr, c.x1, c.y1);
          cairo_stroke(cr);
        } else if constexpr (std::is_same_v<T, layout::PlacedChart>) {
          DrawChart(cr, *c.chart, c.x, c.y);
        } else if constexpr (std::is_same_v<T, layout::LinkArea>) {
          std::string rect = " rect=[" + base::TwoDecimals(c.x) + " " + base::TwoDecimals(c.y) + " " +
                             base::TwoDecimals(c.w) + " " + base::TwoDecimals(c.h) + "]";
          std::string attributes = c.target.rfind('#', 0) == 0 ? "dest=" + Quote(c.target.substr(1))
                                                                : "uri=" + Quote(c.target);
          attributes += rect;
          cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
          cairo_tag_end(cr, CAIRO_TAG_LINK);
        } else if constexpr (std::is_same_v<T, layout::Destination>) {
          std::string attributes =
              "name=" + Quote(c.name) + " x=" + base::TwoDecimals(c.x) + " y=" + base::TwoDecimals(c.y);
          cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
          cairo_tag_end(cr, CAIRO_TAG_DEST);
        }
      },
      item.content);
}

}  // namespace

std::string RenderPdf(const layout::Document& document, std::vector<layout::TagStep>* elements) {
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &bytes, document.page_width, document.page_height);
  const layout::Metadata& meta = document.metadata;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, meta.creator.c_str());
  // Dates come from edition.yaml, never the clock, so two builds give the same bytes.
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, meta.date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, meta.date.c_str());

  cairo_t* cr = cairo_create(surface);
  cairo_tag_begin(cr, "Document", nullptr);
  std::vector<layout::TagStep> opened;
  TagStack tags(cr, elements ? *elements : opened);
  for (const layout::Page& page : document.pages) {
    cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    for (const Item& item : page.items) {
      // Destinations belong to no element; decorations become artifacts.
      if (std::holds_alternative<layout::Destination>(item.content)) {
        DrawItem(cr, item);
        continue;
      }
      tags.Draw(item);
    }
    tags.CloseAll();
    cairo_show_page(cr);
  }
  cairo_tag_end(cr, "Document");

  int parents[8] = {CAIRO_PDF_OUTLINE_ROOT};
  for (const layout::OutlineEntry& entry : document.outline) {
    int level = std::clamp(entry.level, 1, 7);
    std::string link = entry.destination.empty() ? "page=" + std::to_string(entry.page)
                                                 : "dest=" + Quote(entry.destination);
    parents[level] = cairo_pdf_surface_add_outline(surface, parents[level - 1], entry.title.c_str(), link.c_str(),
                                                   level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                              : static_cast<cairo_pdf_outline_flags_t>(0));
  }

  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("Cairo could not write the PDF: ") + cairo_status_to_string(status));
  }
  return bytes;
}

}  // namespace barometer::render
