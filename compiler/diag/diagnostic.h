// One diagnostic: a level, a stable code, a message, where it is, and notes.
#pragma once

#include "compiler/source/source_span.h"

#include <optional>
#include <string>
#include <vector>

namespace clue {

enum class Level { Note, Warning, Error };

const char* levelName(Level level);

struct DiagnosticNote {
    std::string message;
    std::optional<SourceSpan> span;
};

struct Diagnostic {
    Level level = Level::Error;
    // Stable code, e.g. "E012" for the compiler or "L101" for lint; docs/diagnostics.md lists them.
    std::string code;
    std::string message;
    // Absent for diagnostics about a whole run, such as an unreadable file given on the command line.
    std::optional<SourceSpan> span;
    std::vector<DiagnosticNote> notes;
    // A suggested fix, shown as "help:".
    std::string help;

    Diagnostic& note(std::string text, std::optional<SourceSpan> where = std::nullopt) {
        notes.push_back({std::move(text), where});
        return *this;
    }
    Diagnostic& withHelp(std::string text) {
        help = std::move(text);
        return *this;
    }
};

} // namespace clue
