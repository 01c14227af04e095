// Parsing of `clue:ignore` comments and the parts of the file each one covers.
#include "compiler/lint/suppressions.h"

#include "compiler/lint/catalogue.h"

#include <map>

namespace clue::lint {
namespace {

constexpr std::string_view kIgnore = "clue:ignore";
constexpr std::string_view kIgnoreFile = "clue:ignore-file";

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

// Start lines of the declarations of a module, mapped to the byte range a directive above
// them covers.
class DeclarationLines {
public:
    DeclarationLines(const ast::Module& module, const SourceManager& sources)
        : sources_(sources), file_(module.file) {
        if (module.header) {
            add(module.header->span);
        }
        for (const ast::Decl& item : module.items) {
            std::visit([&](const auto& decl) { addDecl(decl); }, item);
        }
    }

    // The range covered by a directive whose next line of code is `line`.
    std::pair<uint32_t, uint32_t> coverFor(uint32_t line) const {
        if (auto it = byLine_.find(line); it != byLine_.end()) {
            return it->second;
        }
        return lineRange(line);
    }

    std::pair<uint32_t, uint32_t> lineRange(uint32_t line) const {
        uint32_t begin = sources_.lineStart(file_, line);
        return {begin, begin + static_cast<uint32_t>(sources_.lineText(file_, line).size())};
    }

private:
    void add(SourceSpan span) {
        byLine_.emplace(sources_.lineColumn(file_, span.begin).line,
                        std::make_pair(span.begin, span.end));
    }
    void addDecl(const ast::CategoryDecl& category) {
        uint32_t line = sources_.lineColumn(file_, category.span.begin).line;
        byLine_.emplace(line, lineRange(line));
        for (const ast::RuleDecl& rule : category.rules) {
            add(rule.span);
        }
    }
    template <typename Decl> void addDecl(const Decl& decl) { add(decl.span); }

    const SourceManager& sources_;
    FileId file_;
    std::map<uint32_t, std::pair<uint32_t, uint32_t>> byLine_;
};

// The first line after `line` that holds something other than blanks and a comment.
uint32_t nextCodeLine(const SourceManager& sources, FileId file, uint32_t line) {
    uint32_t lines =
        sources.lineColumn(file, static_cast<uint32_t>(sources.contents(file).size())).line;
    for (uint32_t l = line + 1; l <= lines; ++l) {
        std::string_view text = sources.lineText(file, l);
        size_t first = text.find_first_not_of(" \t\r\f");
        if (first != std::string_view::npos && text[first] != '#') {
            return l;
        }
    }
    return line;
}

// Splits "CODE[,CODE...] reason" into codes with their offsets in `text`, and the reason.
void parseCodes(std::string_view text, size_t offset, Suppression& s, const Catalogue& catalogue) {
    size_t i = offset;
    while (i < text.size() && isSpace(text[i])) {
        ++i;
    }
    size_t end = i;
    while (end < text.size() && !isSpace(text[end])) {
        ++end;
    }
    size_t start = i;
    for (size_t k = i; k <= end; ++k) {
        if (k == end || text[k] == ',') {
            if (k > start) {
                SuppressedCode code;
                code.written = std::string(text.substr(start, k - start));
                code.span = {s.span.file, s.span.begin + static_cast<uint32_t>(start),
                             s.span.begin + static_cast<uint32_t>(k)};
                code.rule = catalogue.find(code.written);
                s.codes.push_back(std::move(code));
            }
            start = k + 1;
        }
    }
    std::string_view reason = text.substr(end);
    size_t first = reason.find_first_not_of(" \t\r\f");
    if (first != std::string_view::npos) {
        reason = reason.substr(first);
        s.reason = std::string(reason.substr(0, reason.find_last_not_of(" \t\r\f") + 1));
    }
}

} // namespace

Suppressions Suppressions::collect(const ast::Module& module, const SourceManager& sources,
                                   const Catalogue& catalogue) {
    Suppressions result;
    DeclarationLines declarations(module, sources);
    for (const ast::Comment& comment : module.comments) {
        std::string_view text = comment.text;
        size_t at = text.find_first_not_of("# \t");
        if (at == std::string_view::npos || text.substr(at, kIgnore.size()) != kIgnore) {
            continue;
        }
        Suppression s;
        s.span = comment.span;
        s.wholeFile = text.substr(at, kIgnoreFile.size()) == kIgnoreFile;
        size_t after = at + (s.wholeFile ? kIgnoreFile.size() : kIgnore.size());
        if (after < text.size() && !isSpace(text[after])) {
            continue; // "clue:ignored" or similar: not a directive
        }
        parseCodes(text, after, s, catalogue);
        uint32_t line = sources.lineColumn(comment.span.file, comment.span.begin).line;
        std::string_view before =
            sources.lineText(comment.span.file, line)
                .substr(0, comment.span.begin - sources.lineStart(comment.span.file, line));
        bool alone = before.find_first_not_of(" \t\f") == std::string_view::npos;
        if (s.wholeFile) {
            s.covers.push_back({0, static_cast<uint32_t>(sources.contents(module.file).size())});
        } else if (alone) {
            s.covers.push_back(
                declarations.coverFor(nextCodeLine(sources, comment.span.file, line)));
        } else {
            s.covers.push_back(declarations.lineRange(line));
        }
        result.list_.push_back(std::move(s));
    }
    return result;
}

const Suppression* Suppressions::match(const LintRule& rule, SourceSpan span) {
    for (Suppression& s : list_) {
        if (s.span.file != span.file) {
            continue;
        }
        bool covered = false;
        for (const auto& [begin, end] : s.covers) {
            covered |= span.begin >= begin && span.begin < end;
        }
        if (!covered) {
            continue;
        }
        for (SuppressedCode& code : s.codes) {
            if (code.rule == &rule) {
                code.used = true;
                return &s;
            }
        }
    }
    return nullptr;
}

} // namespace clue::lint
