// The shared compound and negation checks: what the strict (lint) and lenient (objectify) rules
// report, and that the lenient rules never report what the strict ones accept.
#include "compiler/text/builtin_lexicons.h"
#include "compiler/text/statement_checks.h"

#include <gtest/gtest.h>

namespace clue::text {
namespace {

const CompoundRules kStrict = CompoundRules::strict();
const CompoundRules kLenient = CompoundRules::lenient();

TEST(CompoundCheck, TheLexiconsExceptionsHoldInBothModes) {
    for (const char* one :
         {"rock and roll music is playing", "one or more people are visible",
          "a black and white photo is shown", "the buttocks are at or above the torso",
          "between 10 and 20 people are visible", "fish and chips are on the table",
          "the count is greater than or equal to three"}) {
        EXPECT_EQ(compoundJoiner(one, kStrict), std::nullopt) << one;
        EXPECT_EQ(compoundJoiner(one, kLenient), std::nullopt) << one;
    }
}

TEST(CompoundCheck, LenientAcceptsAlternativesInsideANounPhraseOnly) {
    EXPECT_EQ(compoundJoiner("a gun or a knife is visible", kStrict), "or");
    EXPECT_EQ(compoundJoiner("a gun or a knife is visible", kLenient), std::nullopt);
    EXPECT_EQ(compoundJoiner("a person is visible or an animal is visible", kLenient), "or");
    for (const char* rules : {"strict", "lenient"}) {
        const CompoundRules& r = std::string(rules) == "strict" ? kStrict : kLenient;
        EXPECT_EQ(compoundJoiner("a person is smoking and drinking", r), "and") << rules;
        EXPECT_EQ(compoundJoiner("neither a helmet nor gloves are worn", r), "nor") << rules;
        EXPECT_EQ(compoundJoiner("a gun as well as a knife is visible", r), "as well as") << rules;
    }
}

TEST(CompoundCheck, AReciprocalAndOnlyBetweenThePartiesBeforeTheVerb) {
    EXPECT_EQ(compoundJoiner("a man and a woman are kissing each other", kStrict), std::nullopt);
    EXPECT_EQ(
        compoundJoiner("two people are visible and two people are kissing each other", kStrict),
        "and");
    EXPECT_EQ(
        compoundJoiner("a man and a woman are kissing each other", CompoundRules::strict(false)),
        "and");
}

TEST(CompoundCheck, QuotedWritingIsNotAClaim) {
    EXPECT_EQ(compoundJoiner("a sign that says \"salt and vinegar\" is visible", kStrict),
              std::nullopt);
}

TEST(NegationCheck, ReportsTheLexiconsCue) {
    EXPECT_EQ(negationCue("no person is visible"), "no");
    EXPECT_EQ(negationCue("there is no adult nearby"), "there is no");
    EXPECT_EQ(negationCue("the person is not wearing clothes"), "is not");
    EXPECT_EQ(negationCue("the face isn't visible"), "isn't");
    EXPECT_EQ(negationCue("no more than two people are visible"), std::nullopt);
    EXPECT_EQ(negationCue("a notice board is visible"), std::nullopt);
}

TEST(CompoundCheck, FindCompoundReadsTheLexiconItIsGiven) {
    Lexicon lexicon = builtinLexicon(LexiconKind::Compound);
    lexicon.add("!smoking and drinking");
    std::vector<Word> words = splitUnquotedWords("a person is smoking and drinking");
    EXPECT_FALSE(findCompound(words, lexicon, kStrict));
    EXPECT_TRUE(findCompound(words, builtinLexicon(LexiconKind::Compound), kStrict));
}

} // namespace
} // namespace clue::text
