// `category NAME "title" { rules }`: groups rules under a name.
#pragma once

#include "compiler/ast/rule_decl.h"
#include "compiler/ast/text.h"

#include <optional>
#include <vector>

namespace clue::ast {

struct CategoryDecl {
    std::string name;
    SourceSpan nameSpan;
    std::optional<Text> title;
    std::vector<RuleDecl> rules;
    SourceSpan span;
};

} // namespace clue::ast
