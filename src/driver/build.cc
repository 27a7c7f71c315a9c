#include "driver/build.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include "appendix/workbook.h"
#include "base/hash.h"
#include "base/number_style.h"
#include "base/tasks.h"
#include "driver/build_cache.h"
#include "driver/build_info.h"
#include "check/check.h"
#include "check/figures_check.h"
#include "check/numbers_lint.h"
#include "check/staleness.h"
#include "check/translation_status.h"
#include "exports/figure_exports.h"
#include "figures/chart.h"
#include "layout/layout.h"
#include "model/load.h"
#include "render/pdf.h"
#include "text/fonts.h"
#include "text/hyphenator.h"

namespace barometer::driver {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double CpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// The CPU time of the calling thread: the cost of a task, whatever else the machine is doing.
double ThreadCpuSeconds() { return CpuSeconds(CLOCK_THREAD_CPUTIME_ID); }

// The CPU time of the whole process, for a stage that runs alone (its tasks start threads of their own).
double ProcessCpuSeconds() { return CpuSeconds(CLOCK_PROCESS_CPUTIME_ID); }

// Wall and CPU time of a stage, the CPU summed over the threads that worked on it.
struct Cost {
  double wall = 0, cpu = 0;
};

// "12.3 ms cpu", for the progress lines.
std::string CpuNote(double seconds) {
  char text[48];
  std::snprintf(text, sizeof text, "%.1f ms cpu", seconds * 1000);
  return text;
}

// One language laid out: its charts and pages, what the writers need.
struct LaidOut {
  std::map<std::string, std::shared_ptr<const figures::Chart>> charts;
  std::vector<base::Diagnostic> chart_diagnostics;  ///< what making the charts said
  std::unique_ptr<layout::Document> document;
  Cost figures, layout;
  int pages = 0;
};

// Figures and layout of one language, on one thread (its shaper is its own and not shared).
// `shapes` (may be null) keeps shaped paragraphs across builds; `kept` (may be null) holds the language's charts
// as an earlier build made them from the same inputs.
void LayOut(const model::Edition& edition, const model::LanguageEdition& language, const BuildOptions& options,
            TextTools& tools, layout::ShapeCache* shapes, const LanguageWriters* kept, base::Diagnostics& diags,
            LaidOut& result) {
  auto start = Clock::now();
  double cpu = ThreadCpuSeconds();
  const base::NumberStyle& numbers = language.profile.numbers;
  figures::ChartContext context{&edition.design, &numbers, &tools.shaper, &language.profile};

  layout::LayoutInput input;
  input.edition = &edition;
  input.language = &language;
  input.shaper = &tools.shaper;
  input.creator = std::string("barometer ") + BAROMETER_VERSION;
  // The source language is what the others translate: none of its text is untranslated.
  if (options.draft && language.code != edition.source_language) {
    for (const check::UnitStatus& unit : check::TranslationStatus(edition, language)) {
      if (unit.state == check::UnitState::kUntranslated) input.untranslated.insert(unit.unit);
    }
  }
  input.shapes = shapes;
  if (kept) {
    input.charts = kept->charts;
    result.chart_diagnostics = kept->chart_diagnostics;
  } else {
    base::Diagnostics said;
    said.SetWarningsAsErrors(options.strict);
    input.charts = figures::BuildCharts(edition, language, context, said);
    result.chart_diagnostics = said.Sorted();
  }
  for (const base::Diagnostic& d : result.chart_diagnostics) diags.Add(d);
  result.figures = {Seconds(start), ThreadCpuSeconds() - cpu};

  start = Clock::now();
  cpu = ThreadCpuSeconds();
  result.document = std::make_unique<layout::Document>(layout::LayoutEdition(input, diags));
  result.layout = {Seconds(start), ThreadCpuSeconds() - cpu};
  result.pages = static_cast<int>(result.document->pages.size());
  result.charts = std::move(input.charts);
}

// The workbook's name: "<pdf stem>-appendix-<code>" when the PDF's stem ends in "-<code>", else "<stem>-appendix".
std::string AppendixName(const model::LanguageEdition& language) {
  std::string stem = language.file.substr(0, language.file.size() - 4);
  std::string suffix = "-" + language.code;
  if (stem.size() > suffix.size() && stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return stem.substr(0, stem.size() - suffix.size()) + "-appendix" + suffix + ".xlsx";
  }
  return stem + "-appendix.xlsx";
}

// One piece of the writers' work: a language's PDF (drawn, then post-processed), one figure's exports, or a
// workbook. Independent of each other, so they may run at once.
struct WriteTask {
  enum Kind { kPdf, kFigure, kWorkbook } kind;
  std::function<void(std::vector<Output>&, base::Diagnostics&)> run;
};

// The writers' tasks of one language, in the order its outputs are listed: PDF, figures, workbook.
// With `kept`, the tasks that need no page give what an earlier build made from the same inputs.
void AddWriteTasks(const model::Edition& edition, const model::LanguageEdition& language, LaidOut& laid_out,
                   const LanguageWriters* kept, std::vector<WriteTask>& tasks) {
  tasks.push_back({WriteTask::kPdf, [&laid_out, &language](std::vector<Output>& out, base::Diagnostics&) {
    std::unique_ptr<layout::Document> document = std::move(laid_out.document);
    std::string pdf = render::RenderPdf(*document);
    document.reset();
    out.push_back({language.file, std::move(pdf)});
  }});
  if (kept) {
    for (size_t i = 0; i < kept->outputs.size(); ++i) {
      const bool workbook = i + 1 == kept->outputs.size();
      tasks.push_back({workbook ? WriteTask::kWorkbook : WriteTask::kFigure,
                       [kept, i](std::vector<Output>& out, base::Diagnostics& diags) {
                         out = kept->outputs[i];
                         for (const base::Diagnostic& d : kept->diagnostics[i]) diags.Add(d);
                       }});
    }
    return;
  }
  for (const auto& [id, chart] : laid_out.charts) {
    tasks.push_back({WriteTask::kFigure, [&edition, &language, id = id, chart = chart.get()](
                                             std::vector<Output>& out, base::Diagnostics& diags) {
      exports::FigureExport figure;
      figure.chart = chart;
      figure.spec = &edition.figures.at(id);
      auto table = edition.tables.find(figure.spec->table);
      figure.table = table == edition.tables.end() ? nullptr : &table->second;
      figure.text = &language.figures.at(id);
      figure.language = &language;
      for (auto& [path, bytes] : exports::ExportFigure(figure, diags)) out.push_back({path, std::move(bytes)});
    }});
  }
  tasks.push_back({WriteTask::kWorkbook, [&edition, &language, &laid_out](std::vector<Output>& out,
                                                                           base::Diagnostics& diags) {
    out.push_back({AppendixName(language), appendix::BuildWorkbook(edition, language, laid_out.charts, diags)});
  }});
}

// What a language's text tools are made from, besides the fonts: its locale and hyphenation settings.
std::string ToolsKey(const std::string& fonts_dir, const model::LanguageEdition& language,
                     const std::string& dictionary_bytes) {
  const model::LanguageProfile& profile = language.profile;
  std::string key = fonts_dir + '\n' + language.locale + '\n' + profile.dictionary + '\n' +
                    profile.dictionary_package + '\n' + std::to_string(profile.min_before) + '\n' +
                    std::to_string(profile.min_after) + '\n';
  for (const std::string& word : profile.hyphenation_exceptions) key += word + '\n';
  return key + '\n' + dictionary_bytes;
}

// Whether `--lang` asks for a language (no list: every language).
bool Wanted(const BuildOptions& options, const std::string& code) {
  return options.languages.empty() ||
         std::find(options.languages.begin(), options.languages.end(), code) != options.languages.end();
}

}  // namespace

