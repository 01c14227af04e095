// The limits on what a constitution may hold, documented in docs/language.md ("Limits"). They
// bound the time and memory every verb spends on a file, however it was made.
#pragma once

#include <cstddef>
#include <cstdint>

namespace clue {

struct SourceLimits {
    // A larger source file is refused before it is read (E054); --max-source-bytes raises it.
    static constexpr std::uint64_t defaultMaxFileBytes = 4u << 20;
    // A name (of a predicate, rule, category, tag, severity or option), in characters (E013).
    static constexpr std::size_t maxNameLength = 128;
    // A text (statement, rule text, title, description, test name, import path), in characters,
    // after adjacent literals are joined (E014).
    static constexpr std::size_t maxTextLength = 4096;
};

} // namespace clue
