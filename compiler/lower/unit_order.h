// The canonical order of a program's files: by relative path (SourcePaths). Lowering, plan
// emission and `clue test` follow it, so nothing depends on command-line order.
#pragma once

#include "compiler/sema/program.h"

#include <string>
#include <vector>

namespace clue {

struct OrderedUnit {
    std::string relative; // as the plan records it
    const SourceUnit* unit = nullptr;
};

std::vector<OrderedUnit> orderUnits(const Program& program, const std::string& stdlibDir);

} // namespace clue
