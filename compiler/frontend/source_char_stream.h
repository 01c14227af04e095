// The character stream ANTLR reads: the source decoded to UTF-32 once, and token texts cut
// straight from the UTF-8 source instead of being encoded back code point by code point.
#pragma once

#include "compiler/frontend/code_point_map.h"

#include "antlr4-runtime.h"

#include <string_view>

namespace clue {

class SourceCharStream : public antlr4::ANTLRInputStream {
public:
    // `utf8` is the valid UTF-8 text that ANTLR indexes (after any byte order mark), and
    // `contents` the whole file that `map` maps into.
    SourceCharStream(std::string_view utf8, std::string_view contents, const CodePointMap& map);

    std::string getText(const antlr4::misc::Interval& interval) override;

private:
    std::string_view contents_;
    const CodePointMap& map_;
};

} // namespace clue
