// File names written losslessly, and outside text made harmless for terminals.
#include "common/escaped_text.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

TEST(EscapedText, AValidNameIsUnchangedButForBackslashes) {
    EXPECT_EQ(escapeFileName("images/ünï cödé.png"), "images/ünï cödé.png");
    EXPECT_EQ(escapeFileName("a\\b.png"), "a\\\\b.png");
}

TEST(EscapedText, InvalidBytesBecomeHexEscapesAndComeBack) {
    const std::string latin1 = "caf\xE9.png";
    EXPECT_EQ(escapeFileName(latin1), "caf\\xE9.png");
    const std::string names[] = {
        latin1, "\xFF\xFE", "a\\xE9", "\xC3", "ok\\\\\xC0\xAF", "", std::string("nul\0byte", 8)};
    for (const std::string& name : names) {
        EXPECT_EQ(unescapeFileName(escapeFileName(name)), name) << escapeFileName(name);
    }
    EXPECT_NE(escapeFileName("a\\xE9"), escapeFileName("a\xE9"));
}

TEST(EscapedText, TextNoEscaperWroteIsRefused) {
    EXPECT_EQ(unescapeFileName("a\\q"), std::nullopt);
    EXPECT_EQ(unescapeFileName("trailing\\"), std::nullopt);
    EXPECT_EQ(unescapeFileName("\\xZZ"), std::nullopt);
}

TEST(EscapedText, TerminalTextHasNoControlCharacters) {
    EXPECT_EQ(terminalText("\x1b[2J\x1b]0;owned\x07"), "\\x1B[2J\\x1B]0;owned\\x07");
    EXPECT_EQ(terminalText("a\nb\tc\x7F"), "a\\x0Ab\\x09c\\x7F");
    EXPECT_EQ(terminalText("\xC2\x9B"
                           "31m"),
              "\\x9B31m"); // U+009B, the 8-bit CSI
    EXPECT_EQ(terminalText("caf\xE9"), "caf\\xE9");
    EXPECT_EQ(terminalText("abc\u202Edef"), "abc\\u{202E}def");
    EXPECT_EQ(terminalText("naïve – ok"), "naïve – ok");
}

} // namespace
} // namespace clue
