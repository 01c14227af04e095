// Lint's L103/L104 and objectify's answer checks agree: on every statement below, objectify
// rejects a statement only when lint reports it, names the same words, and accepts what lint
// reports only for alternatives inside a noun phrase (its lenient mode).
#include "compiler/objectify/statement_checks.h"
#include "tests/lint/lint_helpers.h"

#include <gtest/gtest.h>

namespace clue::lint {
namespace {

using testing::lintSource;

// The statements of the L103 and L104 golden cases, objectify's checks' tests and a few more.
const std::vector<std::string> kStatements = {
    "a gun or a knife is visible",
    "a person is smoking and drinking",
    "neither a helmet nor gloves are worn",
    "sand and water are visible",
    "sand is visible on the floor",
    "the photo is black and white",
    "a black-and-white flag is visible",
    "two or more people are visible",
    "one or more people are visible",
    "rock and roll music is playing",
    "between 10 and 20 people are visible",
    "a man and a woman are kissing each other",
    "two people are visible and two people are kissing each other",
    "two people are lying on a bed and touching",
    "the buttocks are at or above the level of the torso",
    "a person is visible or an animal is visible",
    "a body or its clothes are on fire",
    "a gun as well as a knife is visible",
    "a dog along with its owner is visible",
    "no person is visible",
    "nobody is in the room",
    "the person is not wearing clothes",
    "the face isn't visible",
    "the body has no clothing",
    "there is no adult nearby",
    "without any clothing",
    "no more than two people are visible",
    "the buttocks are bare, with no clothing over them",
    "a knot is tied in the rope",
    "a notice board is visible",
};

// The words the first finding of `code` underlines in the statement, lower-cased, or "".
std::string lintFinding(const std::string& statement, const std::string& code) {
    auto run = lintSource("predicate p : \"" + statement + "\"\nrule r \"R.\" when p\n");
    std::vector<const Finding*> found = run->of(code);
    if (found.empty()) {
        return "";
    }
    const SourceSpan& span = *found.front()->diagnostic.span;
    std::string words(run->sources.contents(span.file).substr(span.begin, span.end - span.begin));
    for (char& c : words) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return words;
}

TEST(StatementAgreement, ObjectifyRejectsACompoundOnlyWhenLintReportsIt) {
    for (const std::string& s : kStatements) {
        std::string lint = lintFinding(s, "L103");
        std::optional<std::string> objectify = objectify::compoundJoiner(s);
        if (objectify) {
            EXPECT_EQ(*objectify, lint) << s;
        } else if (!lint.empty()) {
            // The one leniency: alternatives inside a noun phrase.
            EXPECT_EQ(lint, "or") << s;
        }
    }
}

TEST(StatementAgreement, ObjectifyAndLintFindTheSameNegations) {
    for (const std::string& s : kStatements) {
        EXPECT_EQ(objectify::negationCue(s).value_or(""), lintFinding(s, "L104")) << s;
    }
}

TEST(StatementAgreement, TheLeniencyIsExactlyTheNounPhraseOr) {
    EXPECT_EQ(lintFinding("a gun or a knife is visible", "L103"), "or");
    EXPECT_EQ(objectify::compoundJoiner("a gun or a knife is visible"), std::nullopt);
    EXPECT_EQ(lintFinding("rock and roll music is playing", "L103"), "");
    EXPECT_EQ(objectify::compoundJoiner("rock and roll music is playing"), std::nullopt);
}

} // namespace
} // namespace clue::lint
