#include <algorithm>
#include <map>
#include <stdexcept>
#include <vector>

#include "base/xml_escape.h"
#include "render/pdf.h"
#include "render/pdf_content.h"
#include "render/pdf_file.h"
#include "render/pdf_fonts.h"

namespace barometer::render {
namespace {

using layout::Item;
using pdf::Number;
using pdf::Ref;
using pdf::TextString;

// The structure tree, built as the pages are drawn: an element for each (tag, id) of the items' tag paths, in
// the order they first appear, so a paragraph continued in the next column or on the next page, or around a
// phrase in another language, stays one element with its content in reading order.
class StructureTree {
 public:
  struct Kid {
    enum Kind { kContent, kElement, kAnnotation } kind;
    int page;   ///< index, for content and annotations
    int value;  ///< the MCID, the element's index or the annotation's object
  };
  struct Element {
    std::string tag;
    std::string lang;
    int parent = -1;
    std::vector<Kid> kids;
    int object = 0;
  };

  StructureTree() { elements_.push_back({"Document", "", -1, {}, 0}); }

  /// The element of the path's last step, made (with its parents) at its first use.
  int Enter(const layout::TagPath& path) {
    int parent = 0;
    for (const layout::TagStep& step : path) {
      auto [it, added] = index_.try_emplace({step.tag, step.id}, static_cast<int>(elements_.size()));
      if (added) {
        elements_.push_back({step.tag, step.lang, parent, {}, 0});
        elements_[parent].kids.push_back({Kid::kElement, 0, it->second});
      }
      parent = it->second;
    }
    return parent;
  }
  int AddLink(int owner, int page, int annotation) {
    const int link = static_cast<int>(elements_.size());
    elements_.push_back({"Link", "", owner, {{Kid::kAnnotation, page, annotation}}, 0});
    elements_[owner].kids.push_back({Kid::kElement, 0, link});
    return link;
  }
  void AddContent(int element, int page, int mcid) { elements_[element].kids.push_back({Kid::kContent, page, mcid}); }
  std::vector<Element>& elements() { return elements_; }

