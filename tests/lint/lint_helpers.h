// Helpers for lint tests: lint files held in memory, with or without settings, and read the
// findings back by code and line.
#pragma once

#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/lint/lint_rule.h"
#include "compiler/lint/linter.h"

#include <map>
#include <string>
#include <vector>

namespace clue::testing {

struct LintRun {
    SourceManager sources;
    MemoryReader files;
    lint::LintResult result;

    // "L103@4" for every finding not suppressed, in order.
    std::vector<std::string> codes() const {
        std::vector<std::string> out;
        for (const lint::Finding& f : result.findings) {
            if (!f.suppressed()) {
                out.push_back(f.diagnostic.code + "@" + std::to_string(line(f)));
            }
        }
        return out;
    }
    uint32_t line(const lint::Finding& f) const {
        return f.diagnostic.span
                   ? sources.lineColumn(f.diagnostic.span->file, f.diagnostic.span->begin).line
                   : 0;
    }
    // The findings of one code, not suppressed.
    std::vector<const lint::Finding*> of(const std::string& code) const {
        std::vector<const lint::Finding*> out;
        for (const lint::Finding& f : result.findings) {
            if (!f.suppressed() && f.diagnostic.code == code) {
                out.push_back(&f);
            }
        }
        return out;
    }
    std::string rendered() const {
        std::string out;
        for (const lint::Finding& f : result.findings) {
            out += (f.suppressed() ? "[suppressed] " : "") + renderText(f.diagnostic, sources);
        }
        return out;
    }
};

// Lints `roots` among `files` (paths in memory; std/ resolves under "lib/std").
inline std::unique_ptr<LintRun> lintFiles(const std::map<std::string, std::string>& files,
                                          const std::vector<std::string>& roots,
                                          const lint::LintConfig& config = {}) {
    auto run = std::make_unique<LintRun>();
    for (const auto& [path, contents] : files) {
        run->files.add(path, contents);
    }
    run->result = lint::runLint({roots, &run->files, "lib/std"}, config,
                                lint::Catalogue::standard(), run->sources);
    return run;
}

inline std::unique_ptr<LintRun> lintSource(const std::string& source,
                                           const lint::LintConfig& config = {}) {
    return lintFiles({{"main.clue", source}}, {"main.clue"}, config);
}

// Settings from the text of a clue.yaml; fails the test on any issue.
lint::LintConfig configFrom(const std::string& yaml);

} // namespace clue::testing
