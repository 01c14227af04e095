// Helpers for sema tests: load a program from files held in memory.
#pragma once

#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/sema/program_loader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace clue::testing {

struct Loaded {
    SourceManager sources;
    DiagnosticEngine diags;
    MemoryReader files;
    std::unique_ptr<Program> program;

    std::string rendered() const {
        std::string out;
        for (const Diagnostic* d : diags.sorted()) {
            out += renderText(*d, sources);
        }
        return out;
    }
    // The codes of every diagnostic, in order.
    std::vector<std::string> codes() const {
        std::vector<std::string> out;
        for (const Diagnostic* d : diags.sorted()) {
            out.push_back(d->code);
        }
        return out;
    }
    const Diagnostic& only() const {
        EXPECT_EQ(diags.sorted().size(), 1u) << rendered();
        return *diags.sorted().front();
    }
};

// Loads `roots` from `files`; std/ imports resolve under "lib/std".
inline std::unique_ptr<Loaded> load(const std::map<std::string, std::string>& files,
                                    const std::vector<std::string>& roots = {"main.clue"}) {
    auto l = std::make_unique<Loaded>();
    for (const auto& [path, contents] : files) {
        l->files.add(path, contents);
    }
    LoadOptions options;
    options.stdlibDir = "lib/std";
    options.reader = &l->files;
    l->program = loadProgram(roots, l->sources, l->diags, options);
    return l;
}

inline std::unique_ptr<Loaded> loadOne(const std::string& source) {
    return load({{"main.clue", source}});
}

} // namespace clue::testing
