// The JSONL line of `clue judge` for one image (docs/cli/judge.md lists every field).
#pragma once

#include "runtime/judge/image_result.h"
#include "plan/plan.h"

#include <nlohmann/json.hpp>

namespace clue::runtime {

nlohmann::ordered_json resultJson(const ImageResult& result, const plan::Plan& plan);

} // namespace clue::runtime
