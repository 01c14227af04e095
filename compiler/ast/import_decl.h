// `import "path"`: a relative path, or std/NAME.clue from the standard library.
#pragma once

#include "compiler/source/source_span.h"

#include <string>

namespace clue::ast {

struct ImportDecl {
    std::string path; // as written, unescaped
    SourceSpan pathSpan;
    SourceSpan span;
};

} // namespace clue::ast
