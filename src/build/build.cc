#include "build/build.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <memory>
#include <sstream>
#include <thread>

#include "appendix/workbook.h"
#include "base/hash.h"
#include "base/number_style.h"
#include "check/check.h"
#include "check/figures_check.h"
#include "check/staleness.h"
#include "exports/figure_exports.h"
#include "figures/chart.h"
#include "layout/layout.h"
#include "model/load.h"
#include "render/pdf.h"
#include "text/fonts.h"
#include "text/hyphenator.h"

namespace barometer::build {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct StageTimes {
  double figures = 0, layout = 0, write = 0;
  int pages = 0, charts = 0;
};

struct LanguageResult {
  std::vector<Output> outputs;
  StageTimes times;
  std::string error;  ///< an exception's message from the language's thread
};

// A language's text tools. Made on the main thread, one language after the other, and warmed up there: the
// first use of each font goes through process-wide caches in fontconfig, Cairo and FreeType, and two threads
// doing that at once gave different glyph metrics now and then (and so different line breaks).
struct TextTools {
  TextTools(const std::string& fonts_dir, const model::LanguageEdition& language, const model::Template& design)
      : fonts(fonts_dir, language.locale),
        hyphenator(language.code, language.hyphenation_exceptions),
        shaper(fonts, hyphenator) {
    std::set<std::tuple<std::string, int, bool>> faces;
    for (const auto& [name, style] : design.styles) {
      for (int variant = 0; variant < 4; ++variant) {
        model::TextStyle warm = style;
        warm.italic = variant & 1;
        if (variant & 2) warm.weight = 700;
        // Each font face once is enough: the caches are per face, not per size.
        if (faces.emplace(warm.family, warm.weight, warm.italic).second) shaper.MeasureWidth("Ag æøå 0123 %", warm);
      }
    }
  }
  text::FontSet fonts;
  text::Hyphenator hyphenator;
  text::Shaper shaper;
};

void BuildLanguage(const model::Edition& edition, const model::LanguageEdition& language,
                   const BuildOptions& options, TextTools& tools, base::Diagnostics& diags, LanguageResult& result) {
  auto start = Clock::now();
  text::Shaper& shaper = tools.shaper;
  base::NumberStyle numbers = base::NumberStyle::ForLanguage(language.code);
  figures::ChartContext context{&edition.design, &numbers, &shaper, language.code};

  layout::LayoutInput input;
  input.edition = &edition;
  input.language = &language;
  input.shaper = &shaper;
  input.creator = std::string("barometer ") + BAROMETER_VERSION;
  input.charts = figures::BuildCharts(edition, language, context, diags);
  result.times.figures = Seconds(start);
  result.times.charts = static_cast<int>(input.charts.size());

  start = Clock::now();
  layout::Document document = layout::LayoutEdition(input, diags);
  result.times.layout = Seconds(start);
  result.times.pages = static_cast<int>(document.pages.size());
  if (diags.HasErrors() || !options.write) return;

  start = Clock::now();
  result.outputs.push_back({language.file, render::PostProcessPdf(render::RenderPdf(document), document)});
  for (const auto& [id, chart] : input.charts) {
    exports::FigureExport figure;
    figure.chart = chart.get();
    figure.spec = &edition.figures.at(id);
    auto table = edition.tables.find(figure.spec->table);
    figure.table = table == edition.tables.end() ? nullptr : &table->second;
    figure.text = &language.figures.at(id);
    figure.language = &language;
    for (auto& [path, bytes] : exports::ExportFigure(figure, diags)) result.outputs.push_back({path, std::move(bytes)});
  }
  std::string stem = language.file.substr(0, language.file.size() - 4);
  std::string appendix_name = stem;
  std::string suffix = "-" + language.code;
  if (appendix_name.size() > suffix.size() &&
      appendix_name.compare(appendix_name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    appendix_name = appendix_name.substr(0, appendix_name.size() - suffix.size()) + "-appendix" + suffix;
  } else {
    appendix_name += "-appendix";
  }
  result.outputs.push_back({appendix_name + ".xlsx", appendix::BuildWorkbook(edition, language, input.charts, diags)});
  result.times.write = Seconds(start);
}

// Whether `--lang` asks for a language (no list: every language).
bool Wanted(const BuildOptions& options, const std::string& code) {
  return options.languages.empty() ||
         std::find(options.languages.begin(), options.languages.end(), code) != options.languages.end();
}

}  // namespace

Outcome Build(base::FileSystem& fs, const BuildOptions& options, base::Progress& progress,
              base::Diagnostics& diags) {
  auto start = Clock::now();
  model::LoadOptions load{options.content_dir, options.templates_dir, options.languages};
  // Hashing the font files takes as long as reading the content; do both at once.
  std::thread fonts([&] { text::VerifyFontManifest(fs, options.fonts_dir, diags); });
  std::optional<model::Edition> edition = model::LoadEdition(fs, load, diags);
  fonts.join();
  if (edition) {
    check::CheckEdition(*edition, diags);
    check::CheckFigures(*edition, diags);
  }
  size_t sections = 0;
  if (edition) {
    for (const auto& language : edition->languages) sections += language.sections.size();
  }
  progress.StageDone("load", Seconds(start),
                     base::Counted(edition ? edition->languages.size() : 0, "language", "languages") + ", " +
                         base::Counted(sections, "section file", "section files") + ", " +
                         base::Counted(edition ? edition->tables.size() : 0, "table", "tables"));
  if (!edition || diags.HasErrors()) return Outcome::kContentErrors;

  // The languages share nothing mutable after the checks; each gets its own fonts, hyphenator and thread.
  std::vector<const model::LanguageEdition*> wanted;
  for (const auto& language : edition->languages) {
    if (Wanted(options, language.code)) wanted.push_back(&language);
  }
  std::vector<LanguageResult> results(wanted.size());
  start = Clock::now();
  std::vector<std::unique_ptr<TextTools>> tools;
  for (const model::LanguageEdition* language : wanted) {
    tools.push_back(std::make_unique<TextTools>(options.fonts_dir, *language, edition->design));
  }
  progress.StageDone("fonts", Seconds(start), "fonts and hyphenation patterns for " +
                                                  base::Counted(wanted.size(), "language", "languages"));
  auto run = [&](size_t i) {
    try {
      BuildLanguage(*edition, *wanted[i], options, *tools[i], diags, results[i]);
    } catch (const std::exception& e) {
      results[i].error = e.what();
    }
  };
  if (options.parallel && wanted.size() > 1) {
    std::vector<std::thread> threads;
    for (size_t i = 0; i < wanted.size(); ++i) threads.emplace_back(run, i);
    for (std::thread& thread : threads) thread.join();
  } else {
    for (size_t i = 0; i < wanted.size(); ++i) run(i);
  }
  for (const LanguageResult& result : results) {
    if (!result.error.empty()) throw std::runtime_error(result.error);
  }

  StageTimes slowest;
  int pages = 0, charts = 0;
  std::string per_language;
  for (size_t i = 0; i < results.size(); ++i) {
    const StageTimes& t = results[i].times;
    slowest.figures = std::max(slowest.figures, t.figures);
    slowest.layout = std::max(slowest.layout, t.layout);
    slowest.write = std::max(slowest.write, t.write);
    pages += t.pages;
    charts += t.charts;
    per_language += (i ? ", " : "") + wanted[i]->code + " " + std::to_string(t.pages);
  }
  progress.StageDone("figures", slowest.figures, base::Counted(static_cast<size_t>(charts), "chart", "charts"));
  progress.StageDone("layout", slowest.layout,
                     base::Counted(static_cast<size_t>(pages), "page", "pages") + " (" + per_language + ")");
  if (diags.HasErrors()) return Outcome::kContentErrors;
  if (!options.write) return Outcome::kBuilt;

  start = Clock::now();
  std::vector<Output> outputs;
  for (LanguageResult& result : results) {
    for (Output& output : result.outputs) outputs.push_back(std::move(output));
  }
  // A build of some languages leaves the others' files alone.
  WriteOutputs(fs, options.out_dir, outputs, /*remove_stale=*/wanted.size() == edition->languages.size());
  progress.StageDone("write", slowest.write + Seconds(start), base::Counted(outputs.size(), "file", "files") + " in " +
                                                                  options.out_dir);
  return Outcome::kBuilt;
}

Outcome MarkTranslated(base::FileSystem& fs, const BuildOptions& options, base::Diagnostics& diags,
                       std::vector<std::string>* written) {
  model::LoadOptions load{options.content_dir, options.templates_dir, options.languages};
  std::optional<model::Edition> edition = model::LoadEdition(fs, load, diags);
  if (!edition || diags.HasErrors() || edition->languages.empty()) return Outcome::kContentErrors;
  const model::LanguageEdition& source = edition->languages.front();
  const std::string lock = check::LockFileText(source);
  for (const model::LanguageEdition& language : edition->languages) {
    if (&language == &source || !Wanted(options, language.code)) continue;
    const std::string path = base::JoinPath(base::JoinPath(options.content_dir, language.code), "translation.lock");
    fs.WriteFile(path + ".tmp", lock);
    fs.Rename(path + ".tmp", path);
    written->push_back(path);
  }
  return Outcome::kBuilt;
}

namespace {

// The files a previous build listed in its SHA256SUMS, as paths relative to the output folder. Only plain relative
// paths count, so a hand-edited list can never name a file outside the folder.
std::vector<std::string> ListedInSums(const std::string& sums) {
  std::vector<std::string> paths;
  std::istringstream lines(sums);
  std::string line;
  while (std::getline(lines, line)) {
    size_t gap = line.find("  ");
    if (gap == std::string::npos) continue;
    std::string path = line.substr(gap + 2);
    if (path.empty() || path.front() == '/' || ("/" + path + "/").find("/../") != std::string::npos) continue;
    paths.push_back(path);
  }
  return paths;
}

}  // namespace

void WriteOutputs(base::FileSystem& fs, const std::string& out_dir, const std::vector<Output>& outputs,
                  bool remove_stale) {
  std::vector<Output> sorted = outputs;
  std::sort(sorted.begin(), sorted.end(), [](const Output& a, const Output& b) { return a.path < b.path; });
  std::string sums;
  for (const Output& output : sorted) sums += base::Sha256Hex(output.bytes) + "  " + output.path + "\n";
  sorted.push_back({"SHA256SUMS", sums});

  std::string previous_sums;
  if (remove_stale) fs.ReadFile(base::JoinPath(out_dir, "SHA256SUMS"), &previous_sums);

  // A file that already holds the same bytes is left as it is: its date stays, and the build creates no file for
  // it (on a busy disk, creating files is most of what writing costs).
  std::vector<const Output*> changed;
  for (const Output& output : sorted) {
    std::string current;
    if (!fs.ReadFile(base::JoinPath(out_dir, output.path), &current) || current != output.bytes) {
      changed.push_back(&output);
    }
  }

  const std::string staging = out_dir + ".staging";
  fs.RemoveAll(staging);
  if (!changed.empty()) {
    for (const Output* output : changed) {
      const std::string path = base::JoinPath(staging, output->path);
      fs.MakeDirs(base::DirName(path));
      fs.WriteFile(path, output->bytes);
    }
    // Everything is on disk; now each file replaces its old version by an atomic rename, SHA256SUMS last.
    for (const Output* output : changed) {
      const std::string target = base::JoinPath(out_dir, output->path);
      fs.MakeDirs(base::DirName(target));
      fs.Rename(base::JoinPath(staging, output->path), target);
    }
    fs.RemoveAll(staging);
  }

  // What the previous build wrote and this one no longer makes (a figure taken out, a language dropped) would
  // mislead a reader of the folder; files the build never listed are not its to remove.
  std::set<std::string> current;
  for (const Output& output : sorted) current.insert(output.path);
  for (const std::string& path : ListedInSums(previous_sums)) {
    if (!current.count(path)) fs.RemoveAll(base::JoinPath(out_dir, path));
  }
}

}  // namespace barometer::build
