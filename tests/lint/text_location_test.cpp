// The location of words inside string literals.
#include "compiler/lint/text_location.h"

#include <gtest/gtest.h>

namespace clue::lint {
namespace {

TEST(TextLocation, MapsValueOffsetsThroughEscapesAndPieces) {
    SourceManager sources;
    std::string source = "p : \"say \\\"hi\\\" \" \"then bye\"";
    FileId file = sources.addFile("t.clue", source);
    SourceSpan literals{file, 4, static_cast<uint32_t>(source.size())};
    // The value is: say "hi" then bye
    SourceSpan hi = spanInLiterals(sources, literals, 5, 7);
    EXPECT_EQ(source.substr(hi.begin, hi.end - hi.begin), "hi");
    SourceSpan quote = spanInLiterals(sources, literals, 4, 5);
    EXPECT_EQ(source.substr(quote.begin, quote.end - quote.begin), "\\\"");
    SourceSpan bye = spanInLiterals(sources, literals, 14, 17);
    EXPECT_EQ(source.substr(bye.begin, bye.end - bye.begin), "bye");
    // Across the two literals: the quotes between them are covered.
    SourceSpan across = spanInLiterals(sources, literals, 8, 11);
    EXPECT_EQ(source.substr(across.begin, across.end - across.begin), " \" \"th");
}

} // namespace
} // namespace clue::lint
