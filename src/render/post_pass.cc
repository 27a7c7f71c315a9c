#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "base/xml_escape.h"
#include "render/pdf.h"
#include "render/qpdf_objects.h"

namespace barometer::render {
namespace {

using Handle = QPDFObjectHandle;

// Marked content of artifacts, per page (see kArtifactElement).
using ArtifactMcids = std::map<QPDFObjGen, std::set<int>>;

// Completes the structure tree Cairo wrote, depth-first in the order of the tags (= reading order): removes the
// artifact elements (collecting their marked content), moves each Link element into the element before it
// (render draws a paragraph's links just after it), and adds what Cairo cannot write: /Alt on figures, /ID on
// notes, /Scope on table headers.
class TreeCompleter {
 public:
  TreeCompleter(const std::vector<std::string>& alts) : alts_(alts) {}

  void Element(Handle element, Handle page) {
    if (element.getKey("/Pg").isDictionary()) page = element.getKey("/Pg");
    const std::string role = NameOf(element.getKey("/S"));
    if (role == "/Figure") {
      if (figures_ < alts_.size()) element.replaceKey("/Alt", Handle::newUnicodeString(alts_[figures_]));
      ++figures_;
    } else if (role == "/Note") {
      element.replaceKey("/ID", Handle::newString("note-" + std::to_string(++notes_)));
    } else if (role == "/TR") {
      SetHeaderScopes(element);
    }
    if (!element.hasKey("/K")) return;
    Handle kids = element.getKey("/K");
    std::vector<Handle> kept;
    Handle owner = Handle::newNull();  // the element before, for the links render draws just after it
    bool changed = false;
    for (Handle kid : Items(kids)) {
      const std::string kid_role = kid.isDictionary() ? NameOf(kid.getKey("/S")) : "";
      if (kid_role == std::string("/") + kArtifactElement) {
        CollectArtifact(kid, page);
        changed = true;
        continue;
      }
      if (kid_role == "/Link" && owner.isDictionary()) {
        std::vector<Handle> owner_kids = Items(owner.getKey("/K"));
        owner_kids.push_back(kid);
        owner.replaceKey("/K", Handle::newArray(owner_kids));
        kid.replaceKey("/P", owner);
        changed = true;
        continue;
      }
      kept.push_back(kid);
      if (!kid_role.empty()) {
        Element(kid, page);
        if (kid_role != "/Link") owner = kid;
      }
    }
    if (!changed) return;
    if (kept.empty()) {
      element.removeKey("/K");
    } else {
      element.replaceKey("/K", Handle::newArray(kept));
    }
  }

  size_t figures() const { return figures_; }
  const ArtifactMcids& artifacts() const { return artifacts_; }

 private:
  // A row of header cells heads the columns below it; a header cell beside data cells heads its row.
  static void SetHeaderScopes(Handle row) {
    bool all_headers = true;
    std::vector<Handle> headers;
    for (Handle cell : Items(row.getKey("/K"))) {
      if (!cell.isDictionary() || !cell.hasKey("/S")) continue;
      if (NameOf(cell.getKey("/S")) == "/TH") {
        headers.push_back(cell);
      } else {
        all_headers = false;
      }
    }
    for (Handle header : headers) {
      Handle attributes = Handle::newDictionary();
      attributes.replaceKey("/O", Handle::newName("/Table"));
      attributes.replaceKey("/Scope", Handle::newName(all_headers ? "/Column" : "/Row"));
      header.replaceKey("/A", attributes);
    }
  }

  void CollectArtifact(Handle artifact, Handle page) {
    if (artifact.getKey("/Pg").isDictionary()) page = artifact.getKey("/Pg");
    for (Handle kid : Items(artifact.getKey("/K"))) {
      if (kid.isInteger()) {
        artifacts_[page.getObjGen()].insert(kid.getIntValueAsInt());
      } else if (kid.isDictionary() && kid.getKey("/MCID").isInteger()) {
        Handle on = kid.getKey("/Pg").isDictionary() ? kid.getKey("/Pg") : page;
        artifacts_[on.getObjGen()].insert(kid.getKey("/MCID").getIntValueAsInt());
      } else {
        throw std::runtime_error("an artifact holds a structure element or an annotation");
      }
    }
  }

