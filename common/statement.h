// Normalization of predicate statements: two statements that normalize equally are one predicate.
#pragma once

#include <string>
#include <string_view>

namespace clue {

// Folds ASCII case, collapses runs of whitespace to one space, trims, and drops final
// punctuation (. ! ? ; : ,). "A person is visible.  " and "a person  is visible" are equal.
std::string normalizeStatement(std::string_view statement);

// SHA-256 hex of the normalized statement: the statement's identity in plans and caches.
std::string statementHash(std::string_view statement);

} // namespace clue
