// Quoting and unquoting of the language's string literals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace clue::ast {

// `value` as a double-quoted literal; '"', '\\', newline and tab are escaped.
std::string quoteString(std::string_view value);

struct UnquoteError {
    size_t offset; // byte offset of the bad escape within the literal
    std::string message;
};

// The value of a literal written with its quotes. Known escapes: \" \\ \n \t.
// Returns the offset and a message for an unknown escape.
std::variant<std::string, UnquoteError> unquoteString(std::string_view literal);

} // namespace clue::ast
