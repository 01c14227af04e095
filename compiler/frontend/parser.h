// Parsing of one source file into an ast::Module; the only entry point of the front end.
#pragma once

#include "compiler/ast/module.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

#include <optional>

namespace clue {

// Checks UTF-8, lexes, parses and builds the AST of `file`. Every problem is reported to
// `diags`; the module is returned only when the file had no error.
std::optional<ast::Module> parseModule(const SourceManager& sources, FileId file,
                                       DiagnosticEngine& diags);

} // namespace clue
