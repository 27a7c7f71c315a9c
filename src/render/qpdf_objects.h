// Small readers of libqpdf objects, for the tools that read PDFs back (check-pdf, the tests).
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

namespace barometer::render {

/// The name ("/P"), or "" for anything else.
inline std::string NameOf(QPDFObjectHandle object) { return object.isName() ? object.getName() : ""; }

/// The text string under `key` as UTF-8, or "" when there is none.
inline std::string TextOf(QPDFObjectHandle dictionary, const char* key) {
  if (!dictionary.isDictionary() || !dictionary.hasKey(key)) return "";
  QPDFObjectHandle value = dictionary.getKey(key);
  return value.isString() ? value.getUTF8Value() : "";
}

/// An array's items, a single object as one item, null as none (the forms of /K and /Annots).
inline std::vector<QPDFObjectHandle> Items(QPDFObjectHandle object) {
  std::vector<QPDFObjectHandle> items;
  if (object.isArray()) {
    for (int i = 0; i < object.getArrayNItems(); ++i) items.push_back(object.getArrayItem(i));
  } else if (!object.isNull()) {
    items.push_back(object);
  }
  return items;
}

}  // namespace barometer::render
