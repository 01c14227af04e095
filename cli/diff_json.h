// `clue diff --format json`: the report as one clue.diff/v1 document (docs/cli/diff.md,
// docs/diff.schema.json).
#pragma once

#include "cli/diff_document.h"

#include <nlohmann/json.hpp>

namespace clue::cli {

nlohmann::ordered_json diffJson(const DiffDocument& document);

} // namespace clue::cli
