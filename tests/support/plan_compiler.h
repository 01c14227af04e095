// A loaded program to a plan at one optimization level, for tests and benchmarks that compare
// levels; std/ imports resolve in the default standard library.
#pragma once

#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"
#include "plan/plan.h"

#include <optional>

namespace clue::testing {

// The plan, or nothing when compilation reports errors (the diagnostics are dropped: callers
// point the user at `clue compile` for them).
std::optional<plan::Plan> compileAt(const Program& program, const SourceManager& sources,
                                    int level);

} // namespace clue::testing
