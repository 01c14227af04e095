// A lock entry's `when`: a formula in the language's own syntax, made of quoted statements,
// `and`, `or`, `not` and parentheses. Parsed with the front end, so it reads exactly as the
// same formula would in a rule.
#pragma once

#include "compiler/ast/formula.h"
#include "compiler/source/source_manager.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::objectify {

// Where the formula's text sits, so that spans into the parsed formula show that place: the
// file's name, and the 1-based line and 0-based column of the formula's first character.
struct FormulaPlace {
    std::string path;
    uint32_t line = 2;
    uint32_t column = 0;
};

// Adds a file to `sources` that holds the formula at `place` and parses it. Returns the formula,
// or null with `error` saying why (a syntax error, a predicate name, a constant).
std::unique_ptr<ast::Formula> parseLockedFormula(std::string_view formula, SourceManager& sources,
                                                 const FormulaPlace& place, std::string& error);

// The quoted statements of a formula, in order of appearance.
void collectStatements(const ast::Formula& formula, std::vector<std::string>& statements);

// How many statements a lock entry's formula holds; nothing when it does not parse.
std::optional<size_t> countStatements(std::string_view formula);

} // namespace clue::objectify
