// `clue objectify` end to end: the lockfile is the same bytes for the same results, a changed
// rule text makes its entry stale, and --write puts the chains into the source with every
// comment kept.
#include "tests/objectify/cli_fixture.h"

#include <gmock/gmock.h>

#include <sstream>

namespace clue::objectify::testing {
namespace {

const char* kPolicy = R"(# A policy with comments everywhere.
constitution "t" version "1" # the header

import "std/common.clue" # person, animal

# Declared by the author.
predicate blood : "Blood covers more than 10 percent of a body."

category harm "Harm" {
    # Before gore.
    rule gore
        "Should not depict gory injuries." # after the text
        severity high
    # Between the rules.

    rule fire "Should not depict fire." # on fire's line
    rule smoke "Should not depict smoke." when "smoke is visible" # has its own
}
# At the end.
)";

// Every comment of `before`, in order, is found in `after`, in the same order.
void expectCommentsKept(const std::string& before, const std::string& after) {
    std::istringstream lines(before);
    size_t from = 0;
    for (std::string line; std::getline(lines, line);) {
        size_t hash = line.find('#');
        if (hash == std::string::npos) {
            continue;
        }
        size_t at = after.find(line.substr(hash), from);
        ASSERT_NE(at, std::string::npos) << "lost or moved: " << line.substr(hash);
        from = at;
    }
}

TEST_F(ObjectifyCli, WritesTheSameLockfileBytesForTheSameResults) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    std::string first = read("policy.clue.lock");
    EXPECT_THAT(first, HasSubstr("lockfile: clue.lock/v1\n"));
    // Forced again on a new server, with the rules in another order and the comments gone.
    stopSim();
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", "rule fire \"Should not depict fire.\"\n"
                         "rule gore \"Should not depict gory injuries.\"\n");
    auto forced = objectify({"--force", "policy.clue"});
    ASSERT_EQ(forced.exitCode, 0) << forced.err;
    EXPECT_EQ(asked("rate"), 4);
    EXPECT_THAT(forced.err, Not(HasSubstr("wrote policy.clue.lock")));
    EXPECT_EQ(read("policy.clue.lock"), first);
    // Entries sorted by rule id, whatever the source order.
    EXPECT_LT(first.find("id: \"fire\""), first.find("id: \"gore\""));
}

TEST_F(ObjectifyCli, ObjectifiesARuleAgainWhenItsTextChanged) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    std::string policy = kPolicy;
    policy.replace(policy.find("Should not depict fire."), 23,
                   "Should not depict burning clothes.");
    write("policy.clue", policy);
    auto run = objectify({"policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_THAT(run.out, ContainsRegex("fire +9 +9 +0 +1 +objectified: the rule text changed"));
    EXPECT_THAT(run.out, ContainsRegex("gore +5 +9 +2 +3 +skipped: fresh lock entry"));
    std::string lock = read("policy.clue.lock");
    EXPECT_THAT(lock, HasSubstr("text: \"Should not depict burning clothes.\""));
    EXPECT_THAT(lock, Not(HasSubstr("Should not depict fire.")));
}

TEST_F(ObjectifyCli, WriteInsertsTheChainsAndKeepsEveryComment) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    auto run = objectify({"--write", "policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    std::string written = read("policy.clue");
    expectCommentsKept(kPolicy, written);
    // Statements the program declares become their names; new ones with an object become
    // predicates; a rule with its own `when` keeps it; the rule text stays without
    // --accept-rewrite.
    EXPECT_THAT(written, HasSubstr("when (person or animal) and blood"));
    EXPECT_THAT(written, ContainsRegex("predicate ([a-z_]+) : \"the person's clothes are on "
                                       "fire\"\n +object \"fire\""));
    EXPECT_THAT(written, HasSubstr("when person and persons_clothes_fire"));
    EXPECT_THAT(written, HasSubstr("when \"smoke is visible\""));
    EXPECT_THAT(written, HasSubstr("\"Should not depict gory injuries.\""));
    EXPECT_EQ(clue({"fmt", "--check", "policy.clue"}).exitCode, 0);
    EXPECT_EQ(clue({"check", "policy.clue"}).exitCode, 0);
    // Writing again changes nothing and asks nothing.
    int rated = asked("rate");
    ASSERT_EQ(objectify({"--write", "policy.clue"}).exitCode, 0);
    EXPECT_EQ(read("policy.clue"), written);
    EXPECT_EQ(asked("rate"), rated);
}

TEST_F(ObjectifyCli, AcceptRewriteReplacesTheTextAndKeepsTheEntryFresh) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    auto run = objectify({"--write", "--accept-rewrite", "--rule", "gore", "policy.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    std::string written = read("policy.clue");
    expectCommentsKept(kPolicy, written);
    EXPECT_THAT(written, HasSubstr("\"Should not depict blood covering more than 10 percent of "
                                   "a body.\""));
    EXPECT_THAT(written, Not(HasSubstr("gory injuries")));
    // The entry stays, made for the original text and matching the accepted rewrite.
    std::string lock = read("policy.clue.lock");
    int rated = asked("rate");
    auto again = objectify({"--rule", "gore", "policy.clue"});
    EXPECT_THAT(again.out, HasSubstr("skipped: has its own `when`"));
    EXPECT_EQ(read("policy.clue.lock"), lock);
    EXPECT_EQ(asked("rate"), rated);
}

} // namespace
} // namespace clue::objectify::testing
