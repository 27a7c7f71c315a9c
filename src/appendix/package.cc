#include "appendix/package.h"

#include <zip.h>

#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include "base/xml_escape.h"

namespace barometer::appendix {
namespace {

// libxlsxwriter dates every entry 1980-01-01 00:00, the earliest DOS date; changed entries get the same.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

[[noreturn]] void Fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error("cannot " + what + " the workbook package: " + zip_error_strerror(error));
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class Archive {
 public:
  explicit Archive(const std::string& bytes) {
    zip_error_init(&error_);
    source_ = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error_);
    if (!source_) Fail("open", &error_);
    archive_ = zip_open_from_source(source_, 0, &error_);
    if (!archive_) {
      zip_source_free(source_);
      Fail("open", &error_);
    }
    zip_source_keep(source_);  // it receives the rewritten archive on close
  }
  ~Archive() {
    if (archive_) zip_discard(archive_);
    zip_source_free(source_);
    zip_error_fini(&error_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  std::map<std::string, zip_uint64_t> Entries() {
    std::map<std::string, zip_uint64_t> entries;
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
      const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
      if (name) entries[name] = static_cast<zip_uint64_t>(i);
    }
    return entries;
  }

  std::string Read(zip_uint64_t index) {
    zip_file_t* file = zip_fopen_index(archive_, index, 0);
    if (!file) Fail("read", zip_get_error(archive_));
    std::string bytes;
    char buffer[16384];
    zip_int64_t got;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) bytes.append(buffer, static_cast<size_t>(got));
    zip_fclose(file);
    if (got < 0) Fail("read", zip_get_error(archive_));
    return bytes;
  }

  /// Replaces an entry's bytes; `bytes` must stay alive until Close.
  void Replace(zip_uint64_t index, const std::string& bytes) {
    zip_source_t* data = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
    if (!data || zip_file_replace(archive_, index, data, 0) < 0) {
      if (data) zip_source_free(data);
      Fail("change", zip_get_error(archive_));
    }
    if (zip_file_set_dostime(archive_, index, kDosTime, kDosDate, 0) < 0 ||
        zip_set_file_compression(archive_, index, ZIP_CM_DEFLATE, 0) < 0) {
      Fail("change", zip_get_error(archive_));
    }
  }

  std::string Close() {
    if (zip_close(archive_) < 0) Fail("write", zip_get_error(archive_));
    archive_ = nullptr;
    zip_stat_t stat;
    if (zip_source_stat(source_, &stat) < 0 || zip_source_open(source_) < 0) Fail("write", zip_source_error(source_));
    std::string bytes(stat.size, '\0');
    const zip_int64_t got = zip_source_read(source_, bytes.data(), stat.size);
    zip_source_close(source_);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) Fail("write", zip_source_error(source_));
    return bytes;
  }

 private:
  zip_error_t error_;
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
};

/// A number as a chart cache writes it: the shortest text that reads back as the same double.
std::string CacheNumber(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

/// `<c:numRef><c:f>F</c:f></c:numRef>` for each F in `caches` becomes a reference with its cells cached: a
/// strRef with a strCache for labels, the numRef with a numCache for values.
std::string AddCaches(std::string xml, const std::map<std::string, CachedCells>& caches) {
  for (const auto& [formula_text, cells] : caches) {
    // As libxlsxwriter writes element text: only &, < and > escaped (sheet names keep their apostrophes).
    const std::string formula =
        ReplaceAll(ReplaceAll(ReplaceAll(formula_text, "&", "&amp;"), "<", "&lt;"), ">", "&gt;");
    const std::string bare = "<c:numRef><c:f>" + formula + "</c:f></c:numRef>";
    std::string cached;
    if (cells.text) {
      cached = "<c:strRef><c:f>" + formula + "</c:f><c:strCache><c:ptCount val=\"" +
               std::to_string(cells.texts.size()) + "\"/>";
      for (size_t i = 0; i < cells.texts.size(); ++i) {
        cached += "<c:pt idx=\"" + std::to_string(i) + "\"><c:v>" + base::XmlEscape(cells.texts[i]) + "</c:v></c:pt>";
      }
      cached += "</c:strCache></c:strRef>";
    } else {
      cached = "<c:numRef><c:f>" + formula + "</c:f><c:numCache><c:formatCode>General</c:formatCode>" +
               "<c:ptCount val=\"" + std::to_string(cells.numbers.size()) + "\"/>";
      for (size_t i = 0; i < cells.numbers.size(); ++i) {
        if (std::isnan(cells.numbers[i])) continue;  // a cell without a number has no point
        cached += "<c:pt idx=\"" + std::to_string(i) + "\"><c:v>" + CacheNumber(cells.numbers[i]) + "</c:v></c:pt>";
      }
      cached += "</c:numCache></c:numRef>";
    }
    xml = ReplaceAll(xml, bare, cached);
  }
  return xml;
}

/// The drawing part a chart sheet's relationships point to: "xl/drawings/drawing3.xml".
std::string DrawingOf(const std::string& rels) {
  const std::string marker = "Target=\"../drawings/";
  const size_t at = rels.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return "xl/drawings/" + rels.substr(start, rels.find('"', start) - start);
}

}  // namespace

std::string FinishPackage(const std::string& xlsx, const std::string& locale,
                          const std::vector<ChartSheetExtras>& charts) {
  Archive archive(xlsx);
  std::map<std::string, zip_uint64_t> entries = archive.Entries();
  std::map<zip_uint64_t, std::string> changed;  // kept alive until the archive is written

  // Charts are numbered in the order they were added, one per chart sheet.
  for (size_t i = 0; i < charts.size(); ++i) {
    auto chart = entries.find("xl/charts/chart" + std::to_string(i + 1) + ".xml");
    if (chart == entries.end()) throw std::runtime_error("the workbook has no chart " + std::to_string(i + 1));
    const std::string xml = archive.Read(chart->second);
    std::string finished = AddCaches(xml, charts[i].caches);
    // libxlsxwriter writes every chart's text as its own fixed default language; the chart speaks the sheet's.
    finished = ReplaceAll(ReplaceAll(finished, "lang=\"en-US\"", "lang=\"" + locale + "\""),
                          "<c:lang val=\"en-US\"/>", "<c:lang val=\"" + locale + "\"/>");
    if (finished != xml) changed[chart->second] = std::move(finished);
  }
  for (size_t i = 0; i < charts.size(); ++i) {
    const std::string sheet = "sheet" + std::to_string(i + 1) + ".xml";
    auto rels = entries.find("xl/chartsheets/_rels/" + sheet + ".rels");
    if (rels == entries.end()) throw std::runtime_error("the workbook has no chart sheet " + sheet);
    auto drawing = entries.find(DrawingOf(archive.Read(rels->second)));
    if (drawing == entries.end()) throw std::runtime_error("chart sheet " + sheet + " has no drawing");
    std::string xml = archive.Read(drawing->second);
    const std::string frame = "name=\"Chart 1\"";
    const size_t at = xml.find(frame);
    if (at == std::string::npos) throw std::runtime_error("chart sheet " + sheet + ": no chart frame in its drawing");
    xml.insert(at + frame.size(), " descr=\"" + base::XmlEscape(charts[i].alt) + "\"");
    changed[drawing->second] = std::move(xml);
  }
  if (changed.empty()) return xlsx;
  for (const auto& [index, bytes] : changed) archive.Replace(index, bytes);
  return archive.Close();
}

}  // namespace barometer::appendix
