// `clue diff --format markdown`: the report as a pull-request comment.
#pragma once

#include "cli/diff_document.h"

#include <string>

namespace clue::cli {

std::string diffMarkdown(const DiffDocument& document);

} // namespace clue::cli