 private:
  std::vector<Element> elements_;
  std::map<std::pair<std::string, int>, int> index_;
};

// Cairo's form of the ISO 8601 date of edition.yaml, "2021-09-01T00:00:00Z" -> "D:20210901000000Z".
std::string PdfDate(const std::string& iso) {
  std::string digits, zone;
  size_t i = 0;
  for (; i < iso.size() && digits.size() < 14; ++i) {
    if (iso[i] >= '0' && iso[i] <= '9') {
      digits += iso[i];
    } else if ((iso[i] == '+' || iso[i] == 'Z' || (iso[i] == '-' && digits.size() > 8)) && digits.size() >= 8) {
      break;
    }
  }
  while (digits.size() < 14) digits += digits.size() == 5 || digits.size() == 7 ? '1' : '0';
  for (; i < iso.size(); ++i) {
    if (iso[i] == 'Z') {
      zone = "Z";
      break;
    }
    if (iso[i] == '+' || iso[i] == '-') {
      std::string rest;
      for (size_t k = i + 1; k < iso.size(); ++k) {
        if (iso[k] >= '0' && iso[k] <= '9') rest += iso[k];
      }
      if (rest.size() >= 4) zone = std::string(1, iso[i]) + rest.substr(0, 2) + "'" + rest.substr(2, 2) + "'";
      break;
    }
  }
  return "D:" + digits + zone;
}

// The XMP packet PDF/UA requires: the Info dictionary's entries again, the language and pdfuaid:part 1.
std::string Xmp(const layout::Metadata& meta, const std::string& producer) {
  auto escaped = [](const std::string& text) { return base::XmlEscape(text); };
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "  <rdf:Description rdf:about=\"\"\n"
         "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
         "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
         "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
         "   <dc:format>application/pdf</dc:format>\n"
         "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         escaped(meta.title) +
         "</rdf:li></rdf:Alt></dc:title>\n"
         "   <dc:creator><rdf:Seq><rdf:li>" +
         escaped(meta.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n"
         "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         escaped(meta.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n"
         "   <dc:language><rdf:Bag><rdf:li>" +
         escaped(meta.language) +
         "</rdf:li></rdf:Bag></dc:language>\n"
         "   <pdf:Keywords>" +
         escaped(meta.keywords) +
         "</pdf:Keywords>\n"
         "   <pdf:Producer>" +
         escaped(producer) +
         "</pdf:Producer>\n"
         "   <xmp:CreatorTool>" +
         escaped(meta.creator) +
         "</xmp:CreatorTool>\n"
         "   <xmp:CreateDate>" +
         escaped(meta.date) +
         "</xmp:CreateDate>\n"
         "   <xmp:ModifyDate>" +
         escaped(meta.date) +
         "</xmp:ModifyDate>\n"
         "   <pdfuaid:part>1</pdfuaid:part>\n"
         "  </rdf:Description>\n"
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"r\"?>";
}

// A point of a page as a destination: [page /XYZ left top 0] (layout's y down, PDF's up).
std::string PointOf(int page, double x, double y, double page_height) {
  return "[" + Ref(page) + " /XYZ " + Number(x, 2) + " " + Number(page_height - y, 2) + " 0]";
}

// Writes the structure elements; returns the /K of the tree's root. Alt texts go to the Figure elements and ids
// to the notes in the tree's order; a row of header cells heads the columns below it, a header cell beside data
// cells heads its row.
class TreeWriter {
 public:
  TreeWriter(pdf::File& file, StructureTree& tree, const std::vector<int>& pages, const std::vector<std::string>& alts)
      : file_(file), tree_(tree), pages_(pages), alts_(alts) {
    for (StructureTree::Element& element : tree_.elements()) element.object = file_.Reserve();
  }

  void Write(int root) {
    Write(0, Ref(root));
    if (figures_ != alts_.size()) {
      throw std::runtime_error("the PDF has " + std::to_string(figures_) + " figure elements but the layout placed " +
                               std::to_string(alts_.size()) + " figures");
    }
  }
  int object(int element) const { return tree_.elements()[element].object; }

 private:
  void Write(int index, const std::string& parent) {
    const StructureTree::Element& element = tree_.elements()[index];
    std::string out = "<< /Type /StructElem /S " + pdf::Name(element.tag) + " /P " + parent;
    int page = -1;
    for (const StructureTree::Kid& kid : element.kids) {
      if (kid.kind != StructureTree::Kid::kElement) {
        page = kid.page;
        break;
      }
    }
    if (page >= 0) out += " /Pg " + Ref(pages_[page]);
    if (!element.lang.empty()) out += " /Lang " + TextString(element.lang);
    if (element.tag == "Figure") {
      if (figures_ < alts_.size()) out += " /Alt " + TextString(alts_[figures_]);
      ++figures_;
    } else if (element.tag == "Note") {
      out += " /ID " + pdf::ByteString("note-" + std::to_string(++notes_));
    } else if (element.tag == "TH") {
      bool all_headers = true;
      for (const StructureTree::Kid& kid : tree_.elements()[element.parent].kids) {
        if (kid.kind == StructureTree::Kid::kElement && tree_.elements()[kid.value].tag != "TH") all_headers = false;
      }
      out += std::string(" /A << /O /Table /Scope ") + (all_headers ? "/Column" : "/Row") + " >>";
    }
    out += " /K [";
    const std::string self = Ref(element.object);
    for (const StructureTree::Kid& kid : element.kids) {
      switch (kid.kind) {
        case StructureTree::Kid::kContent:
          if (kid.page == page) {
            out += std::to_string(kid.value) + " ";
          } else {
            out += "<< /Type /MCR /Pg " + Ref(pages_[kid.page]) + " /MCID " + std::to_string(kid.value) + " >> ";
          }
          break;
        case StructureTree::Kid::kAnnotation:
          out += "<< /Type /OBJR /Pg " + Ref(pages_[kid.page]) + " /Obj " + Ref(kid.value) + " >> ";
          break;
        case StructureTree::Kid::kElement:
          out += Ref(object(kid.value)) + " ";
          break;
      }
    }
    out += "] >>";
    file_.Put(element.object, std::move(out));
    for (const StructureTree::Kid& kid : element.kids) {
      if (kid.kind == StructureTree::Kid::kElement) Write(kid.value, self);
    }
  }

  pdf::File& file_;
  StructureTree& tree_;
  const std::vector<int>& pages_;
  const std::vector<std::string>& alts_;
  size_t figures_ = 0;
  int notes_ = 0;
};

// The outline: entries nest under the nearest earlier entry of a lower level; sections are shown open.
void WriteOutline(pdf::File& file, const layout::Document& document, const std::vector<int>& pages,
                  const std::map<std::string, std::string>& destinations, int root) {
  struct Entry {
    int object = 0, parent = -1, level = 0;
    std::vector<int> kids;
  };
  std::vector<Entry> entries(1);  // 0: the outline's root
  entries[0].object = root;
  std::vector<int> open = {0};
  for (const layout::OutlineEntry& item : document.outline) {
    const int level = std::clamp(item.level, 1, 7);
    while (open.size() > 1 && entries[open.back()].level >= level) open.pop_back();
    Entry entry;
    entry.object = file.Reserve();
    entry.parent = open.back();
    entry.level = level;
    entries.push_back(entry);
    const int index = static_cast<int>(entries.size()) - 1;
    entries[entry.parent].kids.push_back(index);
    open.push_back(index);
  }
  // Visible descendants: an open entry shows its kids' counts too, a closed one none.
  std::vector<int> visible(entries.size(), 0);
  for (size_t i = entries.size(); i-- > 0;) {
    for (int kid : entries[i].kids) visible[i] += 1 + (entries[kid].level == 1 ? visible[kid] : 0);
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    std::string out = "<< ";
    if (i == 0) {
      out += "/Type /Outlines ";
    } else {
      const layout::OutlineEntry& item = document.outline[i - 1];
      out += "/Title " + TextString(item.title) + " /Parent " + Ref(entries[entry.parent].object) + " ";
      const std::vector<int>& siblings = entries[entry.parent].kids;
      auto at = std::find(siblings.begin(), siblings.end(), static_cast<int>(i));
      if (at != siblings.begin()) out += "/Prev " + Ref(entries[*(at - 1)].object) + " ";
      if (at + 1 != siblings.end()) out += "/Next " + Ref(entries[*(at + 1)].object) + " ";
      auto destination = destinations.find(item.destination);
      if (!item.destination.empty() && destination != destinations.end()) {
        out += "/Dest " + pdf::ByteString(item.destination) + " ";
      } else if (item.page >= 1 && item.page <= static_cast<int>(pages.size())) {
        out += "/Dest " + PointOf(pages[item.page - 1], 0, 0, document.page_height) + " ";
      }
    }
    if (!entry.kids.empty()) {
      out += "/First " + Ref(entries[entry.kids.front()].object) + " /Last " +
             Ref(entries[entry.kids.back()].object) + " ";
      const bool shown_open = i == 0 || entry.level == 1;
      out += "/Count " + std::to_string(shown_open ? visible[i] : -visible[i]) + " ";
    } else if (i == 0) {
      out += "/Count 0 ";
    }
    file.Put(entry.object, out + ">>");
  }
}

}  // namespace

std::string RenderPdf(const layout::Document& document) {
  pdf::File file;
  pdf::Fonts fonts;
  StructureTree tree;
  const double height = document.page_height;
  const int catalog = file.Reserve(), info = file.Reserve(), page_tree = file.Reserve(),
            resources = file.Reserve(), struct_root = file.Reserve();
  std::vector<int> pages;
  for (size_t i = 0; i < document.pages.size(); ++i) pages.push_back(file.Reserve());

  // The parent tree: each page's elements by MCID, then each annotation's Link element (keys after the pages').
  std::vector<std::vector<int>> page_parents(pages.size());
  std::vector<std::pair<int, int>> annotation_parents;  // (annotation object, Link element)
  std::map<std::string, std::string> destinations;      // name -> [page /XYZ x y 0]

  for (size_t p = 0; p < document.pages.size(); ++p) {
    const layout::Page& page = document.pages[p];
    pdf::Content content(fonts, height);
    std::vector<int> annotations;
    int open = -1;  // the element whose marked content is open
    auto close = [&] {
      if (open >= 0) content.EndMarked();
      open = -1;
    };
    for (const Item& item : page.items) {
      if (const auto* destination = std::get_if<layout::Destination>(&item.content)) {
        destinations[destination->name] = PointOf(pages[p], destination->x, destination->y, height);
        continue;
      }
      if (const auto* link = std::get_if<layout::LinkArea>(&item.content)) {
        close();
        const int annotation = file.Reserve();
        const int key = static_cast<int>(pages.size() + annotation_parents.size());
        const int owner = tree.Enter(item.tags);
        annotation_parents.emplace_back(annotation, tree.AddLink(owner, static_cast<int>(p), annotation));
        const std::string action = link->target.rfind('#', 0) == 0
                                       ? "/Dest " + pdf::ByteString(link->target.substr(1))
                                       : "/A << /S /URI /URI " + pdf::ByteString(link->target) + " >>";
        file.Put(annotation, "<< /Type /Annot /Subtype /Link /Rect [" + Number(link->x, 2) + " " +
                                 Number(height - link->y - link->h, 2) + " " + Number(link->x + link->w, 2) + " " +
                                 Number(height - link->y, 2) + "] /Border [0 0 0] /F 4 " + action + " /Contents " +
                                 TextString(link->description) + " /StructParent " + std::to_string(key) +
                                 " /P " + Ref(pages[p]) + " >>");
        annotations.push_back(annotation);
        continue;
      }
      if (item.tags.empty()) {
        // A decoration: an artifact, kept out of the reading order.
        close();
        content.BeginMarked("", -1);
      } else {
        const int element = tree.Enter(item.tags);
        std::vector<StructureTree::Kid>& kids = tree.elements()[element].kids;
        const bool goes_on = open == element && !kids.empty() && kids.back().kind == StructureTree::Kid::kContent;
        if (!goes_on) {
          close();
          const int mcid = static_cast<int>(page_parents[p].size());
          page_parents[p].push_back(element);
          tree.AddContent(element, static_cast<int>(p), mcid);
          content.BeginMarked(item.tags.back().tag, mcid);
          open = element;
        }
      }
      std::visit(
          [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, layout::TextLines>) {
              content.Lines(*c.paragraph, c.first, c.count, c.x, c.y, c.from, c.to);
            } else if constexpr (std::is_same_v<T, layout::FilledRect>) {
              content.Rect(c.x, c.y, c.w, c.h, c.colour);
            } else if constexpr (std::is_same_v<T, layout::RuleLine>) {
              content.Rule(c.x0, c.y0, c.x1, c.y1, c.width, c.colour);
            } else if constexpr (std::is_same_v<T, layout::PlacedChart>) {
              content.Chart(*c.chart, c.x, c.y);
            }
          },
          item.content);
      if (item.tags.empty()) content.EndMarked();
    }
    close();
    const int stream = file.Reserve();
    file.PutStream(stream, "", content.bytes());
    std::string object = "<< /Type /Page /Parent " + Ref(page_tree) + " /MediaBox [0 0 " +
                         Number(document.page_width) + " " + Number(height) + "] /Resources " + Ref(resources) +
                         " /Contents " + Ref(stream) + " /StructParents " + std::to_string(p);
    if (!annotations.empty()) {
      object += " /Annots [";
      for (int annotation : annotations) object += Ref(annotation) + " ";
      object += "] /Tabs /S";
    }
    file.Put(pages[p], object + " >>");
  }

