// Compound and negated statements: what the extraction checks reject and what they let through.
#include "compiler/objectify/statement_checks.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

TEST(CompoundStatement, FindsTwoFactsJoined) {
    EXPECT_EQ(compoundJoiner("a person is visible and a knife is visible"), "and");
    EXPECT_EQ(compoundJoiner("two people are lying on a bed and touching"), "and");
    EXPECT_EQ(compoundJoiner("a person is visible or an animal is visible"), "or");
    EXPECT_EQ(compoundJoiner("neither a gun nor a knife is visible"), "nor");
    EXPECT_EQ(compoundJoiner("a gun as well as a knife is visible"), "as well as");
    EXPECT_EQ(compoundJoiner("a dog along with its owner is visible"), "along with");
    // A reciprocal action does not excuse an "and" that joins two clauses.
    EXPECT_EQ(compoundJoiner("two people are visible and two people are kissing each other"),
              "and");
}

TEST(CompoundStatement, LetsOneFactThrough) {
    for (const char* one :
         {"a black and white photo is shown", "the angle is between 90 and 180 degrees",
          "a man and a woman are kissing each other", "two or more people are visible",
          "the buttocks are at or above the level of the torso", "a gun or a knife is visible",
          "a body or its clothes are on fire", "the sand is wet", "the doors are open"}) {
        EXPECT_EQ(compoundJoiner(one), std::nullopt) << one;
    }
}

TEST(NegatedStatement, FindsAbsences) {
    EXPECT_EQ(negationCue("no person is visible"), "no");
    EXPECT_EQ(negationCue("Nobody is in the room"), "nobody");
    EXPECT_EQ(negationCue("the person is not clothed"), "is not");
    EXPECT_EQ(negationCue("the woman isn't wearing a top"), "isn't");
    EXPECT_EQ(negationCue("without any clothing"), "without");
    EXPECT_EQ(negationCue("the body has no clothing"), "has no");
}

TEST(NegatedStatement, LetsPositiveStatementsThrough) {
    for (const char* positive :
         {"the visible buttocks are bare, with no clothing over them", "a person is visible",
          "no more than two people are visible", "a knot is tied", "the note is visible"}) {
        EXPECT_EQ(negationCue(positive), std::nullopt) << positive;
    }
}

} // namespace
} // namespace clue::objectify
