// Completion of keywords and names: after `violates` the rule ids, after `severity` the
// severities, inside `import "` the standard library's files, after `when`, `unless`, `and`,
// `or`, `not` and in `given` lists the predicates, and at the start of a line the keywords that
// start declarations and clauses. Names come from the last version of the program that parsed,
// since the text being typed rarely does.
#pragma once

#include "lsp/line_index.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace clue::lsp {

struct KnownNames {
    std::vector<std::pair<std::string, std::string>> predicates; // name, statement
    std::vector<std::pair<std::string, std::string>> rules;      // id, text
};

// A CompletionList for the cursor at `position` of `text`.
nlohmann::json completionsAt(std::string_view text, Position position, const KnownNames& names,
                             const std::string& stdlibDir);

} // namespace clue::lsp
