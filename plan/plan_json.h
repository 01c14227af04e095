// Converts plans to and from JSON. Writing is canonical (the same plan gives the same bytes);
// reading validates everything the runtime relies on and throws PlanError otherwise.
#pragma once

#include "plan/plan.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace clue::plan {

// The canonical text of a plan: JSON indented by two spaces (as nlohmann's dump(2)), keys in
// the schema's order, with a final newline; written in one pass, without building a document.
std::string toText(const Plan& plan);

// Validates `doc` (schema version, types, ranges, references, topological node order,
// schedule) and builds the plan. Throws PlanError naming the first problem found.
Plan fromJson(const nlohmann::json& doc);

} // namespace clue::plan
