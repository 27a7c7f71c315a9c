#include "audit/accessibility.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "base/language_tag.h"
#include "render/qpdf_objects.h"

namespace barometer::audit {
namespace {

using Handle = QPDFObjectHandle;
using render::Items;
using render::NameOf;
using render::TextOf;

bool OneOf(const std::string& value, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (value == a) return true;
  }
  return false;
}

// XMP is XML; the few values read here need only the five predefined entities undone.
std::string XmlText(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : kEntities) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string(entity).size(), plain);
    }
  }
  return text;
}

// The text of the first <rdf:li> inside <dc:title>, or nullopt when there is no dc:title.
std::optional<std::string> XmpTitle(const std::string& xmp) {
  size_t title = xmp.find("<dc:title");
  if (title == std::string::npos) return std::nullopt;
  size_t end = xmp.find("</dc:title>", title);
  size_t item = xmp.find("<rdf:li", title);
  if (item == std::string::npos || item > end) return std::nullopt;
  size_t open_end = xmp.find('>', item);
  size_t close = xmp.find("</rdf:li>", open_end);
  if (open_end == std::string::npos || close == std::string::npos) return std::nullopt;
  return XmlText(xmp.substr(open_end + 1, close - open_end - 1));
}

bool XmpSaysPdfUa1(const std::string& xmp) {
  return xmp.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos ||
         xmp.find("pdfuaid:part=\"1\"") != std::string::npos || xmp.find("pdfuaid:part='1'") != std::string::npos;
}

// One marked-content reference of the tree: the page it is on and its MCID.
using PageMcid = std::pair<QPDFObjGen, int>;

class Checker {
 public:
  explicit Checker(QPDF& qpdf) : qpdf_(qpdf) {}

