// Tests of predicate statement normalization.
#include "common/statement.h"

#include <gtest/gtest.h>

using clue::normalizeStatement;

TEST(Statement, FoldsCaseWhitespaceAndFinalPunctuation) {
    EXPECT_EQ(normalizeStatement("  A person   is\tvisible.  "), "a person is visible");
    EXPECT_EQ(normalizeStatement("a person is visible"), "a person is visible");
    EXPECT_EQ(normalizeStatement("Fire?!"), "fire");
    EXPECT_EQ(normalizeStatement("..."), "");
}

TEST(Statement, KeepsInnerPunctuationAndNonAscii) {
    EXPECT_EQ(normalizeStatement("legs, spread > 90 degrees."), "legs, spread > 90 degrees");
    EXPECT_EQ(normalizeStatement("Caf\xc3\xa9 sign"), "caf\xc3\xa9 sign");
}

TEST(Statement, HashIsOfTheNormalizedForm) {
    EXPECT_EQ(clue::statementHash("A Person is visible."), clue::statementHash("a person is visible"));
    EXPECT_NE(clue::statementHash("a person is visible"), clue::statementHash("an animal is visible"));
}
