// The report as JSON, schema "clue.eval/v1" (docs/eval.schema.json describes every field). An
// undefined figure (a rate over nothing) is null, never 0.
#pragma once

#include "eval/report/eval_report.h"

#include <nlohmann/json.hpp>

namespace clue::eval {

inline constexpr const char* kEvalSchema = "clue.eval/v1";

nlohmann::ordered_json reportJson(const EvalReport& report);

} // namespace clue::eval
