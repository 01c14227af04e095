// Inline suppressions: `# clue:ignore CODE[,CODE...] reason` in a comment.
//
// - A comment alone on its line covers the declaration that starts on the next line of code
//   (a predicate, rule, test, import or the header, whole; for a category, its first line).
// - A comment after code covers the findings that start on its own line.
// - `# clue:ignore-file CODE reason` covers the whole file.
//
// CODE is a rule's code (L103) or name (compound-predicate); several are separated by commas
// with no space between them. The rest of the comment is the reason.
#pragma once

#include "compiler/ast/module.h"
#include "compiler/source/source_manager.h"

#include <string>
#include <utility>
#include <vector>

namespace clue::lint {

class Catalogue;
class LintRule;

struct SuppressedCode {
    std::string written;
    SourceSpan span;                // of the code inside the comment
    const LintRule* rule = nullptr; // null: no rule has this code or name
    bool used = false;              // it suppressed at least one finding
};

struct Suppression {
    SourceSpan span; // the whole comment
    bool wholeFile = false;
    std::vector<SuppressedCode> codes;
    std::string reason;                                // empty when none was given
    std::vector<std::pair<uint32_t, uint32_t>> covers; // byte ranges [begin, end) of the file
};

class Suppressions {
public:
    // The directives among `module`'s comments; other comments are ignored.
    static Suppressions collect(const ast::Module& module, const SourceManager& sources,
                                const Catalogue& catalogue);

    // The suppression that covers a finding of `rule` starting at `span`, with the matching code
    // marked used; null when none does.
    const Suppression* match(const LintRule& rule, SourceSpan span);

    const std::vector<Suppression>& all() const { return list_; }

private:
    std::vector<Suppression> list_;
};

} // namespace clue::lint
