// Inline suppressions: where each one reaches, reasons, unknown and unused codes.
#include "tests/lint/lint_helpers.h"

#include <gtest/gtest.h>

namespace clue::lint {
namespace {

using testing::lintSource;

// Two predicates with compound statements; settings turn off what would add noise.
const char* kSettings = "lint:\n  rules:\n    testing: off\n    style: off\n";

std::unique_ptr<testing::LintRun> lint(const std::string& source) {
    return lintSource(source, testing::configFrom(kSettings));
}

TEST(Suppressions, AnOwnLineDirectiveCoversTheWholeNextDeclaration) {
    auto run = lint("# clue:ignore L103 one question on purpose\n"
                    "# (a second comment line between is fine)\n"
                    "predicate a :\n"
                    "    \"a gun or a knife is visible\"\n"
                    "    object \"weapon\"\n"
                    "predicate b : \"a cat or a dog is visible\"\n"
                    "rule r \"R.\" when a and b\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L103@6"})) << run->rendered();
    ASSERT_EQ(run->result.suppressedCount(), 1u);
    const Finding& f = run->result.findings.front();
    EXPECT_TRUE(f.suppressed());
    EXPECT_EQ(f.suppression->reason, "one question on purpose");
}

TEST(Suppressions, ATrailingDirectiveCoversItsLineOnly) {
    auto run =
        lint("predicate a : \"a cat or a dog is visible\" # clue:ignore compound-predicate ok\n"
             "predicate b : \"a cow or a pig is visible\"\n"
             "rule r \"R.\" when a and b\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L103@2"})) << run->rendered();
}

TEST(Suppressions, AFileDirectiveCoversEverything) {
    auto run = lint("predicate a : \"a cat or a dog is visible\"\n"
                    "# clue:ignore-file L103 the whole file asks pairs\n"
                    "predicate b : \"a cow or a pig is visible\"\n"
                    "rule r \"R.\" when a and b\n");
    EXPECT_TRUE(run->codes().empty()) << run->rendered();
    EXPECT_EQ(run->result.suppressedCount(), 2u);
}

TEST(Suppressions, OnlyTheNamedCodesAreSilenced) {
    auto run = lint("# clue:ignore L101,L999 why not\n"
                    "predicate a : \"a cat or a dog is visible\"\n"
                    "rule r \"R.\" when a\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L003@1", "L002@1", "L103@2"}))
        << run->rendered();
    EXPECT_NE(run->of("L002")[0]->diagnostic.message.find("'L999'"), std::string::npos);
    EXPECT_NE(run->of("L003")[0]->diagnostic.message.find("'L101'"), std::string::npos);
}

TEST(Suppressions, MissingReasonIsReportedButStillSuppresses) {
    auto run = lint("predicate a : \"a cat or a dog is visible\" # clue:ignore L103\n"
                    "rule r \"R.\" when a\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L001@1"})) << run->rendered();
    EXPECT_EQ(run->result.suppressedCount(), 1u);
}

TEST(Suppressions, ADirectiveWithoutCodesNamesNoRule) {
    auto run = lint("# clue:ignore\npredicate a : \"a cat or a dog is visible\"\n"
                    "rule r \"R.\" when a\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L002@1", "L103@2"})) << run->rendered();
}

TEST(Suppressions, UnknownCodesGetASuggestion) {
    auto run = lint("# clue:ignore compund-predicate typo\n"
                    "predicate a : \"a cat or a dog is visible\"\nrule r \"R.\" when a\n");
    ASSERT_EQ(run->of("L002").size(), 1u) << run->rendered();
    EXPECT_EQ(run->of("L002")[0]->diagnostic.help, "did you mean 'compound-predicate'?");
    // The code's own span, inside the comment.
    const SourceSpan& span = *run->of("L002")[0]->diagnostic.span;
    EXPECT_EQ(span.begin, 14u);
    EXPECT_EQ(span.end, 14u + std::string("compund-predicate").size());
}

TEST(Suppressions, OtherCommentsAreNotDirectives) {
    auto run = lint("# clue:ignored is not a directive\n# see clue:ignore L103 in the docs\n"
                    "predicate a : \"a cat or a dog is visible\"\nrule r \"R.\" when a\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L103@3"})) << run->rendered();
}

TEST(Suppressions, ARuleThatIsOffDoesNotMakeItsSuppressionUnused) {
    auto run = lintSource("predicate a : \"a person is visible\" # clue:ignore L103 reason\n"
                          "rule r \"R.\" when a\n",
                          testing::configFrom(std::string(kSettings) + "    L103: off\n"));
    EXPECT_TRUE(run->codes().empty()) << run->rendered();
}

TEST(Suppressions, FindingsAboutSuppressionsCannotBeSuppressed) {
    auto run = lint("# clue:ignore L003 silence the unused-suppression finding\n"
                    "predicate a : \"a person is visible\" # clue:ignore L103 reason\n"
                    "rule r \"R.\" when a\n");
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L003@1", "L003@2"})) << run->rendered();
}

} // namespace
} // namespace clue::lint
