// Loads a plan file: size limit, JSON syntax errors with line and column, then validation.
#pragma once

#include "plan/plan.h"

#include <cstddef>
#include <string>

namespace clue::plan {

inline constexpr size_t kMaxPlanBytes = 64u << 20;

// The bytes of a plan file, refused over `maxBytes` before reading. Throws PlanError.
std::string readPlanText(const std::string& path, size_t maxBytes = kMaxPlanBytes);
// Throws PlanError whose message starts with `path`.
Plan loadPlanFile(const std::string& path, size_t maxBytes = kMaxPlanBytes);
// Throws PlanError for a plan with no rules: judging with it would call every image safe. A
// plan is judged or calibrated only after this check, unless the user asked for an empty one.
void refuseEmptyPlan(const Plan& plan);
// Parses plan text; `name` is used in error messages.
Plan parsePlan(const std::string& text, const std::string& name);

// Writes the canonical text as an output file (common/file_io.h: never half a file, symlinks
// written through, read-only files refused). Throws std::runtime_error.
void writePlanFile(const Plan& plan, const std::string& path);

} // namespace clue::plan
