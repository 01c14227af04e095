// Refactors that change nothing a model is asked or an image is judged by: every rule, every
// category and the verdict must come out equivalent, and no counterexample may be offered.
#include "tests/diff/diff_fixture.h"

#include <gtest/gtest.h>

namespace clue::testing {
namespace {

using diff::Change;
using diff::Relation;

const char* kBase = R"(constitution "c" version "1"
predicate person : "a person is visible"
predicate bloody : "a body has visible, bloody injuries"
predicate dying : "the injuries indicate imminent death"
predicate movie : "the image is a still from a film"
category violence "Violence" {
  rule r1 "No imminent death." severity high
    when person and bloody and dying
    unless movie
  rule r2 "No gore." severity medium
    when not (not person or not bloody)
}
)";

void expectEquivalent(const std::string& refactored) {
    diff::DiffReport report = diffTexts(kBase, refactored);
    for (const diff::RuleDiff& r : report.rules) {
        ASSERT_TRUE(r.comparison) << r.id;
        EXPECT_EQ(r.comparison->relation, Relation::Equivalent) << r.id;
        EXPECT_TRUE(r.comparison->witnesses.empty()) << r.id;
    }
    for (const diff::CategoryDiff& c : report.categories) {
        EXPECT_EQ(c.comparison.relation, Relation::Equivalent) << c.id;
    }
    EXPECT_EQ(report.verdict.relation, Relation::Equivalent);
    EXPECT_FALSE(report.semanticChange());
    for (const diff::PredicateChange& p : report.predicates) {
        EXPECT_FALSE(p.newQuestion()) << p.statement;
    }
}

TEST(DiffRefactorTest, IdenticalTextIsUnchanged) {
    diff::DiffReport report = diffTexts(kBase, kBase);
    for (const diff::RuleDiff& r : report.rules) {
        EXPECT_EQ(r.change, Change::Unchanged) << r.id;
    }
    expectEquivalent(kBase);
}

TEST(DiffRefactorTest, DeMorgan) {
    std::string text = kBase;
    text.replace(text.find("when not (not person or not bloody)"),
                 std::string("when not (not person or not bloody)").size(),
                 "when person and bloody");
    expectEquivalent(text);
    text.replace(text.find("when person and bloody and dying"),
                 std::string("when person and bloody and dying").size(),
                 "when not (not person or not bloody or not dying)");
    expectEquivalent(text);
}

TEST(DiffRefactorTest, ReorderingArgumentsAndRules) {
    expectEquivalent(R"(constitution "c" version "1"
predicate movie : "the image is a still from a film"
predicate dying : "the injuries indicate imminent death"
predicate bloody : "a body has visible, bloody injuries"
predicate person : "a person is visible"
category violence "Violence" {
  rule r2 "No gore." severity medium
    when not (not bloody or not person)
  rule r1 "No imminent death." severity high
    when dying and (bloody and person)
    unless movie
}
)");
}

TEST(DiffRefactorTest, RenamedPredicatesAreTheSameQuestion) {
    std::string text = R"(constitution "c" version "1"
predicate human : "A person is visible."
predicate blood : "a body has visible, bloody injuries"
predicate death : "the injuries indicate imminent death"
predicate film : "the image is a still from a film"
category violence "Violence" {
  rule r1 "No imminent death." severity high
    when human and blood and death
    unless film
  rule r2 "No gore." severity medium
    when not (not human or not blood)
}
)";
    expectEquivalent(text);
    diff::DiffReport report = diffTexts(kBase, text);
    for (const diff::RuleDiff& r : report.rules) {
        EXPECT_EQ(r.change, Change::Unchanged) << r.id << ": a rename is not a change";
    }
    ASSERT_EQ(report.predicates.size(), 4u);
    for (const diff::PredicateChange& p : report.predicates) {
        EXPECT_EQ(p.kind, diff::PredicateChangeKind::Renamed);
    }
}

TEST(DiffRefactorTest, UnlessIsAndNot) {
    std::string text = kBase;
    text.replace(text.find("when person and bloody and dying\n    unless movie"),
                 std::string("when person and bloody and dying\n    unless movie").size(),
                 "when person and bloody and dying and not movie");
    expectEquivalent(text);
}

TEST(DiffRefactorTest, FormattingCommentsAndInlineStatements) {
    expectEquivalent(R"(# a comment
constitution "c" version "1"
predicate person : "a person is visible"   # who
predicate bloody : "a body has visible, bloody injuries"
predicate dying : "the injuries indicate imminent death"
category violence "Violence" {
  rule r1 "No imminent death."
    severity high
    when person   and bloody
         and dying
    unless "The image is a still from a film."
  # between rules
  rule r2 "No gore." severity medium when not (not person or not bloody)
}
)");
}

} // namespace
} // namespace clue::testing
