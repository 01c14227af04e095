// `clue test` semantics: three-valued evaluation, undecided outcomes naming the predicates
// they depend on, the rules that fired, and coverage both ways.
#include "common/statement.h"
#include "compiler/testing/test_report.h"
#include "compiler/testing/test_runner.h"
#include "tests/ir/pass_test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace clue {
namespace {

using ::testing::HasSubstr;

plan::Plan samplePlan() {
    return testing::compileModule(
        testing::buildModule({{"gore", "person and blood"}, {"burning", "person and fire"}}), 2);
}

GivenFact fact(const std::string& statement, bool value) {
    return {statementHash(statement), value};
}

TestCase makeTest(std::vector<GivenFact> given, std::vector<TestExpectation> expect) {
    return {"t", "t.clue:1", std::move(given), std::move(expect)};
}

TEST(TestRunner, PassesWhenTheFactsDecideAsExpected) {
    TestReport report =
        runTests(samplePlan(),
                 {makeTest({fact("person", true), fact("blood", true)},
                           {{ast::ExpectKind::Violates, "gore"}, {ast::ExpectKind::Unsafe, ""}})});
    ASSERT_EQ(report.tests.size(), 1u);
    EXPECT_TRUE(report.tests[0].passed);
    EXPECT_EQ(report.tests[0].fired, std::vector<std::string>{"gore"});
    EXPECT_EQ(report.passed, 1u);
}

TEST(TestRunner, ADecidedWrongOutcomeFailsWithTheActualValue) {
    TestReport report = runTests(
        samplePlan(),
        {makeTest({fact("person", true), fact("blood", true)}, {{ast::ExpectKind::Safe, ""}})});
    EXPECT_FALSE(report.tests[0].passed);
    EXPECT_EQ(report.tests[0].expectations[0].actual, "unsafe");
    EXPECT_EQ(report.failed, 1u);
}

TEST(TestRunner, AnOutcomeThatDependsOnAnUnknownFailsNamingIt) {
    plan::Plan plan = samplePlan();
    TestReport report = runTests(plan, {makeTest({fact("person", true), fact("fire", false)},
                                                 {{ast::ExpectKind::NotViolates, "gore"},
                                                  {ast::ExpectKind::NotViolates, "burning"}})});
    const TestOutcome& t = report.tests[0];
    EXPECT_FALSE(t.passed);
    EXPECT_EQ(t.expectations[0].actual, "undecided");
    ASSERT_EQ(t.expectations[0].unknown.size(), 1u);
    EXPECT_EQ(plan.predicates[t.expectations[0].unknown[0]].statement, "blood");
    EXPECT_TRUE(t.expectations[1].passed);
}

TEST(TestRunner, AFalsePredicateDecidesEveryRuleThatNeedsIt) {
    TestReport report =
        runTests(samplePlan(), {makeTest({fact("person", false)}, {{ast::ExpectKind::Safe, ""}})});
    EXPECT_TRUE(report.tests[0].passed);
}

TEST(TestRunner, UnsafeNeedsOnlyOneFiredRule) {
    // burning is undecided (fire unknown), but gore fired: the verdict is unsafe regardless.
    TestReport report = runTests(
        samplePlan(),
        {makeTest({fact("person", true), fact("blood", true)}, {{ast::ExpectKind::Unsafe, ""}})});
    EXPECT_TRUE(report.tests[0].passed);
    TestReport open =
        runTests(samplePlan(), {makeTest({fact("person", true)}, {{ast::ExpectKind::Unsafe, ""}})});
    EXPECT_FALSE(open.tests[0].passed);
    EXPECT_EQ(open.tests[0].expectations[0].unknown.size(), 2u);
}

TEST(TestRunner, CoverageCountsRulesAndPredicatesBothWays) {
    plan::Plan plan = samplePlan();
    TestReport report = runTests(
        plan, {makeTest({fact("person", true), fact("blood", true), fact("fire", false)}, {}),
               makeTest({fact("person", false)}, {})});
    const Coverage& c = report.coverage;
    EXPECT_EQ(c.ruleFired, (std::vector<bool>{true, false}));
    EXPECT_EQ(c.ruleCleared, (std::vector<bool>{true, true}));
    // Predicates in plan order: person, blood, fire.
    EXPECT_EQ(c.predicateTrue, (std::vector<bool>{true, true, false}));
    EXPECT_EQ(c.predicateFalse, (std::vector<bool>{true, false, true}));
}

TEST(TestReport, TextShowsExpectedAgainstActualAndNamesUnknowns) {
    plan::Plan plan = samplePlan();
    TestReport report =
        runTests(plan, {makeTest({fact("person", true)}, {{ast::ExpectKind::Violates, "gore"}})});
    ReportContext context{&plan, {"person", "blood", "fire"}, true};
    std::string text = renderTestText(report, context);
    EXPECT_THAT(text, HasSubstr("FAIL  t (t.clue:1)  [fired: none]\n"));
    EXPECT_THAT(text, HasSubstr("BAD expected violates gore, got undecided: depends on unknown "
                                "predicate blood\n"));
    EXPECT_THAT(text, HasSubstr("1 test: 0 passed, 1 failed\n"));
    EXPECT_THAT(text, HasSubstr("rules never fired: gore, burning\n"));
    nlohmann::ordered_json json = testReportJson(report, context);
    EXPECT_EQ(json["failed"], 1);
    EXPECT_EQ(json["tests"][0]["expectations"][0]["unknown"][0], "blood");
    EXPECT_EQ(json["coverage"]["predicates"][0]["true"], true);
}

} // namespace
} // namespace clue
