// Converts plans to and from JSON. Writing is canonical (the same plan gives the same bytes);
// reading validates everything the runtime relies on and throws PlanError otherwise.
#pragma once

#include "plan/plan.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace clue::plan {

nlohmann::ordered_json toJson(const Plan& plan);
// The canonical text of a plan: toJson, indented by two spaces, with a final newline; written
// in one pass, without building the JSON document.
std::string toText(const Plan& plan);

// Validates `doc` (schema version, types, ranges, references, topological node order,
// schedule) and builds the plan. Throws PlanError naming the first problem found.
Plan fromJson(const nlohmann::json& doc);

} // namespace clue::plan
