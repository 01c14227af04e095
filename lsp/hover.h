// Hover: what a name stands for. A predicate shows its statement, its options and the rules
// that ask it; a rule its text, severity, category and formula; an import the file it reads.
#pragma once

#include "lsp/navigation.h"

#include <optional>
#include <string>

namespace clue::lsp {

// Markdown about the predicate, rule, category, test or import at `occurrence` of `program`.
std::optional<std::string> hoverText(const NavigationProgram& program,
                                     const Occurrence& occurrence);

} // namespace clue::lsp
