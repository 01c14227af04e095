// Depth-first import traversal with three-state marks: a file met again while it is still
// on the current path closes a cycle.
#include "compiler/sema/module_loader.h"

#include "compiler/diag/diagnostic_codes.h"
#include "compiler/frontend/parser.h"
#include "compiler/sema/import_resolver.h"

#include <fmt/format.h>

#include <algorithm>

namespace clue {

ModuleLoader::ModuleLoader(SourceManager& sources, DiagnosticEngine& diags,
                           const SourceReader& reader, std::string stdlibDir)
    : sources_(sources), diags_(diags), reader_(reader), stdlibDir_(std::move(stdlibDir)) {}

void ModuleLoader::load(const std::vector<std::string>& roots, Program& program) {
    std::vector<std::string> keys;
    for (const std::string& root : roots) {
        loadFile(root, true, std::nullopt, program);
        keys.push_back(reader_.identity(root));
    }
    for (const std::string& key : keys) {
        Entry& entry = files_.at(key);
        if (entry.state == State::Parsed && entry.visit == Visit::Unvisited) {
            visit(key, entry, nullptr, program);
        }
    }
}

ModuleLoader::Entry& ModuleLoader::loadFile(const std::string& path, bool isRoot,
                                            std::optional<SourceSpan> site, Program& program) {
    auto [it, inserted] = files_.try_emplace(reader_.identity(path));
    Entry& entry = it->second;
    if (!inserted) {
        return entry;
    }
    SourceReader::Result read = reader_.read(path);
    if (read.status != SourceReader::Status::Ok) {
        bool missing = read.status == SourceReader::Status::NotFound;
        entry.state = missing ? State::NotFound : State::Unreadable;
        // A missing import is reported at each import of it, by the caller.
        if (!missing || isRoot) {
            Diagnostic& d = diags_.error(code::ImportUnreadable, site,
                                         fmt::format("cannot read '{}': {}", path, read.error));
            if (read.status == SourceReader::Status::TooLarge) {
                d.withHelp("a source file is refused by its size before it is read; "
                           "--max-source-bytes raises the limit");
            }
        }
        return entry;
    }
    FileId file = sources_.addFile(path, std::move(read.contents));
    std::optional<ast::Module> module = parseModule(sources_, file, diags_);
    if (!module) {
        return entry;
    }
    auto unit = std::make_unique<SourceUnit>(SourceUnit{file, path, std::move(*module), isRoot});
    entry.state = State::Parsed;
    entry.unit = unit.get();
    program.units.push_back(std::move(unit));
    if (isRoot) {
        reportEmptyRoot(*entry.unit);
    }
    return entry;
}

void ModuleLoader::visit(const std::string& key, Entry& entry, const ast::ImportDecl* via,
                         Program& program) {
    entry.visit = Visit::Active;
    path_.push_back({key, entry.unit, via});
    std::map<std::string, const ast::ImportDecl*> seen;
    for (const ast::ImportDecl* import : entry.unit->module.imports()) {
        follow(*entry.unit, *import, seen, program);
    }
    path_.pop_back();
    entry.visit = Visit::Done;
}

void ModuleLoader::follow(const SourceUnit& importer, const ast::ImportDecl& import,
                          std::map<std::string, const ast::ImportDecl*>& seen, Program& program) {
    ResolvedImport target = resolveImport(importer.path, import.path, stdlibDir_);
    std::string key = reader_.identity(target.path);
    if (auto [first, inserted] = seen.emplace(key, &import); !inserted) {
        diags_
            .warning(code::DuplicateImport, import.pathSpan,
                     fmt::format("'{}' is already imported", import.path))
            .note("imported first here", first->second->pathSpan)
            .withHelp("remove this import");
        return;
    }
    Entry& entry = loadFile(target.path, false, import.pathSpan, program);
    if (entry.state == State::NotFound) {
        reportNotFound(target, import);
    } else if (entry.state == State::Failed) {
        diags_
            .error(code::ImportHasErrors, import.pathSpan,
                   fmt::format("cannot import '{}': it has errors", import.path))
            .withHelp("fix the errors reported in that file");
    } else if (entry.state == State::Parsed && entry.visit == Visit::Active) {
        reportCycle(key, import);
    } else if (entry.state == State::Parsed && entry.visit == Visit::Unvisited) {
        visit(key, entry, &import, program);
    }
}

void ModuleLoader::reportNotFound(const ResolvedImport& target, const ast::ImportDecl& import) {
    diags_
        .error(code::ImportNotFound, import.pathSpan,
               fmt::format("cannot find the imported file '{}'", import.path))
        .note(fmt::format("looked for '{}'", target.path))
        .withHelp(target.fromStdlib
                      ? "std/ imports come from the standard library; set CLUE_STDLIB to its "
                        "directory if it is elsewhere"
                      : "import paths are relative to the importing file");
}

// The cycle is told starting from its file with the smallest path, so that the same cycle
// reached from different roots reads, and deduplicates, the same.
void ModuleLoader::reportCycle(const std::string& key, const ast::ImportDecl& import) {
    struct Edge {
        const SourceUnit* from;
        const SourceUnit* to;
        const ast::ImportDecl* via;
    };
    size_t start = 0;
    while (path_[start].key != key) {
        ++start;
    }
    std::vector<Edge> edges;
    for (size_t i = start + 1; i < path_.size(); ++i) {
        edges.push_back({path_[i - 1].unit, path_[i].unit, path_[i].via});
    }
    edges.push_back({path_.back().unit, path_[start].unit, &import});
    auto smallest = std::min_element(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
        return a.to->path < b.to->path;
    });
    std::rotate(edges.begin(), smallest + 1, edges.end());
    std::string chain = edges.back().to->path;
    for (const Edge& edge : edges) {
        chain += " -> " + edge.to->path;
    }
    Diagnostic& d = diags_.error(code::ImportCycle, edges.back().via->pathSpan,
                                 fmt::format("import cycle: {}", chain));
    for (size_t i = 0; i + 1 < edges.size(); ++i) {
        d.note(fmt::format("'{}' imports '{}' here", edges[i].from->path, edges[i].to->path),
               edges[i].via->pathSpan);
    }
    d.withHelp("move what these files share into a file that each of them imports");
}

void ModuleLoader::reportEmptyRoot(const SourceUnit& unit) {
    if (unit.module.header || !unit.module.items.empty()) {
        return;
    }
    diags_.error(code::EmptyFile, SourceSpan{unit.file, 0, 0}, "the file declares nothing")
        .withHelp("a constitution starts with a header, such as: constitution \"name\" "
                  "version \"1.0\"");
}

} // namespace clue
