// Loading each root whose text names the symbol, and collecting its places.
#include "lsp/references.h"

#include "lsp/line_index.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace clue::lsp {
namespace {

namespace fs = std::filesystem;

constexpr size_t maxWorkspaceFiles = 5000;

bool skippedFolder(const fs::path& path) {
    std::string name = path.filename().string();
    return name.starts_with(".") || name.starts_with("build") || name == "node_modules";
}

void addFolder(const std::string& folder, std::vector<std::string>& files) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator() && files.size() < maxWorkspaceFiles;
         it.increment(ec)) {
        if (it->is_directory(ec) && skippedFolder(it->path())) {
            it.disable_recursion_pending();
        } else if (it->path().extension() == ".clue" && it->is_regular_file(ec)) {
            files.push_back(it->path().lexically_normal().string());
        }
    }
}

} // namespace

std::vector<std::string> workspaceRoots(const std::vector<std::string>& folders,
                                        const DocumentStore& store) {
    std::vector<std::string> roots;
    std::set<std::string> seen;
    for (const auto& [uri, document] : store.all()) {
        if (seen.insert(store.reader().identity(document.path)).second) {
            roots.push_back(document.path);
        }
    }
    std::vector<std::string> files;
    for (const std::string& folder : folders) {
        addFolder(folder, files);
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        if (seen.insert(store.reader().identity(file)).second) {
            roots.push_back(file);
        }
    }
    return roots;
}

std::vector<SymbolPlace> findSymbol(const SymbolKey& key, const std::vector<std::string>& roots,
                                    const DocumentStore& store, const std::string& stdlibDir) {
    std::set<std::string> workspace;
    for (const std::string& root : roots) {
        workspace.insert(store.reader().identity(root));
    }
    std::vector<SymbolPlace> places;
    std::set<std::tuple<std::string, uint32_t, uint32_t>> seen;
    for (const std::string& root : roots) {
        SourceReader::Result text = store.reader().read(root);
        if (text.status != SourceReader::Status::Ok ||
            text.contents.find(key.name) == std::string::npos) {
            continue;
        }
        auto program = loadForNavigation(root, store.reader(), stdlibDir);
        for (const auto& unit : program->program->units) {
            std::string identity = store.reader().identity(unit->path);
            LineIndex index(program->sources.contents(unit->file));
            for (const Occurrence& o : occurrencesIn(unit->module)) {
                if (o.kind != key.kind || o.name != key.name || keyOf(*program, o) != key ||
                    !seen.emplace(identity, o.span.begin, o.span.end).second) {
                    continue;
                }
                places.push_back({store.uriOf(unit->path), index.range(o.span.begin, o.span.end),
                                  o.declaration, workspace.contains(identity)});
            }
        }
    }
    return places;
}

} // namespace clue::lsp
