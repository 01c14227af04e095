// Tests of UTF-8 validation and code-point counting.
#include "common/utf8.h"

#include <gtest/gtest.h>

using clue::countCodePoints;
using clue::findInvalidUtf8;

TEST(Utf8, AcceptsAsciiAndMultibyte) {
    EXPECT_FALSE(findInvalidUtf8("plain ascii"));
    EXPECT_FALSE(findInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    EXPECT_FALSE(findInvalidUtf8(""));
}

TEST(Utf8, FindsFirstInvalidByte) {
    EXPECT_EQ(findInvalidUtf8("ab\xff"), 2u);
    EXPECT_EQ(findInvalidUtf8("a\xc3"), 1u);            // truncated sequence
    EXPECT_EQ(findInvalidUtf8("\xc0\xaf"), 0u);         // overlong '/'
    EXPECT_EQ(findInvalidUtf8("x\xed\xa0\x80"), 1u);    // UTF-16 surrogate
    EXPECT_EQ(findInvalidUtf8("\xf4\x90\x80\x80"), 0u); // above U+10FFFF
    EXPECT_EQ(findInvalidUtf8("ok\x80"), 2u);           // lone continuation byte
}

TEST(Utf8, CountsCodePoints) {
    EXPECT_EQ(countCodePoints(""), 0u);
    EXPECT_EQ(countCodePoints("abc"), 3u);
    EXPECT_EQ(countCodePoints("caf\xc3\xa9"), 4u);
    EXPECT_EQ(countCodePoints("\xf0\x9f\x98\x80!"), 2u);
}

TEST(Utf8, DecodesTheFirstCodePoint) {
    size_t length = 0;
    EXPECT_EQ(clue::decodeCodePoint("a", length), U'a');
    EXPECT_EQ(length, 1u);
    EXPECT_EQ(clue::decodeCodePoint("\xc3\xa9x", length), U'\u00e9');
    EXPECT_EQ(length, 2u);
    EXPECT_EQ(clue::decodeCodePoint("\xe2\x80\x9c", length), U'\u201c');
    EXPECT_EQ(length, 3u);
    EXPECT_EQ(clue::decodeCodePoint("\xf0\x9f\x98\x80", length), U'\U0001F600');
    EXPECT_EQ(length, 4u);
}
