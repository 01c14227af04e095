// Text edits at the AST's spans, then fmt over the edited text, then a full check.
#include "compiler/objectify/source_writer.h"

#include "compiler/ast/string_literal.h"
#include "compiler/diag/diagnostic_engine.h"
#include "compiler/fmt/formatter.h"
#include "compiler/frontend/parser.h"
#include "compiler/objectify/chain_namer.h"
#include "compiler/objectify/locked_formula.h"
#include "compiler/sema/program_loader.h"

#include <algorithm>

namespace clue::objectify {
namespace {

struct Edit {
    uint32_t begin = 0;
    uint32_t end = 0; // begin == end: an insertion
    std::string text;
};

std::string applyEdits(std::string_view source, std::vector<Edit> edits) {
    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    std::string out(source);
    for (const Edit& e : edits) {
        out.replace(e.begin, e.end - e.begin, e.text);
    }
    return out;
}

// Where a clause can go after `offset`: the end of its line when only white space or a comment
// follows, so a trailing comment stays on its line; else `offset` itself.
uint32_t afterLine(std::string_view source, uint32_t offset) {
    size_t lineEnd = source.find('\n', offset);
    lineEnd = lineEnd == std::string_view::npos ? source.size() : lineEnd;
    std::string_view rest = source.substr(offset, lineEnd - offset);
    size_t first = rest.find_first_not_of(" \t\r");
    bool free = first == std::string_view::npos || rest[first] == '#';
    return free ? static_cast<uint32_t>(lineEnd) : offset;
}

// A long text as adjacent literals that fit the line, each but the last ending in a space.
std::string quotedPieces(const std::string& text, size_t width) {
    std::vector<std::string> pieces{""};
    size_t start = 0;
    while (start < text.size()) {
        size_t space = text.find(' ', start);
        std::string word =
            text.substr(start, space == std::string::npos ? space : space - start + 1);
        if (!pieces.back().empty() && pieces.back().size() + word.size() > width) {
            pieces.emplace_back();
        }
        pieces.back() += word;
        start = space == std::string::npos ? text.size() : space + 1;
    }
    std::string out;
    for (const std::string& piece : pieces) {
        out += (out.empty() ? "" : "\n") + ast::quoteString(piece);
    }
    return out;
}

std::string declarations(const std::vector<NewPredicate>& added) {
    std::string out;
    for (const NewPredicate& p : added) {
        out += "\npredicate " + p.name + " : " + ast::quoteString(p.statement) + "\n    object " +
               ast::quoteString(p.object);
    }
    return out;
}

// After the root file's last predicate, else its last import, else its header, else at the top.
Edit declarationEdit(const ast::Module& module, std::string_view source, const std::string& block) {
    std::optional<SourceSpan> lastPredicate, lastImport;
    for (const ast::Decl& item : module.items) {
        if (const auto* p = std::get_if<ast::PredicateDecl>(&item)) {
            lastPredicate = p->span;
        } else if (const auto* i = std::get_if<ast::ImportDecl>(&item)) {
            lastImport = i->span;
        }
    }
    if (lastPredicate) {
        uint32_t at = afterLine(source, lastPredicate->end);
        return {at, at, block};
    }
    std::optional<SourceSpan> anchor = lastImport;
    if (!anchor && module.header) {
        anchor = module.header->span;
    }
    if (!anchor) {
        return {0, 0, block.substr(1) + "\n\n"};
    }
    uint32_t at = afterLine(source, anchor->end);
    return {at, at, "\n" + block};
}

// Reads the root from memory and every other file from the disk: the edited text is checked
// as part of its program before anything is written.
class OverlayReader : public SourceReader {
public:
    OverlayReader(std::string path, std::string contents)
        : identity_(disk_.identity(path)), contents_(std::move(contents)) {}
    Result read(const std::string& path) const override {
        return disk_.identity(path) == identity_ ? Result{Status::Ok, contents_, {}}
                                                 : disk_.read(path);
    }
    std::string identity(const std::string& path) const override { return disk_.identity(path); }

private:
    DiskReader disk_;
    std::string identity_;
    std::string contents_;
};

class ChainWriter {
public:
    ChainWriter(const Program& program, const SourceUnit& root, std::string_view source)
        : root_(root), source_(source), namer_(program) {}

