// The distributor's tests' fixture: the mini edition's template, boxes of known sizes, and sections of them laid
// out one after the other (tests/layout/distribute_test.cc, section_plan_test.cc).
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "layout/flow.h"
#include "mini_fixture.h"
#include "model/load.h"

namespace barometer::testing {

inline model::Template Design() {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  base::Diagnostics diags;
  model::Template design = model::LoadTemplate(fs, "templates/report-a4.yaml", diags);
  REQUIRE(diags.Sorted().empty());
  return design;
}

inline layout::FlowBox Box(double height, bool page_width, const std::string& id) {
  layout::FlowBox box;
  box.height = height;
  box.page_width = page_width;
  box.block_id = id;
  box.what = "box '" + id + "'";
  box.loc = {"x.yaml", 4, 3};
  box.items.push_back({layout::FilledRect{0, 0, 10, height, {}}, {}, ""});
  return box;
}

// Lays out one body section of boxes; returns the document and the diagnostics' messages.
struct Distributed {
  model::Template design = Design();
  layout::Document document;
  layout::PageMap pages;
  std::string messages;
};

// A section of boxes on a master page; its id is the master's name.
struct BoxSection {
  std::string master;
  std::vector<layout::FlowBox> boxes;
};

// Lays out sections of boxes, one after the other, with `out`'s template.
inline std::unique_ptr<Distributed> Distribute(const std::vector<BoxSection>& sections,
                                        std::unique_ptr<Distributed> out = std::make_unique<Distributed>()) {
  std::map<std::string, layout::ShapedFootnote> notes;
  base::Diagnostics diags;
  layout::Distributor distributor(out->design, notes, out->document, out->pages, diags);
  for (const BoxSection& boxes : sections) {
    layout::SectionFlow section;
    section.id = boxes.master;
    section.master = &out->design.masters.at(boxes.master);
    for (const layout::FlowBox& box : boxes.boxes) section.body.push_back(box);
    distributor.AddSection(section);
  }
  distributor.Finish();
  for (const auto& d : diags.Sorted()) {
    out->messages += d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                     d.message + "\n";
  }
  return out;
}

inline std::unique_ptr<Distributed> Distribute(const std::vector<layout::FlowBox>& boxes) {
  return Distribute(std::vector<BoxSection>{{"body", boxes}});
}


}  // namespace barometer::testing
