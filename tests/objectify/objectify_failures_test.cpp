// `clue objectify` end to end, when answers are unusable or the server cannot be reached:
// every answer is checked, asked again a bounded number of times, and a rule that still fails
// is reported while the other rules go on.
#include "tests/objectify/cli_fixture.h"

#include <gmock/gmock.h>

namespace clue::objectify::testing {
namespace {

const char* kPolicy = R"(rule fire "Should not depict fire."
rule weapons "Should not depict weapons."
rule smoke "Should not depict smoke."
rule feet "Should not depict bare feet."
rule long "Should not depict long things."
)";

TEST_F(ObjectifyCli, AsksAgainAfterUnusableAnswersAndReportsRulesThatStillFail) {
    startSim(sourceFile("tests/objectify/worlds/unusable_answers.yaml"));
    write("policy.clue", kPolicy);
    auto run = objectify({"policy.clue"});
    EXPECT_EQ(run.exitCode, 1) << run.err;
    // fire: two ratings of 11 then 9; an empty chain, a compound statement, then a good chain.
    // weapons: two empty rewrites, then one. smoke: three bad chains. feet and long: a
    // negated and an over-long statement, every time.
    EXPECT_EQ(asked("rate"), 3 + 2 + 1 + 1 + 1);
    EXPECT_EQ(asked("rewrite"), 3);
    EXPECT_EQ(asked("extract"), 3 + 1 + 3 + 3 + 3);
    EXPECT_THAT(run.err, HasSubstr("error[E082]: objectifying rule 'smoke' failed: 3 extraction "
                                   "answers could not be used"));
    EXPECT_THAT(run.err, HasSubstr("note: the last answer was: {\"chain\":[]}"));
    EXPECT_THAT(run.err, ContainsRegex("rule 'feet' failed: .*negat"));
    EXPECT_THAT(run.err, ContainsRegex("rule 'long' failed: .*over the limit"));
    EXPECT_THAT(run.out, ContainsRegex("smoke +- +- +- +- +failed: unusable answers"));
    EXPECT_THAT(run.out, ContainsRegex("fire +9 +9 +0 +2 +objectified"));
    EXPECT_THAT(run.out, ContainsRegex("weapons +6 +9 +1 +2 +objectified"));
    EXPECT_THAT(run.err, HasSubstr("objectify: 2 objectified, 0 skipped, 3 failed"));
    // The rules that succeeded are kept; the failed ones have no entry.
    std::string lock = read("policy.clue.lock");
    EXPECT_THAT(lock, HasSubstr("id: \"fire\""));
    EXPECT_THAT(lock, HasSubstr("id: \"weapons\""));
    EXPECT_THAT(lock, Not(HasSubstr("id: \"smoke\"")));
    EXPECT_THAT(lock, Not(HasSubstr("id: \"feet\"")));
}

TEST_F(ObjectifyCli, ARunAfterAFailureAsksOnlyForTheFailedRules) {
    startSim(sourceFile("tests/objectify/worlds/unusable_answers.yaml"));
    write("policy.clue", kPolicy);
    ASSERT_EQ(objectify({"--rule", "smoke", "policy.clue"}).exitCode, 1);
    // The simulator's three invalid extractions are spent: the next answer is the chain.
    auto again = objectify({"--rule", "smoke", "policy.clue"});
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(asked("extract"), 4);
    EXPECT_THAT(read("policy.clue.lock"),
                HasSubstr("when: '\"smoke is visible via this image\" and \"the smoke is "
                          "black\"'"));
}

TEST_F(ObjectifyCli, AServerThatCannotBeReachedFailsTheRunAndWritesNothing) {
    startSim(sourceFile("tests/objectify/worlds/unusable_answers.yaml"));
    std::string gone = endpoint();
    stopSim(); // nothing listens on that port any more
    write("policy.clue", kPolicy);
    write("clue.yaml", "backend:\n  retries:\n    max_attempts: 1\n");
    auto run = clue({"objectify", "--endpoint", gone, "--model", "clue-sim", "policy.clue"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("clue: error: the model server does not answer its model "
                                   "list: cannot reach " +
                                   gone + "/models"));
    EXPECT_FALSE(exists("policy.clue.lock"));

    auto past = clue(
        {"objectify", "--endpoint", gone, "--model", "clue-sim", "--no-preflight", "policy.clue"});
    EXPECT_EQ(past.exitCode, 2);
    EXPECT_THAT(past.err, HasSubstr("error[E083]: objectifying rule 'fire' failed: the rating "
                                    "request failed"));
    EXPECT_FALSE(exists("policy.clue.lock"));
}

TEST_F(ObjectifyCli, AModelTheServerDoesNotServeIsNamedBeforeAnyQuestion) {
    startSim(sourceFile("tests/objectify/worlds/unusable_answers.yaml"));
    write("policy.clue", kPolicy);
    auto run = clue({"objectify", "--endpoint", endpoint(), "--model", "clue-sin", "policy.clue"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("does not serve the model 'clue-sin': did you mean "
                                   "'clue-sim'?"));
    EXPECT_EQ(simStats()["requests"]["total"], 0);
    EXPECT_FALSE(exists("policy.clue.lock"));
}

TEST_F(ObjectifyCli, NeedsAModel) {
    write("policy.clue", kPolicy);
    auto run = clue({"objectify", "policy.clue"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("cannot objectify"));
    EXPECT_FALSE(exists("policy.clue.lock"));
}

} // namespace
} // namespace clue::objectify::testing
