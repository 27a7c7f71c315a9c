#include "audit/workbook_cells.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

namespace barometer::audit {
namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct DocFreer {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFreer>;

class Package {
 public:
  Package(const std::string& bytes, const std::string& name) : name_(name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    if (!archive) {
      std::string why = zip_error_strerror(&error);
      if (source) zip_source_free(source);
      zip_error_fini(&error);
      throw std::runtime_error(name + ": not a workbook (not a zip archive: " + why + ")");
    }
    zip_error_fini(&error);
    archive_.reset(archive);
  }

  bool Has(const std::string& part) const { return zip_name_locate(archive_.get(), part.c_str(), 0) >= 0; }

  XmlDoc Xml(const std::string& part) const {
    zip_stat_t stat;
    zip_file_t* file = nullptr;
    std::string data;
    if (zip_stat(archive_.get(), part.c_str(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) &&
        (file = zip_fopen(archive_.get(), part.c_str(), 0)) != nullptr) {
      data.resize(stat.size);
      zip_int64_t got = zip_fread(file, data.data(), stat.size);
      zip_fclose(file);
      if (got != static_cast<zip_int64_t>(stat.size)) file = nullptr;
    }
    if (!file) throw std::runtime_error(name_ + ": workbook part " + part + " is missing or unreadable");
    xmlDoc* doc = xmlReadMemory(data.data(), static_cast<int>(data.size()), part.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) throw std::runtime_error(name_ + ": workbook part " + part + " is not XML");
    return XmlDoc(doc);
  }

 private:
  std::string name_;
  std::unique_ptr<zip_t, ZipCloser> archive_;
};

bool Named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string Attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (xmlStrcmp(attr->name, reinterpret_cast<const xmlChar*>(name)) == 0 && attr->children) {
      return reinterpret_cast<const char*>(attr->children->content);
    }
  }
  return "";
}

// Every element called `name` below `node`, in document order.
void Collect(xmlNode* node, const char* name, std::vector<xmlNode*>* out) {
  for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
    if (Named(child, name)) {
      out->push_back(child);
    } else {
      Collect(child, name, out);
    }
  }
}

std::vector<xmlNode*> All(const XmlDoc& doc, const char* name) {
  std::vector<xmlNode*> out;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root && Named(root, name)) out.push_back(root);
  Collect(root, name, &out);
  return out;
}

std::string Text(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

// "B7" -> row 7, column 2.
void Position(const std::string& ref, int* row, int* column) {
  *row = *column = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') *column = *column * 26 + (c - 'A' + 1);
    if (c >= '0' && c <= '9') *row = *row * 10 + (c - '0');
  }
}

}  // namespace

std::vector<Sheet> ReadWorkbookCells(const std::string& bytes, const std::string& name) {
  Package package(bytes, name);
  std::vector<std::string> shared;
  if (package.Has("xl/sharedStrings.xml")) {
    XmlDoc strings = package.Xml("xl/sharedStrings.xml");
    for (xmlNode* item : All(strings, "si")) {
      // A rich-text string is several runs; its phonetic hints (rPh) are not part of the shown text.
      std::string text;
      std::vector<xmlNode*> runs;
      for (xmlNode* child = item->children; child; child = child->next) {
        if (Named(child, "t")) text += Text(child);
        if (Named(child, "r")) Collect(child, "t", &runs);
      }
      for (xmlNode* run : runs) text += Text(run);
      shared.push_back(text);
    }
  }
  std::map<std::string, std::string> targets;  // relationship id -> part
  XmlDoc relations = package.Xml("xl/_rels/workbook.xml.rels");
  for (xmlNode* relation : All(relations, "Relationship")) {
    std::string target = Attribute(relation, "Target");
    if (!target.empty() && target[0] == '/') {
      target = target.substr(1);
    } else {
      target = "xl/" + target;
    }
    targets[Attribute(relation, "Id")] = target;
  }
  std::vector<Sheet> sheets;
  XmlDoc workbook = package.Xml("xl/workbook.xml");
  for (xmlNode* entry : All(workbook, "sheet")) {
    Sheet sheet;
    sheet.name = Attribute(entry, "name");
    auto target = targets.find(Attribute(entry, "id"));
    if (target == targets.end()) throw std::runtime_error(name + ": sheet '" + sheet.name + "' has no part");
    XmlDoc part = package.Xml(target->second);
    for (xmlNode* cell : All(part, "c")) {
      Cell out;
      out.ref = Attribute(cell, "r");
      Position(out.ref, &out.row, &out.column);
      const std::string type = Attribute(cell, "t");
      for (xmlNode* child = cell->children; child; child = child->next) {
        if (Named(child, "v")) out.value = Text(child);
        if (Named(child, "is")) out.value = Text(child);
      }
      if (type == "s") {
        size_t index = out.value.empty() ? shared.size() : std::stoul(out.value);
        if (index >= shared.size()) throw std::runtime_error(name + ": cell " + out.ref + " names a missing string");
        out.value = shared[index];
      }
      if (out.value.empty() && type != "s" && type != "inlineStr" && type != "str") continue;  // style only
      sheet.cells.push_back(std::move(out));
    }
    std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const Cell& a, const Cell& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

}  // namespace barometer::audit
