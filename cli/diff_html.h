// `clue diff --format html`: one self-contained page (no script, no outside resource): the
// summary, the relation of every rule and category, and the counterexamples. Every figure
// carries an id or data attribute, so that a test can read it back from the rendered page.
#pragma once

#include "cli/diff_document.h"

#include <string>

namespace clue::cli {

std::string diffHtml(const DiffDocument& document);

} // namespace clue::cli
