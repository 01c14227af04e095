// `clue fmt`: the one canonical layout of a module, with its comments kept in place.
#pragma once

#include "compiler/ast/module.h"
#include "compiler/source/source_manager.h"

#include <string>

namespace clue {

// Lines longer than this have their `when` and `unless` formulas broken at the top-level
// operator.
inline constexpr size_t maxColumns = 100;

// The canonical text of `module`, parsed from its file in `sources`.
std::string formatModule(const ast::Module& module, const SourceManager& sources);

} // namespace clue