size_t Jobs(const BuildOptions& options) {
  if (options.jobs > 0) return static_cast<size_t>(options.jobs);
  return std::max(1u, std::thread::hardware_concurrency());
}

Outcome Build(base::FileSystem& fs, const BuildOptions& options, base::Progress& progress,
              base::Diagnostics& diags) {
  auto start = Clock::now();
  diags.SetWarningsAsErrors(options.strict);
  const size_t jobs = Jobs(options);
  BuildCache* const cache = options.cache;
  // However the build ends, the cache lets go of what this build and the few before it did not use.
  std::shared_ptr<void> end_build(nullptr, [cache](void*) {
    if (cache) cache->files.EndBuild();
  });
  if (cache) cache->files.SetWarningsAsErrors(options.strict);
  model::LoadOptions load{options.content_dir, options.templates_dir, options.languages,
                          cache ? &cache->files : nullptr, jobs};
  // Every file read from here on is an input of the build record.
  RecordingFileSystem reading(fs);
  bool fonts_unchanged = false;
  // Hashing the font files takes as long as reading the content; do both at once.
  std::optional<model::Edition> edition;
  std::vector<base::Diagnostics> load_diags(2);
  base::MakeSinks(load_diags, options.strict);
  // Nothing else runs while the content loads, and the section files are parsed on threads of their own.
  const double load_begun = ProcessCpuSeconds();
  base::RunTasks(2, jobs, [&](size_t task) {
    if (task == 0) edition = model::LoadEdition(reading, load, load_diags[0]);
    if (task == 1 && !cache) text::VerifyFontManifest(reading, options.fonts_dir, load_diags[1]);
    if (task == 1 && cache) {
      cache->files.Get<std::vector<std::string>>(
          reading, "font manifest\n" + options.fonts_dir, load_diags[1],
          [&](const base::FileSystem& files, base::Diagnostics& said) {
            return text::VerifyFontManifest(files, options.fonts_dir, said);
          },
          &fonts_unchanged);
    }
    // The font configuration scans every font file; made now, the fonts stage finds it ready.
    if (task == 1 && !load_diags[1].HasErrors()) text::LoadFontConfig(options.fonts_dir);
  });
  base::AddInOrder(load_diags, diags);
  if (edition) {
    check::CheckEdition(*edition, diags);
    check::CheckFigures(*edition, diags);
    check::LintNumbers(*edition, diags);
    for (const auto& language : edition->languages) {
      if (!Wanted(options, language.code)) continue;
      // Untranslated text fails a build; `check` and a draft build only list it.
      check::CheckUntranslated(*edition, language, options.write && !options.draft, diags);
    }
  }
  const double load_cpu = ProcessCpuSeconds() - load_begun;
  size_t sections = 0;
  if (edition) {
    for (const auto& language : edition->languages) sections += language.sections.size();
  }
  progress.StageDone("load", Seconds(start),
                     base::Counted(edition ? edition->languages.size() : 0, "language", "languages") + ", " +
                         base::Counted(sections, "section file", "section files") + ", " +
                         base::Counted(edition ? edition->tables.size() : 0, "table", "tables") + ", " +
                         CpuNote(load_cpu));
  if (!edition || diags.HasErrors()) return Outcome::kContentErrors;

  // The languages share nothing mutable after the checks; each gets its own fonts and hyphenator.
  std::vector<const model::LanguageEdition*> wanted;
  for (const auto& language : edition->languages) {
    if (Wanted(options, language.code)) wanted.push_back(&language);
  }
  std::vector<std::string> built;
  for (const model::LanguageEdition* language : wanted) built.push_back(language->code);
  // Every input is read by now.
  Inputs inputs = reading.TakeRead();
  start = Clock::now();
  std::vector<std::unique_ptr<TextTools>> own_tools;
  std::vector<TextTools*> tools;
  std::vector<LanguageState*> kept(wanted.size(), nullptr);
  std::vector<const LanguageWriters*> kept_writers(wanted.size(), nullptr);
  Inputs writer_inputs;  // what the charts, figure exports and workbooks are made from
  if (cache) {
    writer_inputs = inputs;
    for (const model::LanguageEdition& language : edition->languages) {
      for (const model::Section& section : language.sections) writer_inputs.erase(section.file);
    }
    // New or changed fonts: every language's tools and what they made go.
    if (!fonts_unchanged) cache->languages.clear();
  }
  const std::string template_path =
      base::JoinPath(options.templates_dir, edition->template_name + ".yaml");
  // The languages whose tools are made (not kept from a build before), and their hyphenation patterns, loaded at
  // once: they take as long as the rest of the tools.
  std::vector<std::string> tools_keys(wanted.size());
  std::vector<std::unique_ptr<text::Hyphenator>> hyphenators(wanted.size());
  std::vector<bool> new_tools(wanted.size(), true);
  for (size_t i = 0; cache && i < wanted.size(); ++i) {
    tools_keys[i] = ToolsKey(options.fonts_dir, *wanted[i], wanted[i]->profile.dictionary_patterns);
    auto state = cache->languages.find(wanted[i]->code);
    new_tools[i] = state == cache->languages.end() || !state->second.tools || state->second.tools_key != tools_keys[i];
  }
  base::RunTasks(wanted.size(), jobs, [&](size_t i) {
    if (new_tools[i]) hyphenators[i] = std::make_unique<text::Hyphenator>(wanted[i]->profile);
  });
  for (size_t i = 0; i < wanted.size(); ++i) {
    const model::LanguageEdition& language = *wanted[i];
    if (!cache) {
      own_tools.push_back(std::make_unique<TextTools>(options.fonts_dir, language, std::move(hyphenators[i])));
      own_tools.back()->Warm(edition->design);
      tools.push_back(own_tools.back().get());
      continue;
    }
    LanguageState& state = cache->languages[language.code];
    kept[i] = &state;
    if (new_tools[i]) {
      state = LanguageState{};
      state.tools_key = tools_keys[i];
      state.tools = std::make_unique<TextTools>(options.fonts_dir, language, std::move(hyphenators[i]));
      ++cache->counts.tools_made;
    } else {
      ++cache->counts.tools_reused;
    }
    state.tools->Warm(edition->design);
    tools.push_back(state.tools.get());
    auto design = inputs.find(template_path);
    const std::string template_bytes = design == inputs.end() ? std::string() : design->second;
    if (state.template_bytes != template_bytes) {
      if (!state.shapes.entries.empty()) ++cache->counts.shapes_dropped;
      state.shapes.entries.clear();
      state.template_bytes = template_bytes;
    }
    if (state.writers && state.writers->strict == options.strict && state.writers->inputs == writer_inputs) {
      kept_writers[i] = state.writers.get();
      ++cache->counts.writers_reused;
    } else {
      state.writers.reset();
      ++cache->counts.writers_made;
    }
  }
  progress.StageDone("fonts", Seconds(start), "fonts and hyphenation patterns for " +
                                                  base::Counted(wanted.size(), "language", "languages"));
  if (!tools.empty()) text::CheckTemplateFaces(tools.front()->fonts, edition->design, diags);
  if (diags.HasErrors()) return Outcome::kContentErrors;
  // The record hashes every input (the fonts are most of it) while the languages are laid out.
  std::string record;
  std::vector<LaidOut> laid_out(wanted.size());
  std::vector<base::Diagnostics> language_diags(wanted.size());
  base::MakeSinks(language_diags, options.strict);
  base::RunTasks(wanted.size() + 1, jobs, [&](size_t i) {
    if (i < wanted.size()) {
      LayOut(*edition, *wanted[i], options, *tools[i], kept[i] ? &kept[i]->shapes : nullptr, kept_writers[i],
             language_diags[i], laid_out[i]);
    } else if (options.write) {
      record = BuildInfoJson(*edition, built, inputs, {options.content_dir, options.templates_dir, options.fonts_dir},
                             cache ? &cache->sums : nullptr);
    }
  });
  // What the writers do not read goes before they run, the build's peak of memory: the inputs' bytes (the fonts, a
  // long edition's content), recorded by now, and the parsed sections, laid out by now.
  Inputs().swap(inputs);
  for (model::LanguageEdition& language : edition->languages) std::vector<model::Section>().swap(language.sections);
  base::AddInOrder(language_diags, diags);

  Cost figures, layout;
  int pages = 0, charts = 0;
  std::string per_language;
  for (size_t i = 0; i < laid_out.size(); ++i) {
    const LaidOut& done = laid_out[i];
    // Languages laid out at once take the slowest one's time; one after the other, the sum of them.
    figures.wall = jobs > 1 ? std::max(figures.wall, done.figures.wall) : figures.wall + done.figures.wall;
    layout.wall = jobs > 1 ? std::max(layout.wall, done.layout.wall) : layout.wall + done.layout.wall;
    figures.cpu += done.figures.cpu;
    layout.cpu += done.layout.cpu;
    pages += done.pages;
    charts += static_cast<int>(done.charts.size());
    per_language += (i ? ", " : "") + wanted[i]->code + " " + std::to_string(done.pages);
  }
  progress.StageDone("figures", figures.wall,
                     base::Counted(static_cast<size_t>(charts), "chart", "charts") + ", " + CpuNote(figures.cpu));
  progress.StageDone("layout", layout.wall,
                     base::Counted(static_cast<size_t>(pages), "page", "pages") + " (" + per_language + "), " +
                         CpuNote(layout.cpu));
  if (diags.HasErrors()) return Outcome::kContentErrors;
  if (!options.write) return Outcome::kBuilt;

  start = Clock::now();
  std::vector<WriteTask> tasks;
  std::vector<size_t> first_task(wanted.size());
  for (size_t i = 0; i < wanted.size(); ++i) {
    first_task[i] = tasks.size();
    AddWriteTasks(*edition, *wanted[i], laid_out[i], kept_writers[i], tasks);
  }
  std::vector<std::vector<Output>> task_outputs(tasks.size());
  std::vector<base::Diagnostics> task_diags(tasks.size());
  base::MakeSinks(task_diags, options.strict);
  std::vector<double> task_cpu(tasks.size());
  // The PDFs start first: they are the longest tasks, and each frees its language's pages, the largest thing
  // held, while the figures' outputs have not yet piled up.
  std::vector<size_t> schedule;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].kind == WriteTask::kPdf) schedule.push_back(i);
  }
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].kind != WriteTask::kPdf) schedule.push_back(i);
  }
  base::RunTasks(tasks.size(), jobs, [&](size_t next) {
    const size_t i = schedule[next];
    double begun = ThreadCpuSeconds();
    tasks[i].run(task_outputs[i], task_diags[i]);
    task_cpu[i] = ThreadCpuSeconds() - begun;
  });
  base::AddInOrder(task_diags, diags);
  // What the languages' writers made from inputs a later build may find unchanged.
  for (size_t i = 0; cache && i < wanted.size(); ++i) {
    if (kept_writers[i]) continue;
    auto writers = std::make_shared<LanguageWriters>();
    writers->inputs = writer_inputs;
    writers->strict = options.strict;
    writers->charts = laid_out[i].charts;
    writers->chart_diagnostics = laid_out[i].chart_diagnostics;
    const size_t end = i + 1 < wanted.size() ? first_task[i + 1] : tasks.size();
    for (size_t t = first_task[i]; t < end; ++t) {
      if (tasks[t].kind == WriteTask::kPdf) continue;
      writers->outputs.push_back(task_outputs[t]);
      writers->diagnostics.push_back(task_diags[t].Sorted());
    }
    kept[i]->writers = std::move(writers);
  }
  double cpu = ThreadCpuSeconds();  // the calling thread's own part from here; before, it ran tasks
  double kind_cpu[3] = {0, 0, 0};
  for (size_t i = 0; i < tasks.size(); ++i) {
    cpu -= task_cpu[i];
    kind_cpu[tasks[i].kind] += task_cpu[i];
  }
  std::vector<Output> outputs;
  for (std::vector<Output>& made : task_outputs) {
    for (Output& output : made) outputs.push_back(std::move(output));
  }
  task_outputs.clear();
  if (diags.HasErrors()) return Outcome::kContentErrors;
  outputs.push_back({"build-info.json", std::move(record)});
  if (options.in_memory) {
    *options.in_memory = std::move(outputs);
    return Outcome::kBuilt;
  }
  // A build of some languages leaves the others' files alone.
  WriteOutputs(fs, options.out_dir, outputs, /*remove_stale=*/wanted.size() == edition->languages.size(),
               cache ? &cache->sums : nullptr);
  progress.StageDone("write", Seconds(start),
                     base::Counted(outputs.size(), "file", "files") + " in " + options.out_dir + ", " +
                         CpuNote(ThreadCpuSeconds() - cpu) + " (PDFs " + CpuNote(kind_cpu[WriteTask::kPdf]) +
                         ", figure exports " + CpuNote(kind_cpu[WriteTask::kFigure]) + ", workbooks " +
                         CpuNote(kind_cpu[WriteTask::kWorkbook]) + ")");
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

}  // namespace barometer::driver
