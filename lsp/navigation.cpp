// Loading without stopping at errors: the loader's units, then only symbol collection.
#include "lsp/navigation.h"

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/sema/import_resolver.h"
#include "compiler/sema/module_loader.h"
#include "compiler/sema/sema.h"

namespace clue::lsp {

std::unique_ptr<NavigationProgram> loadForNavigation(const std::string& root,
                                                     const SourceReader& reader,
                                                     const std::string& stdlibDir) {
    auto loaded = std::make_unique<NavigationProgram>();
    loaded->reader = &reader;
    loaded->stdlibDir = stdlibDir;
    loaded->program = std::make_unique<Program>();
    DiagnosticEngine ignored; // the diagnostics come from the lint run, not from here
    ModuleLoader(loaded->sources, ignored, reader, stdlibDir).load({root}, *loaded->program);
    collectSymbols(*loaded->program, loaded->sources, ignored);
    return loaded;
}

const SourceUnit* NavigationProgram::unitOf(const std::string& path) const {
    std::string identity = reader->identity(path);
    for (const auto& unit : program->units) {
        if (reader->identity(unit->path) == identity) {
            return unit.get();
        }
    }
    return nullptr;
}

std::optional<SourceSpan> NavigationProgram::declarationOf(SymbolKind kind,
                                                           const std::string& name) const {
    if (kind == SymbolKind::Predicate) {
        auto it = program->predicates.find(name);
        if (it != program->predicates.end()) {
            return it->second->nameSpan;
        }
    } else if (kind == SymbolKind::Rule) {
        auto it = program->rules.find(name);
        if (it != program->rules.end()) {
            return it->second->idSpan;
        }
    }
    return std::nullopt;
}

std::string NavigationProgram::importTarget(const SourceUnit& unit,
                                            const std::string& written) const {
    return resolveImport(unit.path, written, stdlibDir).path;
}

std::optional<SymbolKey> keyOf(const NavigationProgram& program, const Occurrence& occurrence) {
    std::optional<SourceSpan> declared = program.declarationOf(occurrence.kind, occurrence.name);
    if (!declared) {
        return std::nullopt;
    }
    return SymbolKey{occurrence.kind, occurrence.name,
                     program.reader->identity(program.sources.path(declared->file))};
}

} // namespace clue::lsp
