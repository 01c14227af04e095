// `clue lint --list-rules`: the catalogue as a table or as JSON, with each rule's level as the
// configuration sets it.
#pragma once

#include "compiler/lint/lint_config.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace clue::lint {

std::string listRulesText(const Catalogue& catalogue, const LintConfig& config);

// [{"code", "name", "category", "level", "defaultLevel", "summary", "docs",
//   "options": [{"name", "type", "default", "summary"}]}]
nlohmann::json listRulesJson(const Catalogue& catalogue, const LintConfig& config);

} // namespace clue::lint
