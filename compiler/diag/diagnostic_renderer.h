// Renders diagnostics rustc-style (with the source line and a caret) or as JSON.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/source/source_manager.h"

#include <nlohmann/json_fwd.hpp>

#include <iosfwd>
#include <string>

namespace clue {

enum class DiagnosticFormat { Text, Json };

struct RenderOptions {
    bool color = false;
    // Source lines longer than this many code points are shown as a window around the span.
    size_t maxLineWidth = 120;
};

std::string renderText(const Diagnostic& d, const SourceManager& sources,
                       const RenderOptions& options = {});

// {"level", "code", "message", "file", "line", "column", "endLine", "endColumn", "notes", "help"}
nlohmann::json toJson(const Diagnostic& d, const SourceManager& sources);

// Writes every diagnostic of `engine`, sorted. JSON is one document:
// {"diagnostics": [...], "errors": N, "warnings": M}.
void renderAll(const DiagnosticEngine& engine, const SourceManager& sources,
               DiagnosticFormat format, std::ostream& out, const RenderOptions& options = {});

} // namespace clue
