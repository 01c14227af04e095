// String literal escapes, shared by the parser, fmt and the printers of formulas.
#include "compiler/ast/string_literal.h"

namespace clue::ast {

std::string quoteString(std::string_view value) {
    std::string out = "\"";
    for (char c : value) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    out += '"';
    return out;
}

std::variant<std::string, UnquoteError> unquoteString(std::string_view literal) {
    std::string out;
    std::string_view body = literal.substr(1, literal.size() >= 2 ? literal.size() - 2 : 0);
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\') {
            out += body[i];
            continue;
        }
        char next = i + 1 < body.size() ? body[i + 1] : '\0';
        switch (next) {
        case '"':
        case '\\':
            out += next;
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        default:
            return UnquoteError{i + 1, "unknown escape sequence; use \\\", \\\\, \\n or \\t"};
        }
        ++i;
    }
    return out;
}

} // namespace clue::ast
