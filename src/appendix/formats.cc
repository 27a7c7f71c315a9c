#include "appendix/formats.h"

#include <stdexcept>

namespace barometer::appendix {
namespace {

lxw_format* NewFormat(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  if (!format) throw std::runtime_error("libxlsxwriter: out of memory adding a format");
  return format;
}

}  // namespace

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + what + ": " + lxw_strerror(error));
  }
}

std::string ShareFormat(int decimals) { return decimals <= 0 ? "0%" : "0." + std::string(decimals, '0') + "%"; }

lxw_format* Formats::Share(int decimals) {
  auto it = shares.find(decimals);
  if (it != shares.end()) return it->second;
  lxw_format* format = NewFormat(workbook);
  format_set_num_format(format, ShareFormat(decimals).c_str());
  format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  return shares[decimals] = format;
}

Formats MakeFormats(lxw_workbook* workbook, const std::string& date_format) {
  Formats f;
  f.workbook = workbook;
  f.title = NewFormat(workbook);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.heading = NewFormat(workbook);
  format_set_bold(f.heading);
  format_set_font_size(f.heading, 12);
  f.text = NewFormat(workbook);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.header = NewFormat(workbook);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_BOTTOM);
  f.header_value = NewFormat(workbook);
  format_set_bold(f.header_value);
  format_set_text_wrap(f.header_value);
  format_set_align(f.header_value, LXW_ALIGN_RIGHT);
  format_set_align(f.header_value, LXW_ALIGN_VERTICAL_BOTTOM);
  f.count = NewFormat(workbook);
  format_set_num_format(f.count, "#,##0");
  format_set_align(f.count, LXW_ALIGN_VERTICAL_TOP);
  f.missing = NewFormat(workbook);
  format_set_align(f.missing, LXW_ALIGN_RIGHT);
  format_set_align(f.missing, LXW_ALIGN_VERTICAL_TOP);
  f.link = NewFormat(workbook);
  format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(f.link, 0x0563C1);  // Excel's own hyperlink blue
  format_set_align(f.link, LXW_ALIGN_VERTICAL_TOP);
  f.date = NewFormat(workbook);
  format_set_num_format(f.date, date_format.c_str());
  format_set_align(f.date, LXW_ALIGN_LEFT);
  return f;
}

}  // namespace barometer::appendix
