// Programs loaded for navigation: every file that parses, with names collected even when some
// are wrong or an import is missing, since an editor shows what it can while the user types.
// Symbols are identified across programs by kind, name and the file that declares them.
#pragma once

#include "compiler/sema/program.h"
#include "compiler/sema/source_reader.h"
#include "compiler/source/source_manager.h"
#include "lsp/occurrences.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clue::lsp {

struct NavigationProgram {
    SourceManager sources;
    std::unique_ptr<Program> program;
    const SourceReader* reader = nullptr;
    std::string stdlibDir;

    // The unit read from `path`, if it parsed.
    const SourceUnit* unitOf(const std::string& path) const;
    // Where the program declares a predicate or rule named `name`, if it does.
    std::optional<SourceSpan> declarationOf(SymbolKind kind, const std::string& name) const;
    // The path of the file an import of `unit` reads.
    std::string importTarget(const SourceUnit& unit, const std::string& written) const;
};

std::unique_ptr<NavigationProgram> loadForNavigation(const std::string& root,
                                                     const SourceReader& reader,
                                                     const std::string& stdlibDir);

// A symbol as the same across programs: a predicate or rule and the file that declares it.
struct SymbolKey {
    SymbolKind kind;
    std::string name;
    std::string file; // the reader's identity of the declaring file
    friend bool operator==(const SymbolKey&, const SymbolKey&) = default;
};

// The key of the predicate or rule at `occurrence` in `program`, if it is declared there.
std::optional<SymbolKey> keyOf(const NavigationProgram& program, const Occurrence& occurrence);

} // namespace clue::lsp
