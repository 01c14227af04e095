// The requests about a position or a document: hover, definition, references, rename,
// completion, formatting, code actions and document symbols.
#include "lsp/server.h"

#include "compiler/frontend/token_names.h"
#include "lsp/code_actions.h"
#include "lsp/document_symbols.h"
#include "lsp/formatting.h"
#include "lsp/hover.h"
#include "lsp/line_index.h"
#include "lsp/references.h"
#include "lsp/request_error.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace clue::lsp {
namespace {

// The document's program and the name at the request's position, if any.
struct Target {
    std::unique_ptr<NavigationProgram> program;
    std::vector<Occurrence> occurrences;
    const Occurrence* at = nullptr;
};

Target targetOf(const Document& d, const nlohmann::json& params, const DocumentStore& store,
                const std::string& stdlibDir) {
    Target t;
    t.program = loadForNavigation(d.path, store.reader(), stdlibDir);
    if (const SourceUnit* unit = t.program->unitOf(d.path)) {
        t.occurrences = occurrencesIn(unit->module);
        uint32_t offset = LineIndex(d.text).offsetOf(positionFromJson(params.at("position")));
        t.at = occurrenceAt(t.occurrences, offset);
    }
    return t;
}

nlohmann::json locationOf(const NavigationProgram& program, const DocumentStore& store,
                          SourceSpan span) {
    LineIndex index(program.sources.contents(span.file));
    return {{"uri", store.uriOf(program.sources.path(span.file))},
            {"range", index.range(span.begin, span.end)}};
}

bool validName(const std::string& name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

// `text` with line `line` emptied.
std::string withoutLine(const std::string& text, uint32_t line) {
    LineIndex index(text);
    uint32_t begin = index.offsetOf({line, 0});
    uint32_t end = index.offsetOf({line, std::numeric_limits<uint32_t>::max()});
    return text.substr(0, begin) + text.substr(end);
}

KnownNames namesOf(const Program& program) {
    KnownNames names;
    for (const auto& [name, p] : program.predicates) {
        names.predicates.emplace_back(name, p->statement.value());
    }
    for (const auto& [id, r] : program.rules) {
        names.rules.emplace_back(id, r->text.value());
    }
    return names;
}

} // namespace

nlohmann::json Server::hover(const nlohmann::json& params) {
    const Document& d = document(params);
    Target t = targetOf(d, params, store_, options_.stdlibDir);
    if (t.at == nullptr) {
        return nullptr;
    }
    std::optional<std::string> text = hoverText(*t.program, *t.at);
    if (!text) {
        return nullptr;
    }
    LineIndex index(d.text);
    return {{"contents", {{"kind", "markdown"}, {"value", *text}}},
            {"range", index.range(t.at->span.begin, t.at->span.end)}};
}

nlohmann::json Server::definition(const nlohmann::json& params) {
    const Document& d = document(params);
    Target t = targetOf(d, params, store_, options_.stdlibDir);
    if (t.at == nullptr) {
        return nullptr;
    }
    if (t.at->kind == SymbolKind::Import) {
        const SourceUnit* unit = t.program->unitOf(d.path);
        std::string target = t.program->importTarget(*unit, t.at->name);
        nlohmann::json start = {{"line", 0}, {"character", 0}};
        return {{"uri", store_.uriOf(target)}, {"range", {{"start", start}, {"end", start}}}};
    }
    if (t.at->declaration) {
        return locationOf(*t.program, store_, t.at->span);
    }
    std::optional<SourceSpan> declared = t.program->declarationOf(t.at->kind, t.at->name);
    return declared ? locationOf(*t.program, store_, *declared) : nlohmann::json(nullptr);
}

nlohmann::json Server::references(const nlohmann::json& params) {
    const Document& d = document(params);
    Target t = targetOf(d, params, store_, options_.stdlibDir);
    std::optional<SymbolKey> key = t.at ? keyOf(*t.program, *t.at) : std::nullopt;
    if (!key) {
        return nlohmann::json::array();
    }
    bool withDeclaration =
        params.value("context", nlohmann::json::object()).value("includeDeclaration", true);
    nlohmann::json out = nlohmann::json::array();
    for (const SymbolPlace& place :
         findSymbol(*key, workspaceRoots(folders_, store_), store_, options_.stdlibDir)) {
        if (withDeclaration || !place.declaration) {
            out.push_back({{"uri", place.uri}, {"range", place.range}});
        }
    }
    return out;
}

nlohmann::json Server::prepareRename(const nlohmann::json& params) {
    const Document& d = document(params);
    Target t = targetOf(d, params, store_, options_.stdlibDir);
    if (t.at == nullptr || !keyOf(*t.program, *t.at) ||
        (t.at->kind != SymbolKind::Predicate && t.at->kind != SymbolKind::Rule)) {
        return nullptr;
    }
    return {{"range", LineIndex(d.text).range(t.at->span.begin, t.at->span.end)},
            {"placeholder", t.at->name}};
}

nlohmann::json Server::rename(const nlohmann::json& params) {
    const Document& d = document(params);
    std::string newName = params.at("newName");
    Target t = targetOf(d, params, store_, options_.stdlibDir);
    std::optional<SymbolKey> key = t.at ? keyOf(*t.program, *t.at) : std::nullopt;
    if (!key || (key->kind != SymbolKind::Predicate && key->kind != SymbolKind::Rule)) {
        throw RequestError(RequestFailed, "only predicates and rules can be renamed");
    }
    const std::vector<std::string>& keywords = allKeywords();
    if (!validName(newName) ||
        std::find(keywords.begin(), keywords.end(), newName) != keywords.end()) {
        throw RequestError(RequestFailed, "'" + newName +
                                              "' is not a valid name: names start "
                                              "with a letter or '_' and are not keywords");
    }
    if (t.program->declarationOf(key->kind, newName)) {
        throw RequestError(RequestFailed, "'" + newName + "' is already declared");
    }
    std::vector<SymbolPlace> places =
        findSymbol(*key, workspaceRoots(folders_, store_), store_, options_.stdlibDir);
    nlohmann::json changes = nlohmann::json::object();
    for (const SymbolPlace& place : places) {
        if (!place.inWorkspace) {
            throw RequestError(RequestFailed, "'" + key->name + "' is used or declared in " +
                                                  place.uri +
                                                  ", outside the workspace: rename it there");
        }
        changes[place.uri].push_back({{"range", place.range}, {"newText", newName}});
    }
    return {{"changes", changes}};
}

nlohmann::json Server::completion(const nlohmann::json& params) {
    const Document& d = document(params);
    Position at = positionFromJson(params.at("position"));
    // The line being typed rarely parses; the rest of the document, without it, usually does.
    OverlayReader typing(store_.reader());
    typing.set(d.path, withoutLine(d.text, at.line));
    auto program = loadForNavigation(d.path, typing, options_.stdlibDir);
    if (program->unitOf(d.path) != nullptr) {
        names_[d.uri] = namesOf(*program->program);
    }
    return completionsAt(d.text, at, names_[d.uri], options_.stdlibDir);
}

nlohmann::json Server::formatting(const nlohmann::json& params) {
    const Document& d = document(params);
    std::string error;
    std::optional<nlohmann::json> edits = formattingEdits(d.path, d.text, error);
    if (!edits) {
        throw RequestError(RequestFailed, error);
    }
    return *edits;
}

nlohmann::json Server::codeAction(const nlohmann::json& params) {
    const Document& d = document(params);
    auto it = analyses_.find(d.uri);
    const DocumentAnalysis& analysis =
        it != analyses_.end() && it->second.version == d.version ? it->second : analyze(d);
    return codeActions(d, analysis, params);
}

nlohmann::json Server::documentSymbol(const nlohmann::json& params) {
    const Document& d = document(params);
    return documentSymbols(d.path, d.text);
}

} // namespace clue::lsp
