// The Excel appendix, written with libxlsxwriter: plan (plan.h), write the sheets (sheets.h) and charts
// (native_chart.h), then finish the package (package.h).
#include "appendix/workbook.h"

#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <stdexcept>
#include <vector>

#include "appendix/formats.h"
#include "appendix/native_chart.h"
#include "appendix/package.h"
#include "appendix/sheets.h"
#include "base/file_system.h"

namespace barometer::appendix {
namespace {

/// Where libxlsxwriter writes the finished workbook: an anonymous in-memory file (memfd), named to the library as
/// /proc/self/fd/N. It is in no folder, so a build killed at any moment leaves nothing behind. (The library's own
/// scratch files go to base::OwnScratchDir().)
class WorkbookFile {
 public:
  WorkbookFile() : fd_(memfd_create("barometer-workbook", MFD_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error(std::string("cannot make an in-memory file: ") + std::strerror(errno));
    path_ = "/proc/self/fd/" + std::to_string(fd_);
    if (access(path_.c_str(), W_OK) != 0) {
      close(fd_);
      throw std::runtime_error("cannot reach " + path_ + " (is /proc mounted?)");
    }
  }
  ~WorkbookFile() { close(fd_); }
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  const std::string& path() const { return path_; }

  std::string Read() const {
    std::string bytes;
    char buffer[65536];
    for (off_t offset = 0;;) {
      ssize_t n = pread(fd_, buffer, sizeof buffer, offset);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error("cannot read back the workbook: " + std::string(std::strerror(errno)));
      if (n == 0) return bytes;
      bytes.append(buffer, static_cast<size_t>(n));
      offset += n;
    }
  }

 private:
  int fd_;
  std::string path_;
};

struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

/// The Excel number format that shows exactly the known parts of a date: a year stays a year.
std::string DateFormat(const model::Date& date) {
  if (date.month == 0) return "yyyy";
  return date.day == 0 ? "yyyy-mm" : "yyyy-mm-dd";
}

void SetProperties(lxw_workbook* workbook, const model::Edition& edition, const model::LanguageEdition& language,
                   Words& words) {
  std::string keywords;
  for (const std::string& keyword : language.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  // libxlsxwriter copies the strings; these only need to live through the call.
  std::string title = language.title + " – " + words.Word("appendix-title");
  std::string subject = language.subtitle.empty() ? words.Word("appendix-title") : language.subtitle;
  std::string publisher = language.publisher, series = language.series, source = words.Source(edition);
  lxw_doc_properties properties = {};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.author = publisher.data();
  properties.company = publisher.data();
  properties.category = series.data();
  properties.keywords = keywords.data();
  properties.comments = source.data();
  // The only date in the file; from the content, never the clock, so two builds give the same bytes.
  properties.created = static_cast<time_t>(edition.publication_date.EpochSeconds());
  Check(workbook_set_properties(workbook, &properties), "setting document properties");
  // An .xlsx has no document language of its own; a custom property carries the BCP 47 tag.
  Check(workbook_set_custom_property_string(workbook, "Language", language.locale.c_str()),
        "setting the language property");
  Check(workbook_set_custom_property_string(workbook, "Edition", edition.id.c_str()), "setting the edition property");
}

/// Writes the planned workbook; returns what the package must add to its charts, in chart-sheet order.
std::vector<ChartSheetExtras> Write(lxw_workbook* workbook, const model::Edition& edition,
                               const model::LanguageEdition& language, const WorkbookPlan& plan, Words& words) {
  Formats formats = MakeFormats(workbook, DateFormat(edition.publication_date));
  SetProperties(workbook, edition, language, words);
  SheetWriter writer(formats, words);

  CoverFacts facts;
  facts.title = language.title + " – " + words.Word("appendix-title");
  facts.about = words.Word("appendix-about");
  facts.source = words.Source(edition);
  facts.publisher = language.publisher;
  facts.published = edition.publication_date;
  facts.isbn = language.isbn;
  facts.contact = edition.web;
  lxw_worksheet* cover = AddWorksheet(workbook, plan.cover_sheet);
  writer.WriteCover(cover, facts, plan);
  writer.WriteContents(AddWorksheet(workbook, plan.contents_sheet), plan);
  writer.WriteNotes(AddWorksheet(workbook, plan.notes_sheet), plan);

  std::vector<ChartSheetExtras> charts;
  for (const TableSheet& sheet : plan.sheets) {
    const lxw_row_t header_row = writer.WriteTableSheet(AddWorksheet(workbook, sheet.name), sheet);
    if (sheet.chart) charts.push_back(AddChartSheet(workbook, *sheet.chart, sheet.table, sheet.name, header_row));
  }
  worksheet_activate(cover);
  return charts;
}

}  // namespace

std::string BuildWorkbook(const model::Edition& edition, const model::LanguageEdition& language,
                          const DrawnCharts& charts, base::Diagnostics& diags) {
  Words words(language, diags);
  const WorkbookPlan plan = PlanWorkbook(edition, charts, words, diags);

  WorkbookFile file;
  lxw_workbook_options options = {};
  std::string scratch = base::OwnScratchDir();
  options.tmpdir = scratch.data();
  std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new_opt(file.path().c_str(), &options));
  if (!workbook) throw std::runtime_error("libxlsxwriter: cannot create a workbook at " + file.path());
  const std::vector<ChartSheetExtras> extras = Write(workbook.get(), edition, language, plan, words);
  // workbook_close frees the workbook, also when it fails.
  Check(workbook_close(workbook.release()), "writing the workbook");
  return FinishPackage(file.Read(), language.locale, extras);
}

}  // namespace barometer::appendix