    bool add(const ChainWrite& write, bool acceptRewrite, std::string& error);
    std::string edited() const;
    std::optional<SourceWrite> check(const std::string& formatted, std::string& error) const;

private:
    const SourceUnit& root_;
    std::string_view source_;
    ChainNamer namer_;
    std::vector<Edit> edits_;
    std::vector<std::pair<std::string, std::unique_ptr<ast::Formula>>> intended_;
};

bool ChainWriter::add(const ChainWrite& write, bool acceptRewrite, std::string& error) {
    const ast::RuleDecl& rule = *write.rule;
    SourceManager scratch;
    std::unique_ptr<ast::Formula> parsed =
        parseLockedFormula(write.entry->when, scratch, {"lock entry", 2, 0}, error);
    if (!parsed) {
        return false;
    }
    std::unique_ptr<ast::Formula> named = namer_.name(*parsed, *write.entry);
    std::string clause = "when " + named->toSource();
    if (rule.when) {
        edits_.push_back({rule.whenKeyword.begin, rule.when->span.end, clause});
    } else {
        uint32_t at = afterLine(source_, rule.span.end);
        edits_.push_back({at, at, (at == rule.span.end ? " " : "\n") + clause});
    }
    if (acceptRewrite && write.entry->finalRound > 0 &&
        write.entry->finalText() != rule.text.value()) {
        size_t indent = rule.category.empty() ? 4 : 8;
        edits_.push_back({rule.text.span.begin, rule.text.span.end,
                          quotedPieces(write.entry->finalText(), maxColumns - indent - 2)});
    }
    intended_.emplace_back(rule.id, std::move(named));
    return true;
}

std::string ChainWriter::edited() const {
    std::vector<Edit> edits = edits_;
    if (!namer_.newPredicates().empty()) {
        edits.push_back(
            declarationEdit(root_.module, source_, declarations(namer_.newPredicates())));
    }
    return applyEdits(source_, std::move(edits));
}

// The formatted text must load as a program and give each rule its intended formula.
std::optional<SourceWrite> ChainWriter::check(const std::string& formatted,
                                              std::string& error) const {
    OverlayReader reader(root_.path, formatted);
    SourceManager sources;
    DiagnosticEngine diags;
    LoadOptions options;
    options.reader = &reader;
    std::unique_ptr<Program> program = loadProgram({root_.path}, sources, diags, options);
    if (!program) {
        error = "the edited source does not check: " + diags.sorted().front()->message;
        return std::nullopt;
    }
    for (const auto& [id, formula] : intended_) {
        auto rule = program->rules.find(id);
        if (rule == program->rules.end() || !rule->second->when ||
            !rule->second->when->sameAs(*formula)) {
            error = "the edited source does not give rule '" + id + "' its extracted formula";
            return std::nullopt;
        }
    }
    SourceWrite result{formatted, {}};
    for (const NewPredicate& p : namer_.newPredicates()) {
        result.declared.push_back(p.name);
    }
    return result;
}

} // namespace

std::optional<SourceWrite> writeChains(const Program& program, const SourceUnit& root,
                                       std::string_view loaded,
                                       const std::vector<ChainWrite>& writes, bool acceptRewrite,
                                       std::string& error) {
    SourceReader::Result now = DiskReader().read(root.path);
    if (now.status != SourceReader::Status::Ok || now.contents != loaded) {
        error = "'" + root.path + "' changed while objectify ran; run it again";
        return std::nullopt;
    }
    ChainWriter writer(program, root, loaded);
    for (const ChainWrite& write : writes) {
        if (!writer.add(write, acceptRewrite, error)) {
            return std::nullopt;
        }
    }
    std::string edited = writer.edited();
    SourceManager sources;
    DiagnosticEngine diags;
    FileId file = sources.addFile(root.path, edited);
    std::optional<ast::Module> module = parseModule(sources, file, diags);
    if (!module) {
        error = "the edited source does not parse: " + diags.sorted().front()->message;
        return std::nullopt;
    }
    return writer.check(formatModule(*module, sources), error);
}

} // namespace clue::objectify
