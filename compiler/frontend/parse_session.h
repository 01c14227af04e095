// State shared by the lexer checks, the syntax error strategy and the transformer of one file.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/frontend/token_locator.h"
#include "compiler/source/source_manager.h"

#include <set>

namespace clue {

class ParseSession {
public:
    ParseSession(const SourceManager& sources, DiagnosticEngine& diags, TokenLocator locator)
        : sources_(sources), diags_(diags), locator_(std::move(locator)) {}

    const SourceManager& sources() const { return sources_; }
    const TokenLocator& locator() const { return locator_; }
    size_t errorCount() const { return errorCount_; }

    // Reports an error of this file and remembers its line.
    Diagnostic& error(std::string code, SourceSpan span, std::string message);
    // Whether an error was already reported on the line where `span` starts; syntax errors
    // there are usually consequences of it.
    bool lineHasError(SourceSpan span) const;

private:
    uint32_t lineOf(SourceSpan span) const;

    const SourceManager& sources_;
    DiagnosticEngine& diags_;
    TokenLocator locator_;
    size_t errorCount_ = 0;
    std::set<uint32_t> errorLines_;
};

} // namespace clue