  const std::vector<std::string>& alts_;
  size_t figures_ = 0;
  int notes_ = 0;
  ArtifactMcids artifacts_;
};

bool Same(Handle a, Handle b) { return a.isIndirect() && b.isIndirect() && a.getObjGen() == b.getObjGen(); }

// The structure elements of the tree in order, as RenderPdf listed them: without the Document, links and
// artifacts.
void ListElements(Handle element, std::vector<Handle>& out) {
  for (Handle kid : Items(element.getKey("/K"))) {
    if (!kid.isDictionary() || !kid.hasKey("/S")) continue;  // marked content, an object reference
    const std::string role = NameOf(kid.getKey("/S"));
    if (role == "/Link" || role == std::string("/") + kArtifactElement) continue;
    out.push_back(kid);
    ListElements(kid, out);
  }
}

// Which element owns each MCID of a page: the parent tree's array of each page, changed in place as parts join.
class McidOwners {
 public:
  McidOwners(QPDF& qpdf, Handle tree) {
    if (!tree.getKey("/ParentTree").isDictionary()) return;
    QPDFNumberTreeObjectHelper parent_tree(tree.getKey("/ParentTree"), qpdf);
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(qpdf).getAllPages()) {
      Handle key = page.getObjectHandle().getKey("/StructParents");
      Handle parents;
      if (key.isInteger() && parent_tree.findObject(key.getIntValue(), parents) && parents.isArray()) {
        arrays_[page.getObjectHandle().getObjGen()] = parents;
      }
    }
  }
  void Own(Handle page, int mcid, Handle element) {
    auto it = page.isDictionary() ? arrays_.find(page.getObjGen()) : arrays_.end();
    if (it != arrays_.end() && mcid >= 0 && mcid < it->second.getArrayNItems()) it->second.setArrayItem(mcid, element);
  }

 private:
  std::map<QPDFObjGen, Handle> arrays_;
};

// The /K arrays the joins change, each read once and written once at the end (Write): a long edition has
// thousands of parts under one parent, and rebuilding the parent's array for each part made the joins quadratic.
// Kids that leave an array are marked, not erased, so positions stay valid.
class KidLists {
 public:
  struct List {
    Handle owner;
    std::vector<Handle> kids;
    std::vector<bool> gone;
    std::map<QPDFObjGen, size_t> position;  ///< of each indirect kid
  };
  List& Of(Handle element) {
    auto [it, added] = lists_.try_emplace(element.getObjGen());
    if (added) {
      it->second.owner = element;
      for (Handle kid : Items(element.getKey("/K"))) {
        if (kid.isIndirect()) it->second.position[kid.getObjGen()] = it->second.kids.size();
        it->second.kids.push_back(kid);
      }
      it->second.gone.assign(it->second.kids.size(), false);
    }
    return it->second;
  }
  static void Append(List& list, Handle kid) {
    if (kid.isIndirect()) list.position[kid.getObjGen()] = list.kids.size();
    list.kids.push_back(kid);
    list.gone.push_back(false);
  }
  void Write() {
    for (auto& [id, list] : lists_) {
      std::vector<Handle> kept;
      for (size_t k = 0; k < list.kids.size(); ++k) {
        if (!list.gone[k]) kept.push_back(list.kids[k]);
      }
      list.owner.replaceKey("/K", Handle::newArray(kept));
    }
  }

