// Diagnostic collection and ordering.
#include "compiler/diag/diagnostic_engine.h"

#include "common/assert.h"

#include <algorithm>

namespace clue {

const char* levelName(Level level) {
    switch (level) {
    case Level::Note:
        return "note";
    case Level::Warning:
        return "warning";
    case Level::Error:
        return "error";
    }
    CLUE_UNREACHABLE();
}

Diagnostic& DiagnosticEngine::report(Level level, std::string code, std::optional<SourceSpan> span,
                                     std::string message) {
    if (level == Level::Error) {
        ++errorCount_;
    } else if (level == Level::Warning) {
        ++warningCount_;
    }
    Diagnostic& d = diagnostics_.emplace_back();
    d.level = level;
    d.code = std::move(code);
    d.span = span;
    d.message = std::move(message);
    return d;
}

std::vector<const Diagnostic*> DiagnosticEngine::sorted() const {
    std::vector<const Diagnostic*> out;
    out.reserve(diagnostics_.size());
    for (const Diagnostic& d : diagnostics_) {
        out.push_back(&d);
    }
    // Diagnostics without a span come first; stable_sort keeps report order among equals.
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic* a, const Diagnostic* b) {
        if (!a->span || !b->span) {
            return !a->span && b->span;
        }
        if (a->span->file != b->span->file) {
            return a->span->file < b->span->file;
        }
        return a->span->begin < b->span->begin;
    });
    return out;
}

} // namespace clue
