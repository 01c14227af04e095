// The plan's graph as JSON for tools: nodes (rules included) with their kind and how many rules
// share them, and edges in evaluation order.
#pragma once

#include "plan/plan.h"

#include <nlohmann/json_fwd.hpp>

namespace clue {

nlohmann::ordered_json graphToJson(const plan::Plan& plan);

} // namespace clue
