// Helpers for front end tests: parse a string, and find where a piece of it is.
#pragma once

#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/frontend/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace clue::testing {

struct Parsed {
    SourceManager sources;
    DiagnosticEngine diags;
    FileId file = 0;
    std::optional<ast::Module> module;

    std::string_view text(const SourceSpan& span) const {
        return sources.contents(file).substr(span.begin, span.end - span.begin);
    }
    std::string rendered() const {
        std::string out;
        for (const Diagnostic* d : diags.sorted()) {
            out += renderText(*d, sources);
        }
        return out;
    }
};

inline std::unique_ptr<Parsed> parse(std::string source) {
    auto p = std::make_unique<Parsed>();
    p->file = p->sources.addFile("test.clue", std::move(source));
    p->module = parseModule(p->sources, p->file, p->diags);
    return p;
}

} // namespace clue::testing
