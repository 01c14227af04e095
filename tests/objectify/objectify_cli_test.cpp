// `clue objectify` end to end: the `clue` binary against clue-sim, whose world scripts the
// answers to the rate, rewrite and extract prompts (the simulator is a test component, not a
// model). Each test starts its own simulator on a free port.
#include "tests/objectify/cli_fixture.h"

#include <gmock/gmock.h>

namespace clue::objectify::testing {
namespace {

const char* kPolicy = R"(constitution "t" version "1"

predicate person : "a person is visible via this image"

category harm "Harm" {
    rule gore "Should not depict gory injuries."
    rule fire "Should not depict fire."
    rule weapons "Should not depict weapons."
}
)";

TEST_F(ObjectifyCli, RewritesASubjectiveRuleUntilItPasses) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    auto run = objectify({"--rule", "gore", "policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // Rated 5, rewritten and rated 7, rewritten again and rated 9: then extracted, once.
    EXPECT_EQ(asked("rate"), 3);
    EXPECT_EQ(asked("rewrite"), 2);
    EXPECT_EQ(asked("extract"), 1);
    std::string lock = read("policy.clue.lock");
    EXPECT_THAT(lock, HasSubstr("rating: 5\n"));
    EXPECT_THAT(lock, HasSubstr("text: \"Should not depict a lot of blood on a body.\"\n"
                                "        rating: 7\n"));
    EXPECT_THAT(lock, HasSubstr("rating: 9\n"));
    EXPECT_THAT(lock, HasSubstr("final_round: 2\n"));
    EXPECT_THAT(lock, HasSubstr("prompt_version: \"objectify/1\"\n"));
    EXPECT_THAT(lock, HasSubstr("model: \"clue-sim\"\n"));
    EXPECT_THAT(lock, HasSubstr(R"(when: '("a person is visible via this image" or "an animal )"
                                R"(is visible via this image") and "blood covers more than 10 )"
                                R"(percent of a body"')"));
    // The other rules were not asked about; the table shows before, after, rounds, statements.
    EXPECT_THAT(lock, Not(HasSubstr("id: \"fire\"")));
    EXPECT_THAT(run.out, ContainsRegex("gore +5 +9 +2 +3 +objectified"));
}

TEST_F(ObjectifyCli, StopsRewritingAfterTheLastRoundAndWarns) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    auto run = objectify({"--rule", "gore", "--rounds", "1", "policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(asked("rewrite"), 1);
    EXPECT_THAT(run.err, HasSubstr("warning[W080]: rule 'gore' still rates 7 after 1 rewrite "
                                   "round, under the threshold 9"));
    EXPECT_THAT(read("policy.clue.lock"), HasSubstr("final_round: 1\n"));
}

TEST_F(ObjectifyCli, TakesTheThresholdFromClueYaml) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    write("clue.yaml", "objectify:\n  threshold: 7\n");
    auto run = objectify({"--rule", "gore", "policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(asked("rewrite"), 1); // 7 passes a threshold of 7
    auto flag = objectify({"--rule", "gore", "--force", "--threshold", "10", "policy.clue"});
    EXPECT_EQ(asked("rewrite"), 1 + 3); // the flag wins; 9 never reaches 10 in three rounds
    EXPECT_THAT(flag.err, HasSubstr("warning[W080]"));
}

// clue.yaml is found from the working directory up, as every verb finds it, not from the
// source's folder; --config names another file.
TEST_F(ObjectifyCli, ReadsClueYamlFromTheWorkingDirectoryOrConfig) {
    startSim(sourceFile(kHarmWorld));
    write("sub/policy.clue", kPolicy);
    write("sub/clue.yaml", "objectify:\n  threshold: 7\n");
    auto run = objectify({"--rule", "gore", "sub/policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(asked("rewrite"), 2); // the default threshold 9: sub/clue.yaml is not read
    auto flag =
        objectify({"--rule", "gore", "--force", "--config", "sub/clue.yaml", "sub/policy.clue"});
    ASSERT_EQ(flag.exitCode, 0) << flag.err;
    EXPECT_EQ(asked("rewrite"), 2 + 1); // 7 passes a threshold of 7
}

// A settings problem is a diagnostic with its code and the line of clue.yaml, and an error stops
// the run before any question is asked.
TEST_F(ObjectifyCli, ReportsSettingsProblemsAsDiagnostics) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    write("clue.yaml", "objectify:\n  threshhold: 7\n  rounds: many\n");
    auto run = objectify({"--rule", "gore", "policy.clue"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_THAT(run.err, HasSubstr("clue.yaml:2:3: warning[W090]: unknown key 'threshhold' in "
                                   "objectify; did you mean 'threshold'?"));
    EXPECT_THAT(run.err, HasSubstr("clue.yaml:3:3: error[E092]: objectify.rounds: must be a "
                                   "whole number"));
    EXPECT_THAT(run.err, HasSubstr("3 |   rounds: many"));
    EXPECT_EQ(asked("rate"), 0);
}

TEST_F(ObjectifyCli, SkipsFreshEntriesAndOwnFormulasUnlessForced) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", std::string(kPolicy) + "rule own \"Should not depict smoke.\" when "
                                                "\"smoke is visible\"\n");
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    int rated = asked("rate");
    EXPECT_EQ(rated, 3 + 1 + 1); // gore's three texts, fire, weapons; `own` has its `when`
    std::string lock = read("policy.clue.lock");
    auto again = objectify({"policy.clue"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(asked("rate"), rated);
    EXPECT_THAT(again.out, ContainsRegex("fire +9 +9 +0 +2 +skipped: fresh lock entry"));
    EXPECT_THAT(again.out, HasSubstr("skipped: has its own `when`"));
    EXPECT_THAT(again.err, Not(HasSubstr("wrote")));
    auto forced = objectify({"--force", "--rule", "own", "policy.clue"});
    ASSERT_EQ(forced.exitCode, 0) << forced.err;
    EXPECT_EQ(asked("rate"), rated + 1);
    EXPECT_THAT(read("policy.clue.lock"), HasSubstr("id: \"own\""));
}

} // namespace
} // namespace clue::objectify::testing
