// `clue diff --format text`: `+` added, `-` removed, `~` changed, each relation in words;
// colored on a terminal.
#pragma once

#include "cli/diff_document.h"

#include <string>

namespace clue::cli {

std::string diffText(const DiffDocument& document, bool color);

} // namespace clue::cli