 private:
  std::map<QPDFObjGen, List> lists_;
};

// Moves a later part's kids into the whole element: its marked content (with its page, when the part is on
// another page) and its child elements.
void MoveKids(Handle part, Handle whole, const std::string& tag, McidOwners& owners, KidLists::List& whole_kids) {
  Handle part_page = part.getKey("/Pg");
  if (!whole.getKey("/Pg").isDictionary() && part_page.isDictionary()) whole.replaceKey("/Pg", part_page);
  const bool same_page = Same(whole.getKey("/Pg"), part_page);
  for (Handle kid : Items(part.getKey("/K"))) {
    if (kid.isInteger()) {
      owners.Own(part_page, kid.getIntValueAsInt(), whole);
      if (!same_page) {
        Handle reference = Handle::newDictionary();
        reference.replaceKey("/Type", Handle::newName("/MCR"));
        reference.replaceKey("/Pg", part_page);
        reference.replaceKey("/MCID", kid);
        kid = reference;
      }
    } else if (kid.isDictionary() && kid.getKey("/MCID").isInteger()) {
      owners.Own(kid.getKey("/Pg").isDictionary() ? kid.getKey("/Pg") : part_page,
                 kid.getKey("/MCID").getIntValueAsInt(), whole);
      if (!kid.getKey("/Pg").isDictionary()) kid.replaceKey("/Pg", part_page);
    } else if (kid.isDictionary() && kid.hasKey("/S")) {
      kid.replaceKey("/P", whole);
    } else {
      throw std::runtime_error("a continued " + tag + " element holds an object reference");
    }
    KidLists::Append(whole_kids, kid);
  }
}

// Takes a joined part out of its parent; the links render drew just after it (see TagStack) go with its content.
void RemovePart(Handle part, Handle whole, KidLists& lists, KidLists::List& whole_kids) {
  KidLists::List& siblings = lists.Of(part.getKey("/P"));
  auto at = siblings.position.find(part.getObjGen());
  if (at == siblings.position.end()) return;
  siblings.gone[at->second] = true;
  for (size_t k = at->second + 1; k < siblings.kids.size() && !siblings.gone[k]; ++k) {
    Handle sibling = siblings.kids[k];
    if (!sibling.isDictionary() || NameOf(sibling.getKey("/S")) != "/Link") break;
    sibling.replaceKey("/P", whole);
    KidLists::Append(whole_kids, sibling);
    siblings.gone[k] = true;
  }
}

// Joins each element's later parts (Cairo wrote them as elements of their own, see TagStack in render_pdf.cc)
// into its first: their marked content, with its page, and their child elements, in order. Marks the elements in
// another language with /Lang.
void JoinParts(QPDF& qpdf, const std::vector<layout::TagStep>& steps) {
  Handle tree = qpdf.getRoot().getKey("/StructTreeRoot");
  std::vector<Handle> elements;
  for (Handle top : Items(tree.getKey("/K"))) {
    if (top.isDictionary()) ListElements(top, elements);
  }
  if (elements.size() != steps.size()) {
    throw std::runtime_error("the PDF has " + std::to_string(elements.size()) + " structure elements but " +
                             std::to_string(steps.size()) + " were drawn");
  }
  McidOwners owners(qpdf, tree);
  KidLists lists;
  std::map<std::pair<std::string, int>, Handle> firsts;
  for (size_t i = 0; i < elements.size(); ++i) {
    Handle part = elements[i];
    const layout::TagStep& step = steps[i];
    if (NameOf(part.getKey("/S")) != "/" + step.tag) {
      throw std::runtime_error("structure element " + std::to_string(i + 1) + " is " + NameOf(part.getKey("/S")) +
                               ", but a " + step.tag + " was drawn");
    }
    auto [first, added] = firsts.emplace(std::pair{step.tag, step.id}, part);
    if (added) {
      if (!step.lang.empty()) part.replaceKey("/Lang", Handle::newUnicodeString(step.lang));
      continue;
    }
    Handle whole = first->second;
    KidLists::List& whole_kids = lists.Of(whole);
    MoveKids(part, whole, step.tag, owners, whole_kids);
    RemovePart(part, whole, lists, whole_kids);
  }
  lists.Write();
}

std::string Deflate(const std::string& data) {
  Pl_Buffer buffer("deflated");
  Pl_Flate flate("deflate", &buffer, Pl_Flate::a_deflate);
  flate.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  flate.finish();
  std::shared_ptr<Buffer> bytes(buffer.getBufferSharedPointer());
  return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

// Rewrites the page's "/Private << /MCID n >> BDC" as "/Artifact BMC" and drops those MCIDs from the parent tree.
void MakeArtifacts(QPDF& qpdf, QPDFPageObjectHelper& page, const std::set<int>& mcids) {
  Handle page_object = page.getObjectHandle();
  std::vector<Handle> streams = page.getPageContents();
  if (streams.size() != 1)
    throw std::runtime_error("a page has " + std::to_string(streams.size()) + " content streams");
  std::shared_ptr<Buffer> data = streams[0].getStreamData(qpdf_dl_generalized);
  std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  for (int mcid : mcids) {
    const std::string tagged = std::string("/") + kArtifactElement + " << /MCID " + std::to_string(mcid) + " >> BDC";
    size_t at = content.find(tagged);
    if (at == std::string::npos)
      throw std::runtime_error("artifact marked content " + std::to_string(mcid) + " not found");
    content.replace(at, tagged.size(), "/Artifact BMC");
  }
  streams[0].replaceStreamData(Deflate(content), Handle::newName("/FlateDecode"), Handle::newNull());

  Handle tree = qpdf.getRoot().getKey("/StructTreeRoot");
  Handle parents_key = page_object.getKey("/StructParents");
  if (!tree.getKey("/ParentTree").isDictionary() || !parents_key.isInteger()) return;
  QPDFNumberTreeObjectHelper parent_tree(tree.getKey("/ParentTree"), qpdf);
  Handle parents;
  if (!parent_tree.findObject(parents_key.getIntValue(), parents) || !parents.isArray()) return;
  for (int mcid : mcids) {
    if (mcid < parents.getArrayNItems()) parents.setArrayItem(mcid, Handle::newNull());
  }
}

// PDF/UA wants each annotation described (/Contents) and the tab order to follow the structure (/Tabs /S).
void DescribeLinks(QPDFPageObjectHelper& page, const layout::Page& laid_out, double page_height) {
  Handle page_object = page.getObjectHandle();
  std::vector<Handle> links;
  for (Handle annotation : Items(page_object.getKey("/Annots"))) {
    if (NameOf(annotation.getKey("/Subtype")) == "/Link") links.push_back(annotation);
  }
  // Each annotation is found by its rectangle (PDF coordinates: y up from the page's bottom).
  size_t described = 0;
  for (const layout::Item& item : laid_out.items) {
    const auto* link = std::get_if<layout::LinkArea>(&item.content);
    if (!link) continue;
    const double rect[4] = {link->x, page_height - link->y - link->h, link->x + link->w, page_height - link->y};
    for (Handle annotation : links) {
      Handle box = annotation.getKey("/Rect");
      bool same = box.isArray() && box.getArrayNItems() == 4;
      for (int i = 0; same && i < 4; ++i) {
        double value = 0;
        same = box.getArrayItem(i).getValueAsNumber(value) &&
               std::abs(value - rect[i]) < 1.01;  // Cairo rounds the rectangle outwards
      }
      if (!same || annotation.hasKey("/Contents")) continue;
      annotation.replaceKey("/Contents", Handle::newUnicodeString(link->description));
      ++described;
      break;
    }
  }
  if (described != links.size()) {
    throw std::runtime_error("page " + std::to_string(laid_out.number) + " has " + std::to_string(links.size()) +
                             " link annotations; the layout placed " + std::to_string(described) + " of them");
  }
  if (!links.empty() || page_object.hasKey("/Annots")) page_object.replaceKey("/Tabs", Handle::newName("/S"));
}

// The XMP packet PDF/UA requires: the Info dictionary's entries again, the language and pdfuaid:part 1.
Handle XmpMetadata(QPDF& qpdf, const layout::Metadata& meta) {
  Handle info = qpdf.getTrailer().getKey("/Info");
  auto escaped = [&](const char* key) { return base::XmlEscape(TextOf(info, key)); };
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      "   <dc:format>application/pdf</dc:format>\n"
      "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
      escaped("/Title") +
      "</rdf:li></rdf:Alt></dc:title>\n"
      "   <dc:creator><rdf:Seq><rdf:li>" +
      escaped("/Author") +
      "</rdf:li></rdf:Seq></dc:creator>\n"
      "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
      escaped("/Subject") +
      "</rdf:li></rdf:Alt></dc:description>\n"
      "   <dc:language><rdf:Bag><rdf:li>" +
      base::XmlEscape(meta.language) +
      "</rdf:li></rdf:Bag></dc:language>\n"
      "   <pdf:Keywords>" +
      escaped("/Keywords") +
      "</pdf:Keywords>\n"
      "   <pdf:Producer>" +
      escaped("/Producer") +
      "</pdf:Producer>\n"
      "   <xmp:CreatorTool>" +
      escaped("/Creator") +
      "</xmp:CreatorTool>\n"
      "   <xmp:CreateDate>" +
      base::XmlEscape(meta.date) +
      "</xmp:CreateDate>\n"
      "   <xmp:ModifyDate>" +
      base::XmlEscape(meta.date) +
      "</xmp:ModifyDate>\n"
      "   <pdfuaid:part>1</pdfuaid:part>\n"
      "  </rdf:Description>\n"
      " </rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"r\"?>";
  Handle stream = qpdf.newStream(xmp);
  stream.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
  stream.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
  return stream;
}

// Cairo 1.16 writes "(20210101000000Z)"; PDF wants "D:20210101000000Z".
void FixDate(QPDFObjectHandle info, const char* key) {
  if (!info.isDictionary() || !info.hasKey(key)) return;
  std::string value = info.getKey(key).getUTF8Value();
  if (value.rfind("D:", 0) != 0) info.replaceKey(key, QPDFObjectHandle::newString("D:" + value));
}

}  // namespace

std::string PostProcessPdf(const std::string& pdf, const layout::Document& document,
                           const std::vector<layout::TagStep>& elements) {
  QPDF qpdf;
  qpdf.setSuppressWarnings(true);
  qpdf.processMemoryFile("edition.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle root = qpdf.getRoot();
  root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(document.metadata.language));
  root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
  QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
  preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  root.replaceKey("/ViewerPreferences", preferences);

  TreeCompleter tree(document.figure_alts);
  if (root.hasKey("/StructTreeRoot")) {
    JoinParts(qpdf, elements);
    for (Handle kid : Items(root.getKey("/StructTreeRoot").getKey("/K"))) {
      if (kid.isDictionary()) tree.Element(kid, Handle::newNull());
    }
  }
  if (tree.figures() != document.figure_alts.size()) {
    throw std::runtime_error("the PDF has " + std::to_string(tree.figures()) +
                             " figure elements but the layout placed " + std::to_string(document.figure_alts.size()) +
                             " figures");
  }
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
  if (pages.size() != document.pages.size()) throw std::runtime_error("the PDF's page count is not the layout's");
  for (size_t i = 0; i < pages.size(); ++i) {
    auto artifacts = tree.artifacts().find(pages[i].getObjectHandle().getObjGen());
    if (artifacts != tree.artifacts().end()) MakeArtifacts(qpdf, pages[i], artifacts->second);
    DescribeLinks(pages[i], document.pages[i], document.page_height);
  }

  QPDFObjectHandle info = qpdf.getTrailer().getKey("/Info");
  FixDate(info, "/CreationDate");
  FixDate(info, "/ModDate");
  root.replaceKey("/Metadata", XmpMetadata(qpdf, document.metadata));

  QPDFWriter writer(qpdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  writer.setObjectStreamMode(qpdf_o_generate);
  // Cairo already compressed every stream; copy them as they are instead of decoding and encoding again.
  writer.setStreamDataMode(qpdf_s_preserve);
  writer.write();
  std::shared_ptr<Buffer> buffer(writer.getBufferSharedPointer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace barometer::render
