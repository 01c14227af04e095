// The IR's readable, stable text form, used by --print-after and by the pass unit tests.
// docs/ir.md describes it.
#pragma once

#include "compiler/ir/ir_module.h"

#include <string>

namespace clue::ir {

// One line per node, children first, numbered %0, %1, ...; each rule's line follows its
// formula; then the schedule's waves, when there is one.
std::string printModule(const IRModule& module);

} // namespace clue::ir
