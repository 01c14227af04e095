// Error bookkeeping of one parse.
#include "compiler/frontend/parse_session.h"

namespace clue {

Diagnostic& ParseSession::error(std::string code, SourceSpan span, std::string message) {
    ++errorCount_;
    errorLines_.insert(lineOf(span));
    return diags_.error(std::move(code), span, std::move(message));
}

bool ParseSession::lineHasError(SourceSpan span) const {
    return errorLines_.count(lineOf(span)) > 0;
}

uint32_t ParseSession::lineOf(SourceSpan span) const {
    return sources_.lineColumn(span.file, span.begin).line;
}

} // namespace clue
