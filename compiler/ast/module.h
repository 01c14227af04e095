// The AST of one source file: its header, its declarations in source order, and its comments.
#pragma once

#include "compiler/ast/category_decl.h"
#include "compiler/ast/import_decl.h"
#include "compiler/ast/predicate_decl.h"
#include "compiler/ast/rule_decl.h"
#include "compiler/ast/score_decl.h"
#include "compiler/ast/test_decl.h"
#include "compiler/ast/text.h"

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace clue::ast {

// What a constitution judges: images (the default), or a model's responses to an image and a
// prompt.
enum class Subject { Images, Responses };

struct Header {
    std::string name;
    SourceSpan nameSpan;
    std::optional<std::string> version;
    SourceSpan versionSpan;
    std::optional<Text> description;
    std::optional<Identifier> judges; // as written; sema checks the name
    SourceSpan span;
};

// A `#` comment, from the hidden channel; `text` includes the '#'.
struct Comment {
    std::string text;
    SourceSpan span;
};

using Decl = std::variant<ImportDecl, PredicateDecl, CategoryDecl, RuleDecl, TestDecl, ScoreDecl>;

struct Module {
    FileId file = 0;
    std::optional<Header> header;
    std::vector<Decl> items; // source order
    std::vector<Comment> comments;
    SourceSpan span;

    // Every rule, whether top level or inside a category, in source order.
    void forEachRule(const std::function<void(const RuleDecl&)>& visit) const;
    std::vector<const RuleDecl*> rules() const;
    std::vector<const PredicateDecl*> predicates() const;
    std::vector<const CategoryDecl*> categories() const;
    std::vector<const ImportDecl*> imports() const;
    std::vector<const TestDecl*> tests() const;
    std::vector<const ScoreDecl*> scores() const;
};

} // namespace clue::ast
