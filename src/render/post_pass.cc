#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <stdexcept>

#include "render/pdf.h"

namespace barometer::render {
namespace {

// Depth-first over the structure tree, in the order Cairo wrote the elements (= the order of the tags).
void SetFigureAlts(QPDFObjectHandle node, const std::vector<std::string>& alts, size_t& next) {
  if (node.isArray()) {
    for (int i = 0; i < node.getArrayNItems(); ++i) SetFigureAlts(node.getArrayItem(i), alts, next);
    return;
  }
  if (!node.isDictionary()) return;
  if (node.hasKey("/S") && node.getKey("/S").isName() && node.getKey("/S").getName() == "/Figure") {
    if (next < alts.size()) node.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[next]));
    ++next;
  }
  if (node.hasKey("/K")) SetFigureAlts(node.getKey("/K"), alts, next);
}

// Cairo 1.16 writes "(20210101000000Z)"; PDF wants "D:20210101000000Z".
void FixDate(QPDFObjectHandle info, const char* key) {
  if (!info.isDictionary() || !info.hasKey(key)) return;
  std::string value = info.getKey(key).getUTF8Value();
  if (value.rfind("D:", 0) != 0) info.replaceKey(key, QPDFObjectHandle::newString("D:" + value));
}

}  // namespace

std::string PostProcessPdf(const std::string& pdf, const layout::Document& document) {
  QPDF qpdf;
  qpdf.setSuppressWarnings(true);
  qpdf.processMemoryFile("edition.pdf", pdf.data(), pdf.size());
  QPDFObjectHandle root = qpdf.getRoot();
  root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(document.metadata.language));
  root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
  QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
  preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  root.replaceKey("/ViewerPreferences", preferences);

  size_t next = 0;
  if (root.hasKey("/StructTreeRoot")) SetFigureAlts(root.getKey("/StructTreeRoot").getKey("/K"), document.figure_alts, next);
  if (next != document.figure_alts.size()) {
    throw std::runtime_error("the PDF has " + std::to_string(next) + " figure elements but the layout placed " +
                             std::to_string(document.figure_alts.size()) + " figures");
  }
  QPDFObjectHandle info = qpdf.getTrailer().getKey("/Info");
  FixDate(info, "/CreationDate");
  FixDate(info, "/ModDate");

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
