#include "audit/report.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "base/number_style.h"
#include "base/xml_escape.h"
#include "exports/figure_exports.h"

namespace barometer::audit {
namespace {

std::string Or(const std::optional<std::string>& value, const char* missing) { return value ? *value : missing; }

std::string Box(const PixelChange& pixels) {
  return std::to_string(pixels.changed) + " pixels changed in " + std::to_string(pixels.x1 - pixels.x0) + "x" +
         std::to_string(pixels.y1 - pixels.y0) + " at (" + std::to_string(pixels.x0) + "," +
         std::to_string(pixels.y0) + ")";
}

std::string Points(const ValueChange& change) {
  if (!change.old_value || !change.new_value) return "";
  double difference = *change.new_value - *change.old_value;
  if (difference == 0) return "";
  return std::string(difference > 0 ? "+" : "-") + base::PlainNumber(difference > 0 ? difference : -difference) +
         " points";
}

std::string Source(const ValueChange& change) {
  if (change.table.empty()) return "";
  return change.line ? change.table + ":" + std::to_string(change.line) : change.table;
}

std::string ValueLine(const ValueChange& change) {
  std::string what = change.old_value || change.old_n ? (change.new_value || change.new_n ? "value" : "value removed")
                                                      : "value added";
  std::string line = what + " " + change.figure + " [" + change.language + "] " + change.category + " / " +
                     change.series + ": " + FormatValue(change.old_value) + " -> " + FormatValue(change.new_value);
  if (!Points(change).empty()) line += " (" + Points(change) + ")";
  if (change.old_n != change.new_n) {
    line += " n " + (change.old_n ? std::to_string(*change.old_n) : "-") + " -> " +
            (change.new_n ? std::to_string(*change.new_n) : "-");
  }
  if (!Source(change).empty()) line += "  " + Source(change);
  return line;
}

std::string CellLine(const CellChange& change) {
  return "cell " + change.workbook + " " + change.sheet + "!" + change.cell + ": " + Or(change.old_value, "(empty)") +
         " -> " + Or(change.new_value, "(empty)");
}

std::string PageLine(const PageChange& change) {
  std::string line = "page " + change.pdf + " p." + std::to_string(change.page) + ": ";
  if (change.added) return line + "added";
  if (change.removed) return line + "removed";
  std::string parts;
  if (change.pixels.changed) parts = Box(change.pixels);
  if (!change.text.empty()) {
    parts += (parts.empty() ? "" : "; ") + std::string("text ");
    for (size_t i = 0; i < change.text.size(); ++i) parts += (i ? " | " : "") + change.text[i];
  }
  return line + parts;
}

// An input's SHA-256 shortened to 12 digits, as git shortens commits: enough to tell two versions apart.
std::string RecordLine(const RecordChange& change) {
  auto shown = [&](const std::optional<std::string>& value) {
    if (!value) return std::string("(none)");
    return change.what.rfind("input ", 0) == 0 && value->size() == 64 ? value->substr(0, 12) : *value;
  };
  return change.what + ": " + shown(change.old_value) + " -> " + shown(change.new_value);
}

std::string FileLine(const FileChange& change) {
  const char* kinds[] = {"file added ", "file removed ", "file changed "};
  return kinds[change.kind] + change.path;
}

nlohmann::json Optional(const std::optional<std::string>& value) { return value ? nlohmann::json(*value) : nullptr; }
template <typename T>
nlohmann::json Optional(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json BoxJson(const PixelChange& pixels) {
  return {{"changed", pixels.changed},
          {"box", {{"x", pixels.x0}, {"y", pixels.y0}, {"width", pixels.x1 - pixels.x0},
                   {"height", pixels.y1 - pixels.y0}}},
          {"image", {{"width", pixels.width}, {"height", pixels.height}}}};
}

// HTML text and attribute values are escaped as XML is (`&apos;` is valid HTML too).
constexpr auto Escape = base::XmlEscape;

std::string Base64(const std::string& bytes) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

// An embedded PNG with the changed area outlined (in percent of the image, so it scales with it).
std::string Picture(const std::string& png, const PixelChange& pixels, const std::string& caption) {
  std::string html = "<figure><div class=\"frame\"><img alt=\"" + Escape(caption) + "\" src=\"data:image/png;base64," +
                     Base64(png) + "\">";
  if (pixels.changed && pixels.width && pixels.height) {
    auto percent = [](int part, int whole) { return std::to_string(100.0 * part / whole) + "%"; };
    html += "<div class=\"changed\" style=\"left:" + percent(pixels.x0, pixels.width) +
            ";top:" + percent(pixels.y0, pixels.height) + ";width:" + percent(pixels.x1 - pixels.x0, pixels.width) +
            ";height:" + percent(pixels.y1 - pixels.y0, pixels.height) + "\"></div>";
  }
  return html + "</div><figcaption>" + Escape(caption) + "</figcaption></figure>";
}

// "… before [-old-]{+new+} after …" with the removed and added words marked up.
std::string MarkedPassage(const std::string& passage) {
  std::string html;
  size_t at = 0;
  while (at < passage.size()) {
    size_t removed = passage.find("[-", at), added = passage.find("{+", at);
    size_t next = std::min(removed, added);
    if (next == std::string::npos) {
      html += Escape(passage.substr(at));
      break;
    }
    html += Escape(passage.substr(at, next - at));
    bool is_removed = next == removed;
    size_t end = passage.find(is_removed ? "-]" : "+}", next + 2);
    if (end == std::string::npos) end = passage.size();
    html += std::string(is_removed ? "<del>" : "<ins>") + Escape(passage.substr(next + 2, end - next - 2)) +
            (is_removed ? "</del>" : "</ins>");
    at = end + 2;
  }
  return html;
}

const char kStyle[] =
    "body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid "
    "#ccc}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
    "td.num{text-align:right}.pair{display:flex;gap:1em;flex-wrap:wrap;align-items:flex-start}"
    "figure{margin:0}.frame{position:relative;display:inline-block;border:1px solid #ddd}"
    ".frame img{display:block;max-width:420px;height:auto}"
    ".changed{position:absolute;outline:3px solid #d00;box-sizing:border-box}"
    "del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}"
    "ul.summary{font-family:monospace}";

// The counts, and the text report's lines as a list.
void HtmlSummary(const DiffReport& report, std::string& html) {
  html += "<section id=\"summary\"><h2>Summary</h2><p>" + std::to_string(report.Total()) +
          (report.Total() == 1 ? " change" : " changes") + ": " + std::to_string(report.values.size()) +
          " values, " + std::to_string(report.cells.size()) + " workbook cells, " +
          std::to_string(report.figures.size()) + " figure drawings, " + std::to_string(report.pages.size()) +
          " pages, " + std::to_string(report.record.size()) + " build record entries, " +
          std::to_string(report.files.size()) + " files.</p>\n<ul class=\"summary\">";
  std::istringstream lines(FormatText(report));
  std::vector<std::string> summary;
  for (std::string line; std::getline(lines, line);) summary.push_back(line);
  summary.pop_back();  // the total, said above
  for (const std::string& line : summary) html += "<li>" + Escape(line) + "</li>";
  html += "</ul></section>\n";
}

// Changed figure values, a row each.
void HtmlValues(const DiffReport& report, std::string& html) {
  if (!report.values.empty()) {
    html += "<section id=\"values\"><h2>Values</h2><table><tr><th>figure</th><th>language</th><th>category</th>"
            "<th>series</th><th>old</th><th>new</th><th>difference</th><th>source</th></tr>\n";
    for (const ValueChange& change : report.values) {
      html += "<tr id=\"value-" + Escape(change.figure + "-" + change.language + "-" + change.category + "-" +
                                         change.series) +
              "\"><td>" + Escape(change.figure) + "</td><td>" + Escape(change.language) + "</td><td>" +
              Escape(change.category_label) + " <small>(" + Escape(change.category) + ")</small></td><td>" +
              Escape(change.series_label) + " <small>(" + Escape(change.series) + ")</small></td><td class=\"num\">" +
              FormatValue(change.old_value) + "</td><td class=\"num\">" + FormatValue(change.new_value) +
              "</td><td class=\"num\">" + Escape(Points(change)) + "</td><td>" + Escape(Source(change)) +
              "</td></tr>\n";
    }
    html += "</table></section>\n";
  }
}

// Changed workbook cells, a row each.
void HtmlCells(const DiffReport& report, std::string& html) {
  if (!report.cells.empty()) {
    html += "<section id=\"cells\"><h2>Workbook cells</h2><table><tr><th>workbook</th><th>sheet</th><th>cell</th>"
            "<th>old</th><th>new</th></tr>\n";
    for (const CellChange& change : report.cells) {
      html += "<tr><td>" + Escape(change.workbook) + "</td><td>" + Escape(change.sheet) + "</td><td>" +
              Escape(change.cell) + "</td><td>" + Escape(Or(change.old_value, "")) + "</td><td>" +
              Escape(Or(change.new_value, "")) + "</td></tr>\n";
    }
    html += "</table></section>\n";
  }
}

// Changed figure drawings, old and new side by side.
void HtmlFigures(const DiffReport& report, std::string& html) {
  if (!report.figures.empty()) {
    html += "<section id=\"figures\"><h2>Figures</h2>\n";
    for (const FigureChange& change : report.figures) {
      html += "<div class=\"figure-change\" id=\"figure-" + Escape(change.figure + "-" + change.language) + "\"><h3>" +
              Escape(change.figure) + " [" + Escape(change.language) + "] " + Escape(change.png) + "</h3><p>" +
              Escape(Box(change.pixels)) + "</p><div class=\"pair\">";
      auto old_png = report.old_images.find(change.png), new_png = report.new_images.find(change.png);
      if (old_png != report.old_images.end()) html += Picture(old_png->second, change.pixels, "old: " + report.old_name);
      if (new_png != report.new_images.end()) html += Picture(new_png->second, change.pixels, "new: " + report.new_name);
      html += "</div></div>\n";
    }
    html += "</section>\n";
  }
}

// Changed PDF pages: thumbnails and the changed passages.
void HtmlPages(const DiffReport& report, std::string& html) {
  if (!report.pages.empty()) {
    html += "<section id=\"pages\"><h2>Pages</h2>\n";
    for (const PageChange& change : report.pages) {
      html += "<div class=\"page-change\"><h3>" + Escape(change.pdf) + ", page " + std::to_string(change.page) +
              "</h3><p>" + Escape(PageLine(change).substr(PageLine(change).find(": ") + 2)) + "</p><div class=\"pair\">";
      if (!change.old_thumbnail.empty()) html += Picture(change.old_thumbnail, change.pixels, "old");
      if (!change.new_thumbnail.empty()) html += Picture(change.new_thumbnail, change.pixels, "new");
      html += "</div>";
      if (!change.text.empty()) {
        html += "<ul class=\"text\">";
        for (const std::string& passage : change.text) html += "<li>" + MarkedPassage(passage) + "</li>";
        html += "</ul>";
      }
      html += "</div>\n";
    }
    html += "</section>\n";
  }
}

}  // namespace

std::string FormatValue(const std::optional<double>& value) {
  return value ? base::PlainNumber(*value) : std::string("-");
}

std::string FormatText(const DiffReport& report) {
  std::string out;
  for (const ValueChange& change : report.values) out += ValueLine(change) + "\n";
  for (const CellChange& change : report.cells) out += CellLine(change) + "\n";
  for (const FigureChange& change : report.figures) {
    out += "figure " + change.figure + " [" + change.language + "] " + change.png + ": " + Box(change.pixels) + "\n";
  }
  for (const PageChange& change : report.pages) out += PageLine(change) + "\n";
  for (const RecordChange& change : report.record) out += RecordLine(change) + "\n";
  for (const FileChange& change : report.files) out += FileLine(change) + "\n";
  out += std::to_string(report.Total()) + (report.Total() == 1 ? " change" : " changes") + " between " +
         report.old_name + " and " + report.new_name + " (" + std::to_string(report.values.size()) + " values, " +
         std::to_string(report.cells.size()) + " cells, " + std::to_string(report.figures.size()) + " figures, " +
         std::to_string(report.pages.size()) + " pages, " + std::to_string(report.record.size()) +
         " build record entries, " + std::to_string(report.files.size()) + " files)\n";
  return out;
}

std::string FormatJson(const DiffReport& report) {
  nlohmann::ordered_json out;
  out["old"] = report.old_name;
  out["new"] = report.new_name;
  out["total"] = report.Total();
  out["values"] = nlohmann::ordered_json::array();
  for (const ValueChange& change : report.values) {
    out["values"].push_back({{"figure", change.figure}, {"number", change.number}, {"language", change.language},
                             {"category", change.category}, {"series", change.series},
                             {"category_label", change.category_label}, {"series_label", change.series_label},
                             {"old", Optional(change.old_value)}, {"new", Optional(change.new_value)},
                             {"difference", change.old_value && change.new_value
                                                ? nlohmann::json(*change.new_value - *change.old_value)
                                                : nlohmann::json(nullptr)},
                             {"old_n", Optional(change.old_n)}, {"new_n", Optional(change.new_n)},
                             {"table", change.table}, {"line", change.line}});
  }
  out["cells"] = nlohmann::ordered_json::array();
  for (const CellChange& change : report.cells) {
    out["cells"].push_back({{"workbook", change.workbook}, {"sheet", change.sheet}, {"cell", change.cell},
                            {"old", Optional(change.old_value)}, {"new", Optional(change.new_value)}});
  }
  out["figures"] = nlohmann::ordered_json::array();
  for (const FigureChange& change : report.figures) {
    out["figures"].push_back({{"figure", change.figure}, {"number", change.number}, {"language", change.language},
                              {"png", change.png}, {"pixels", BoxJson(change.pixels)}});
  }
  out["pages"] = nlohmann::ordered_json::array();
  for (const PageChange& change : report.pages) {
    out["pages"].push_back({{"pdf", change.pdf}, {"page", change.page}, {"added", change.added},
                            {"removed", change.removed}, {"dpi", report.page_dpi},
                            {"pixels", BoxJson(change.pixels)}, {"text", change.text}});
  }
  out["record"] = nlohmann::ordered_json::array();
  for (const RecordChange& change : report.record) {
    out["record"].push_back({{"what", change.what}, {"old", Optional(change.old_value)},
                             {"new", Optional(change.new_value)}});
  }
  out["files"] = nlohmann::ordered_json::array();
  const char* kinds[] = {"added", "removed", "changed"};
  for (const FileChange& change : report.files) {
    out["files"].push_back({{"path", change.path}, {"change", kinds[change.kind]}});
  }
  return out.dump(2) + "\n";
}

std::string FormatHtml(const DiffReport& report) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>barometer diff: " +
                     Escape(report.old_name) + " and " + Escape(report.new_name) + "</title><style>" + kStyle +
                     "</style></head><body>\n";
  html += "<h1>What changed between " + Escape(report.old_name) + " and " + Escape(report.new_name) + "</h1>\n";
  HtmlSummary(report, html);
  HtmlValues(report, html);
  HtmlCells(report, html);
  HtmlFigures(report, html);
  HtmlPages(report, html);
  if (!report.record.empty() || !report.files.empty()) {
    html += "<section id=\"record\"><h2>Build record and files</h2><ul>";
    for (const RecordChange& change : report.record) {
      html += "<li>" + Escape(RecordLine(change)) + "</li>";
    }
    for (const FileChange& change : report.files) html += "<li>" + Escape(FileLine(change)) + "</li>";
    html += "</ul></section>\n";
  }
  if (report.Total() == 0) html += "<p>Nothing differs.</p>\n";
  return html + "</body></html>\n";
}

}  // namespace barometer::audit
