// `clue judge --explain`: one image's judgment as a human-readable trace, round by round.
#pragma once

#include "runtime/judge/image_result.h"
#include "plan/plan.h"

#include <iosfwd>

namespace clue::cli {

void printExplanation(std::ostream& out, const runtime::ImageResult& result,
                      const plan::Plan& plan);

} // namespace clue::cli