  std::string kids;
  for (int page : pages) kids += Ref(page) + " ";
  file.Put(page_tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  file.Put(resources, "<< /Font << " + fonts.Write(file) + ">> >>");

  TreeWriter writer(file, tree, pages, document.figure_alts);
  writer.Write(struct_root);
  std::string nums;
  for (size_t p = 0; p < page_parents.size(); ++p) {
    nums += std::to_string(p) + " [";
    for (int element : page_parents[p]) nums += Ref(writer.object(element)) + " ";
    nums += "] ";
  }
  for (size_t a = 0; a < annotation_parents.size(); ++a) {
    nums += std::to_string(pages.size() + a) + " " + Ref(writer.object(annotation_parents[a].second)) + " ";
  }
  const int parent_tree = file.Reserve();
  file.Put(parent_tree, "<< /Nums [" + nums + "] >>");
  file.Put(struct_root, "<< /Type /StructTreeRoot /K [" + Ref(writer.object(0)) + "] /ParentTree " +
                            Ref(parent_tree) + " /ParentTreeNextKey " +
                            std::to_string(pages.size() + annotation_parents.size()) + " >>");

  std::string labels;
  for (size_t p = 0; p < document.pages.size(); ++p) {
    labels += std::to_string(p) + " << /P " + TextString(document.pages[p].label) + " >> ";
  }
  std::string names;
  for (const auto& [name, point] : destinations) names += pdf::ByteString(name) + " " + point + " ";

  const int outline = file.Reserve();
  WriteOutline(file, document, pages, destinations, outline);

  const layout::Metadata& meta = document.metadata;
  const std::string producer = "barometer " BAROMETER_VERSION;
  const int metadata = file.Reserve();
  file.PutStream(metadata, "/Type /Metadata /Subtype /XML", Xmp(meta, producer), pdf::File::kStored);
  const std::string date = pdf::ByteString(PdfDate(meta.date));
  file.Put(info, "<< /Title " + TextString(meta.title) + " /Author " + TextString(meta.author) + " /Subject " +
                     TextString(meta.subject) + " /Keywords " + TextString(meta.keywords) + " /Creator " +
                     TextString(meta.creator) + " /Producer " + TextString(producer) + " /CreationDate " + date +
                     " /ModDate " + date + " >>");
  file.Put(catalog, "<< /Type /Catalog /Pages " + Ref(page_tree) + " /Outlines " + Ref(outline) +
                        " /PageMode /UseOutlines /PageLabels << /Nums [" + labels + "] >> /Names << /Dests << /Names [" +
                        names + "] >> >> /StructTreeRoot " + Ref(struct_root) +
                        " /MarkInfo << /Marked true >> /Lang " + TextString(meta.language) + " /Metadata " +
                        Ref(metadata) + " /ViewerPreferences << /DisplayDocTitle true >> >>");
  return file.Finish(catalog, info);
}

}  // namespace barometer::render
