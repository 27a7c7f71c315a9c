// Checks of the figure specs, their tables and every language's figure texts, run before anything is drawn:
//
// - each spec's table is loaded and has the spec's indicator; every category, series and excluded id the spec
//   names occurs in the table for that indicator (with "did you mean" for near misses), and every drawn
//   (series, category) pair has a row; `highlight` and `significant` name drawn categories;
// - a `single_choice` spec's drawn and excluded shares add up to 100 within ±1 for every series;
// - every language's figures.yaml has texts for every spec and none for unknown figure ids, and a label for
//   every category, series, excluded, zone and zone item id (and for the highlighted group's total, when the
//   table has one); a label key no spec uses is a warning;
// - a translation's label that equals the source language's (more than one word) is a warning: possibly
//   untranslated;
// - per-group bases and significant pairs name series of the figure; an unnamed series is a figure's only one.
//
// Errors are at the spec's position in figures.yaml, at the figure's entry in <lang>/figures.yaml, or at the
// label's key. Nothing is reported twice: a table the loader could not read or found errors in is not checked
// row by row again.
#pragma once

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::check {

void CheckFigures(const model::Edition& edition, base::Diagnostics& diags);

}  // namespace barometer::check