  AccessibilityReport Run() {
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf_).getAllPages();
    report_.pages = static_cast<int>(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) page_numbers_[pages[i].getObjectHandle().getObjGen()] = int(i) + 1;
    CheckDocument();
    CheckStructure();
    for (QPDFPageObjectHelper& page : pages) CheckPage(page);
    CheckHeadings();
    return report_;
  }

 private:
  void Problem(const std::string& text) { report_.problems.push_back(text); }

  std::string PageName(QPDFObjGen page) const {
    auto it = page_numbers_.find(page);
    return it == page_numbers_.end() ? "an unknown page" : "page " + std::to_string(it->second);
  }

  void CheckDocument() {
    Handle root = qpdf_.getRoot();
    Handle mark_info = root.getKey("/MarkInfo");
    if (!mark_info.isDictionary() || !mark_info.getKey("/Marked").isBool() ||
        !mark_info.getKey("/Marked").getBoolValue()) {
      Problem("catalog: no /MarkInfo /Marked true");
    } else if (mark_info.getKey("/Suspects").isBool() && mark_info.getKey("/Suspects").getBoolValue()) {
      Problem("catalog: /MarkInfo /Suspects true");
    }
    const std::string lang = TextOf(root, "/Lang");
    if (lang.empty()) {
      Problem("catalog: no /Lang");
    } else if (!base::IsWellFormedLanguageTag(lang)) {
      Problem("catalog: /Lang \"" + lang + "\" is not a well-formed BCP 47 language tag");
    }
    Handle preferences = root.getKey("/ViewerPreferences");
    if (!preferences.isDictionary() || !preferences.getKey("/DisplayDocTitle").isBool() ||
        !preferences.getKey("/DisplayDocTitle").getBoolValue()) {
      Problem("catalog: no /ViewerPreferences /DisplayDocTitle true");
    }
    std::string title = TextOf(qpdf_.getTrailer().getKey("/Info"), "/Title");
    if (title.empty()) Problem("document information: no /Title");
    Handle metadata = root.getKey("/Metadata");
    if (!metadata.isStream()) {
      Problem("catalog: no XMP /Metadata stream");
      return;
    }
    std::shared_ptr<Buffer> data = metadata.getStreamData(qpdf_dl_generalized);
    std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    if (!XmpSaysPdfUa1(xmp)) Problem("XMP metadata: no pdfuaid:part 1");
    std::optional<std::string> xmp_title = XmpTitle(xmp);
    if (!xmp_title) {
      Problem("XMP metadata: no dc:title");
    } else if (*xmp_title != title) {
      Problem("XMP metadata: dc:title \"" + *xmp_title + "\" is not the document title \"" + title + "\"");
    }
  }

  // --- structure tree

  std::string StandardRole(const std::string& role) {
    std::string current = role;
    for (int step = 0; step < 10 && role_map_.isDictionary() && role_map_.hasKey(current); ++step) {
      Handle mapped = role_map_.getKey(current);
      if (!mapped.isName() || mapped.getName() == current) break;
      current = mapped.getName();
    }
    return current.empty() ? current : current.substr(1);  // without the leading '/'
  }

  void CheckStructure() {
    Handle tree = qpdf_.getRoot().getKey("/StructTreeRoot");
    if (!tree.isDictionary()) {
      Problem("catalog: no /StructTreeRoot (the PDF is not tagged)");
      return;
    }
    if (!tree.getKey("/ParentTree").isDictionary()) Problem("structure tree: no /ParentTree");
    role_map_ = tree.getKey("/RoleMap");
    for (Handle kid : Items(tree.getKey("/K"))) {
      if (kid.isDictionary()) Element(kid, Handle::newNull(), "");
    }
  }

  void Element(Handle element, Handle page, const std::string& parent_role) {
    if (element.isIndirect() && !visited_.insert(element.getObjGen()).second) {
      Problem("structure tree: an element is reached twice");
      return;
    }
    ++report_.elements;
    const std::string role = StandardRole(NameOf(element.getKey("/S")));
    const std::string where =
        role.empty() ? "an element without /S" : role + " element " + std::to_string(report_.elements);
    if (element.getKey("/Pg").isDictionary()) page = element.getKey("/Pg");
    ++report_.roles[role];
    if (element.hasKey("/Lang")) {
      const std::string lang = TextOf(element, "/Lang");
      if (lang.empty()) {
        Problem(where + ": empty /Lang");
      } else if (!base::IsWellFormedLanguageTag(lang)) {
        Problem(where + ": /Lang \"" + lang + "\" is not a well-formed BCP 47 language tag");
      }
    }

    std::vector<std::string> child_roles;
    bool owns_link_annotation = false;
    const int element_number = report_.elements;
    for (Handle kid : Items(element.getKey("/K"))) {
      if (kid.isInteger()) {
        Reference(page, kid.getIntValueAsInt(), element_number, where);
      } else if (kid.isDictionary() && NameOf(kid.getKey("/Type")) == "/MCR") {
        if (kid.hasKey("/Stm")) continue;  // marked content in a form XObject: not written by us, not walked
        Reference(kid.getKey("/Pg").isDictionary() ? kid.getKey("/Pg") : page, kid.getKey("/MCID").getIntValueAsInt(),
                  element_number, where);
      } else if (kid.isDictionary() && NameOf(kid.getKey("/Type")) == "/OBJR") {
        Handle object = kid.getKey("/Obj");
        owned_objects_.insert(object.getObjGen());
        if (NameOf(object.getKey("/Subtype")) == "/Link") owns_link_annotation = true;
      } else if (kid.isDictionary()) {
        child_roles.push_back(StandardRole(NameOf(kid.getKey("/S"))));
        Element(kid, page, role);
      }
    }

    auto children_only = [&](std::initializer_list<const char*> allowed) {
      for (const std::string& child : child_roles) {
        if (!OneOf(child, allowed)) Problem(where + ": holds a " + child + " element");
      }
    };
    auto parent_must_be = [&](std::initializer_list<const char*> allowed) {
      if (!OneOf(parent_role, allowed)) {
        Problem(where + ": inside " + (parent_role.empty() ? "the tree root" : parent_role) + ", not " +
                *allowed.begin());
      }
    };
    if (role == "Figure" || role == "Formula") {
      if (TextOf(element, "/Alt").empty() && TextOf(element, "/ActualText").empty()) Problem(where + ": no /Alt");
    } else if (role.size() == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6') {
      headings_.push_back({role[1] - '0', where});
    } else if (role == "Table") {
      children_only({"TR", "THead", "TBody", "TFoot", "Caption"});
      if (child_roles.empty()) Problem(where + ": has no rows");
    } else if (OneOf(role, {"THead", "TBody", "TFoot"})) {
      parent_must_be({"Table"});
      children_only({"TR"});
    } else if (role == "TR") {
      parent_must_be({"Table", "THead", "TBody", "TFoot"});
      children_only({"TH", "TD"});
    } else if (role == "TH" || role == "TD") {
      parent_must_be({"TR"});
      if (role == "TH" && !HasScope(element)) Problem(where + ": no /Scope attribute");
    } else if (role == "L") {
      children_only({"LI", "L", "Caption"});
    } else if (role == "LI") {
      parent_must_be({"L"});
      children_only({"Lbl", "LBody"});
    } else if (role == "Lbl") {
      parent_must_be({"LI", "TOCI"});
    } else if (role == "LBody") {
      parent_must_be({"LI"});
    } else if (role == "TOC") {
      children_only({"TOC", "TOCI", "Caption"});
    } else if (role == "TOCI") {
      parent_must_be({"TOC"});
    } else if (role == "Note") {
      std::string id = element.getKey("/ID").isString() ? element.getKey("/ID").getStringValue() : "";
      if (id.empty()) {
        Problem(where + ": no /ID");
      } else if (!note_ids_.insert(id).second) {
        Problem(where + ": /ID \"" + id + "\" is not unique");
      }
    } else if (role == "Link") {
      if (!owns_link_annotation) Problem(where + ": holds no OBJR of a link annotation");
    }
    CheckCaptions(child_roles, role, where);
  }

  // A Caption is the first or last child of what it captions (a Table, list, TOC, Figure or Formula), or of a
  // grouping element that holds one: PDF 1.7 ties a caption to a figure in no other way, and a screen reader
  // reading a Figure's /Alt does not read a Caption inside it.
  void CheckCaptions(const std::vector<std::string>& child_roles, const std::string& role, const std::string& where) {
    bool holds_captioned = false;
    for (const std::string& child : child_roles) holds_captioned |= OneOf(child, {"Figure", "Table", "Formula"});
    int captions = 0;
    for (size_t i = 0; i < child_roles.size(); ++i) {
      if (child_roles[i] != "Caption") continue;
      ++captions;
      if (i != 0 && i + 1 != child_roles.size()) Problem(where + ": a Caption is neither its first nor its last child");
    }
    if (captions == 0) return;
    if (captions > 1) Problem(where + ": holds " + std::to_string(captions) + " Caption elements");
    const bool captioned = OneOf(role, {"Table", "L", "TOC", "Figure", "Formula"});
    const bool group = OneOf(role, {"Div", "Sect", "Part", "Art"}) && holds_captioned;
    if (!captioned && !group) {
      Problem(where + ": holds a Caption but is not a Table, L, TOC, Figure or Formula, nor a Div, Sect, Part or "
                      "Art that holds a Figure, Table or Formula");
    }
  }

  static bool HasScope(Handle element) {
    for (Handle attributes : Items(element.getKey("/A"))) {
      if (!attributes.isDictionary() || NameOf(attributes.getKey("/O")) != "/Table") continue;
      if (OneOf(NameOf(attributes.getKey("/Scope")), {"/Row", "/Column", "/Both"})) return true;
    }
    return false;
  }

  void Reference(Handle page, int mcid, int element, const std::string& where) {
    if (!page.isDictionary()) {
      Problem(where + ": marked content " + std::to_string(mcid) + " without a page (/Pg)");
      return;
    }
    PageMcid ref{page.getObjGen(), mcid};
    if (!tree_mcids_.insert(ref).second) {
      Problem(where + ": marked content " + std::to_string(mcid) + " on " + PageName(ref.first) + " is owned twice");
    }
    tree_order_.push_back({ref, element, begun_.insert(element).second});
  }

  void CheckHeadings() {
    int previous = 0;
    for (const auto& [level, where] : headings_) {
      if (previous == 0 && level != 1) Problem(where + ": the first heading is not H1");
      if (previous != 0 && level > previous + 1) {
        Problem(where + ": skips from H" + std::to_string(previous) + " to H" + std::to_string(level));
      }
      previous = level;
    }
  }

  // --- pages

  class ContentWalker : public QPDFObjectHandle::ParserCallbacks {
   public:
    ContentWalker(Handle properties, const std::set<int>& owned) : properties_(properties), owned_(owned) {}

    void handleObject(QPDFObjectHandle object) override {
      if (!object.isOperator()) {
        operands_.push_back(object);
        return;
      }
      const std::string op = object.getOperatorValue();
      if (op == "BMC" || op == "BDC") {
        Mark mark;
        mark.artifact = !operands_.empty() && NameOf(operands_[0]) == "/Artifact";
        if (op == "BDC" && operands_.size() >= 2) {
          Handle props = operands_[1];
          if (props.isName() && properties_.isDictionary()) props = properties_.getKey(props.getName());
          if (props.isDictionary() && props.getKey("/MCID").isInteger())
            mark.mcid = props.getKey("/MCID").getIntValueAsInt();
        }
        bool in_artifact = false, in_tagged = false;
        for (const Mark& open : stack_) {
          in_artifact |= open.artifact;
          in_tagged |= open.mcid >= 0;
        }
        if (mark.mcid >= 0) {
          if (in_artifact)
            problems_.push_back("tagged marked content " + std::to_string(mark.mcid) + " inside /Artifact");
          if (!owned_.count(mark.mcid)) {
            problems_.push_back("marked content " + std::to_string(mark.mcid) + " is not in the structure tree");
          }
          drawn_.push_back(mark.mcid);
        }
        if (mark.artifact && in_tagged) problems_.push_back("/Artifact inside tagged marked content");
        stack_.push_back(mark);
      } else if (op == "EMC") {
        if (stack_.empty()) {
          problems_.push_back("EMC without an open marked-content sequence");
        } else {
          stack_.pop_back();
        }
      } else if (const char* kind = PaintingKind(op)) {
        ++painting_;
        bool artifact = false, tagged = false;
        for (const Mark& open : stack_) {
          artifact |= open.artifact;
          tagged |= open.mcid >= 0 && owned_.count(open.mcid);
          if (open.mcid >= 0) painted_.insert(open.mcid);
        }
        if (tagged) ++tagged_;
        if (artifact) ++artifacts_;
        if (!tagged && !artifact) ++outside_[std::string(kind) + " (" + op + ")"];
      }
      operands_.clear();
    }
    void handleEOF() override {
      if (!stack_.empty()) problems_.push_back("marked-content sequences left open at the end of the content");
    }

    std::vector<std::string> problems_;
    std::map<std::string, int> outside_;  ///< "text (Tj)" -> operators outside tagged content and /Artifact
    std::vector<int> drawn_;              ///< MCIDs in drawing order
    std::set<int> painted_;               ///< MCIDs whose marked content paints something (a link's paints nothing)
    int painting_ = 0, tagged_ = 0, artifacts_ = 0;

   private:
    struct Mark {
      bool artifact = false;
      int mcid = -1;
    };
    static const char* PaintingKind(const std::string& op) {
      if (OneOf(op, {"Tj", "TJ", "'", "\""})) return "text";
      if (OneOf(op, {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh"})) return "path";
      if (OneOf(op, {"Do", "EI"})) return "image or form";
      return nullptr;
    }
    Handle properties_;
    const std::set<int>& owned_;
    std::vector<Handle> operands_;
    std::vector<Mark> stack_;
  };

  void CheckPage(QPDFPageObjectHelper& page) {
    Handle page_object = page.getObjectHandle();
    const QPDFObjGen id = page_object.getObjGen();
    const std::string name = PageName(id);
    std::set<int> owned;
    for (const PageMcid& ref : tree_mcids_) {
      if (ref.first == id) owned.insert(ref.second);
    }
    Handle resources = page_object.getKey("/Resources");
    ContentWalker walker(resources.isDictionary() ? resources.getKey("/Properties") : Handle::newNull(), owned);
    try {
      page.parseContents(&walker);
    } catch (const std::exception& error) {
      Problem(name + ": content stream unreadable: " + error.what());
    }
    report_.painting_operators += walker.painting_;
    report_.tagged_operators += walker.tagged_;
    report_.artifact_operators += walker.artifacts_;
    for (const std::string& problem : walker.problems_) Problem(name + ": " + problem);
    for (const auto& [kind, count] : walker.outside_) {
      Problem(name + ": " + std::to_string(count) + " " + kind + " operator" + (count == 1 ? "" : "s") +
              " outside tagged content and /Artifact");
    }

    // Every MCID the tree names must be drawn. The elements must begin in drawing order, and each element's own
    // marked content must be in drawing order; the part of an element after a page or column break or after a
    // box is read with the element, wherever the break put it.
    std::map<int, size_t> drawn_at;
    for (size_t i = 0; i < walker.drawn_.size(); ++i) drawn_at.emplace(walker.drawn_[i], i);
    std::optional<size_t> last_begun;
    std::map<int, size_t> last_of_element;
    for (const TreeReference& entry : tree_order_) {
      const PageMcid& ref = entry.ref;
      if (ref.first != id) continue;
      auto at = drawn_at.find(ref.second);
      if (at == drawn_at.end()) {
        Problem(name + ": the structure tree names marked content " + std::to_string(ref.second) +
                ", which is not drawn");
        continue;
      }
      // Empty marked content (a link's, whose text is its paragraph's) has no place in the reading order.
      if (!walker.painted_.count(ref.second)) continue;
      auto previous = last_of_element.find(entry.element);
      const bool out_of_order = entry.begins ? last_begun && at->second < *last_begun
                                             : previous != last_of_element.end() && at->second < previous->second;
      if (out_of_order) {
        Problem(name + ": the structure tree reads marked content " + std::to_string(ref.second) +
                " after content drawn later (structure order is not reading order)");
      }
      if (entry.begins) last_begun = at->second;
      last_of_element[entry.element] = at->second;
    }

    std::vector<Handle> annotations = Items(page_object.getKey("/Annots"));
    if (!annotations.empty() && NameOf(page_object.getKey("/Tabs")) != "/S")
      Problem(name + ": annotations but no /Tabs /S");
    for (Handle annotation : annotations) {
      const std::string subtype = NameOf(annotation.getKey("/Subtype"));
      if (OneOf(subtype, {"/Popup"})) continue;
      if (TextOf(annotation, "/Contents").empty())
        Problem(name + ": " + subtype.substr(1) + " annotation without /Contents");
      if (!annotation.getKey("/StructParent").isInteger()) {
        Problem(name + ": " + subtype.substr(1) + " annotation without /StructParent");
      }
      if (!owned_objects_.count(annotation.getObjGen())) {
        Problem(name + ": " + subtype.substr(1) + " annotation not in the structure tree (no OBJR)");
      }
    }
    CheckFonts(resources, name);
  }

  void CheckFonts(Handle resources, const std::string& page_name) {
    if (!resources.isDictionary() || !resources.getKey("/Font").isDictionary()) return;
    Handle fonts = resources.getKey("/Font");
    for (const std::string& key : fonts.getKeys()) {
      Handle font = fonts.getKey(key);
      if (!font.isDictionary() || !checked_fonts_.insert(font.getObjGen()).second) continue;
      if (NameOf(font.getKey("/Subtype")) == "/Type3") continue;
      Handle described = font;
      if (NameOf(font.getKey("/Subtype")) == "/Type0") described = font.getKey("/DescendantFonts").getArrayItem(0);
      Handle descriptor = described.isDictionary() ? described.getKey("/FontDescriptor") : Handle::newNull();
      if (!descriptor.isDictionary() ||
          (!descriptor.hasKey("/FontFile") && !descriptor.hasKey("/FontFile2") && !descriptor.hasKey("/FontFile3"))) {
        Problem(page_name + ": font " + NameOf(font.getKey("/BaseFont")) + " is not embedded");
      }
    }
  }

  QPDF& qpdf_;
  AccessibilityReport report_;
  std::map<QPDFObjGen, int> page_numbers_;
  Handle role_map_;
  std::set<QPDFObjGen> visited_, owned_objects_, checked_fonts_;
  std::set<PageMcid> tree_mcids_;
  // A marked-content reference in tree order: its element (numbered in tree order) and whether the element
  // begins with it.
  struct TreeReference {
    PageMcid ref;
    int element = 0;
    bool begins = false;
  };
  std::vector<TreeReference> tree_order_;
  std::set<int> begun_;
  std::vector<std::pair<int, std::string>> headings_;
  std::set<std::string> note_ids_;
};

}  // namespace

AccessibilityReport CheckAccessibility(const std::string& pdf_bytes) {
  QPDF qpdf;
  qpdf.setSuppressWarnings(true);
  try {
    qpdf.processMemoryFile("checked.pdf", pdf_bytes.data(), pdf_bytes.size());
    return Checker(qpdf).Run();
  } catch (const std::exception& error) {
    AccessibilityReport report;
    report.problems.push_back(std::string("not a readable PDF: ") + error.what());
    return report;
  }
}

}  // namespace barometer::audit
