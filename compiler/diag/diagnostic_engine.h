// Collects the diagnostics of every stage; stages stop at their boundary when errors exist.
#pragma once

#include "compiler/diag/diagnostic.h"

#include <deque>
#include <vector>

namespace clue {

class DiagnosticEngine {
public:
    // The returned reference stays valid for the engine's lifetime, so notes can be chained.
    Diagnostic& report(Level level, std::string code, std::optional<SourceSpan> span,
                       std::string message);
    Diagnostic& error(std::string code, std::optional<SourceSpan> span, std::string message) {
        return report(Level::Error, std::move(code), span, std::move(message));
    }
    Diagnostic& warning(std::string code, std::optional<SourceSpan> span, std::string message) {
        return report(Level::Warning, std::move(code), span, std::move(message));
    }

    bool hasErrors() const { return errorCount_ > 0; }
    size_t errorCount() const { return errorCount_; }
    size_t warningCount() const { return warningCount_; }
    bool empty() const { return diagnostics_.empty(); }

    // Diagnostics sorted by file, then position, then the order they were reported in.
    std::vector<const Diagnostic*> sorted() const;

private:
    std::deque<Diagnostic> diagnostics_;
    size_t errorCount_ = 0;
    size_t warningCount_ = 0;
};

} // namespace clue
