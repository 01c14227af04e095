// One DocumentSymbol per declaration, in source order.
#include "lsp/document_symbols.h"

#include "compiler/frontend/parser.h"
#include "lsp/line_index.h"

namespace clue::lsp {
namespace {

// SymbolKind values of the protocol.
enum Kind {
    File = 1,
    Module = 2,
    Namespace = 3,
    Method = 6,
    Function = 12,
    Boolean = 17,
    Object = 19
};

class Outline {
public:
    explicit Outline(std::string_view text) : index_(text) {}

    nlohmann::json symbol(const std::string& name, Kind kind, SourceSpan whole, SourceSpan nameSpan,
                          const std::string& detail = "") const {
        nlohmann::json out = {{"name", name.empty() ? "\"\"" : name},
                              {"kind", kind},
                              {"range", index_.range(whole.begin, whole.end)},
                              {"selectionRange", index_.range(nameSpan.begin, nameSpan.end)}};
        if (!detail.empty()) {
            out["detail"] = detail;
        }
        return out;
    }

    nlohmann::json rule(const ast::RuleDecl& r) const {
        return symbol(r.id, Function, r.span, r.idSpan, r.text.value());
    }

    nlohmann::json item(const ast::Decl& decl) const {
        if (const auto* i = std::get_if<ast::ImportDecl>(&decl)) {
            return symbol(i->path, File, i->span, i->pathSpan);
        }
        if (const auto* p = std::get_if<ast::PredicateDecl>(&decl)) {
            return symbol(p->name, Boolean, p->span, p->nameSpan, p->statement.value());
        }
        if (const auto* c = std::get_if<ast::CategoryDecl>(&decl)) {
            nlohmann::json out =
                symbol(c->name, Namespace, c->span, c->nameSpan, c->title ? c->title->value() : "");
            out["children"] = nlohmann::json::array();
            for (const ast::RuleDecl& r : c->rules) {
                out["children"].push_back(rule(r));
            }
            return out;
        }
        if (const auto* r = std::get_if<ast::RuleDecl>(&decl)) {
            return rule(*r);
        }
        if (const auto* s = std::get_if<ast::ScoreDecl>(&decl)) {
            return symbol("score", Object, s->span, s->keywordSpan);
        }
        const auto& t = std::get<ast::TestDecl>(decl);
        return symbol(t.name, Method, t.span, t.nameSpan);
    }

private:
    LineIndex index_;
};

} // namespace

nlohmann::json documentSymbols(const std::string& path, const std::string& text) {
    SourceManager sources;
    DiagnosticEngine ignored;
    FileId file = sources.addFile(path, text);
    std::optional<ast::Module> module = parseModule(sources, file, ignored);
    nlohmann::json symbols = nlohmann::json::array();
    if (!module) {
        return symbols;
    }
    Outline outline(sources.contents(file));
    if (module->header) {
        const ast::Header& h = *module->header;
        symbols.push_back(
            outline.symbol(h.name, Module, h.span, h.nameSpan, h.version.value_or("")));
    }
    for (const ast::Decl& decl : module->items) {
        symbols.push_back(outline.item(decl));
    }
    return symbols;
}

} // namespace clue::lsp
