// The JSON answers of the judging routes. Each image's object is exactly the line `clue judge`
// writes for it (runtime/judge/result_json.h), plus "plan_id", the SHA-256 of the plan that
// judged it. An image whose deadline passed has verdict `error`, every rule `error`, and
// "error": {"kind": "deadline", ...}.
#pragma once

#include "serve/judge_request.h"

#include <chrono>
#include <nlohmann/json.hpp>

namespace clue::serve {

nlohmann::ordered_json imageAnswer(const ImageOutcome& outcome, ActivePlan& plan,
                                   std::chrono::milliseconds deadline);

// {"plan_id": ..., "results": [one imageAnswer per image, in order]}.
nlohmann::ordered_json batchAnswer(JudgeRequest& request, std::chrono::milliseconds deadline);

} // namespace clue::serve
