// A half-open byte range [begin, end) in one source file; every AST node and diagnostic has one.
#pragma once

#include <cstdint>
#include <tuple>

namespace clue {

using FileId = uint32_t;

struct SourceSpan {
    FileId file = 0;
    uint32_t begin = 0;
    uint32_t end = 0;

    // The smallest span that covers both `this` and `other` (same file assumed).
    SourceSpan cover(const SourceSpan& other) const {
        return {file, begin < other.begin ? begin : other.begin, end > other.end ? end : other.end};
    }
    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
    friend bool operator<(const SourceSpan& a, const SourceSpan& b) {
        return std::tie(a.file, a.begin, a.end) < std::tie(b.file, b.begin, b.end);
    }
};

// 1-based line and column; the column counts code points, not bytes.
struct LineColumn {
    uint32_t line = 1;
    uint32_t column = 1;
};

} // namespace clue
