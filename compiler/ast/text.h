// A text written as one or more adjacent string literals, which concatenate with no separator.
#pragma once

#include "compiler/source/source_span.h"

#include <string>
#include <vector>

namespace clue::ast {

struct StringPiece {
    std::string value; // unescaped, without quotes
    SourceSpan span;   // covers the quotes
};

struct Text {
    std::vector<StringPiece> pieces;
    SourceSpan span;

    // The concatenated value of every piece.
    std::string value() const {
        std::string out;
        for (const StringPiece& p : pieces) {
            out += p.value;
        }
        return out;
    }
};

} // namespace clue::ast
