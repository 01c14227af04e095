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

// What formatting a module gave, after the formatter's safety check: the text is parsed again
// and must mean the same as the module (moduleDifference). A failure is a bug in the formatter,
// never in the input; nothing should be written then.
struct CheckedFormat {
    std::string text;    // the canonical text, when `problem` is empty
    std::string problem; // why the text cannot be used: "it does not parse", or the difference
};

// formatModule, then the check. The formatted text is added to `sources` as "NAME (formatted)"
// (NAME: the module's file), so that a reader can locate what went wrong.
CheckedFormat formatModuleChecked(const ast::Module& module, SourceManager& sources);

} // namespace clue
