// `rule ID "text" severity S when F unless G tags a, b`: one safety rule.
#pragma once

#include "compiler/ast/formula.h"
#include "compiler/ast/text.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clue::ast {

struct Identifier {
    std::string name;
    SourceSpan span;
};

// Which clauses a rule had, in source order; fmt keeps that order.
enum class RuleClauseKind { Severity, When, Unless, Tags };

struct RuleDecl {
    std::string id;
    SourceSpan idSpan;
    Text text;
    std::optional<Identifier> severity; // as written; sema checks the name
    std::unique_ptr<Formula> when;      // null: the rule needs objectification
    SourceSpan whenKeyword;
    std::unique_ptr<Formula> unless;
    SourceSpan unlessKeyword;
    std::vector<Identifier> tags;
    std::vector<RuleClauseKind> clauseOrder;
    std::string category; // enclosing category's name, or empty at top level
    SourceSpan span;
};

} // namespace clue::ast
