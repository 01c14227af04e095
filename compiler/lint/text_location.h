// Where a part of a text's value lies in the source: texts are one or more adjacent string
// literals with escapes, so value offsets and source offsets differ.
#pragma once

#include "compiler/source/source_manager.h"

namespace clue::lint {

// The source span of bytes [begin, end) of the value written by the string literals inside
// `literals` (the span of an ast::Text, or of an inline statement in a formula). A range that
// crosses from one literal into the next covers the quotes between them.
SourceSpan spanInLiterals(const SourceManager& sources, SourceSpan literals, size_t begin,
                          size_t end);

} // namespace clue::lint
