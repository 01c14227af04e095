// One fact and one expectation per line, so that long counterexamples stay readable.
#include "compiler/diff/test_block.h"

#include "compiler/ast/string_literal.h"

namespace clue::diff {

std::string testBlock(const std::string& name, const std::vector<Literal>& cube,
                      const std::vector<std::string>& expectations) {
    std::string out = "test " + ast::quoteString(name) + " {\n";
    for (const Literal& l : cube) {
        out +=
            "  given " + std::string(l.value ? "" : "not ") + ast::quoteString(l.statement) + "\n";
    }
    for (const std::string& e : expectations) {
        out += "  expect " + e + "\n";
    }
    return out + "}\n";
}

} // namespace clue::diff
