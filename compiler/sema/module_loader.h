// Parses the roots of a program and, depth first, every file they import, once each. Reports
// missing and unreadable files, imports of files with errors, and import cycles.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/sema/import_resolver.h"
#include "compiler/sema/program.h"
#include "compiler/sema/source_reader.h"
#include "compiler/source/source_manager.h"

#include <map>

namespace clue {

class ModuleLoader {
public:
    ModuleLoader(SourceManager& sources, DiagnosticEngine& diags, const SourceReader& reader,
                 std::string stdlibDir);

    // Appends a unit for each file that parsed to `program.units`: roots first, then imports
    // in depth-first order.
    void load(const std::vector<std::string>& roots, Program& program);

private:
    enum class State { Parsed, Failed, NotFound, Unreadable };
    enum class Visit { Unvisited, Active, Done };
    struct Entry {
        State state = State::Failed;
        Visit visit = Visit::Unvisited;
        SourceUnit* unit = nullptr;
    };
    // One file on the current import path, and the import that led to it.
    struct Frame {
        std::string key;
        const SourceUnit* unit;
        const ast::ImportDecl* via;
    };

    Entry& loadFile(const std::string& path, bool isRoot, std::optional<SourceSpan> site,
                    Program& program);
    void visit(const std::string& key, Entry& entry, const ast::ImportDecl* via, Program& program);
    void follow(const SourceUnit& importer, const ast::ImportDecl& import,
                std::map<std::string, const ast::ImportDecl*>& seen, Program& program);
    void reportNotFound(const ResolvedImport& target, const ast::ImportDecl& import);
    void reportCycle(const std::string& key, const ast::ImportDecl& import);
    void reportEmptyRoot(const SourceUnit& unit);

    SourceManager& sources_;
    DiagnosticEngine& diags_;
    const SourceReader& reader_;
    std::string stdlibDir_;
    std::map<std::string, Entry> files_; // by the reader's identity of the path
    std::vector<Frame> path_;
};

} // namespace clue
