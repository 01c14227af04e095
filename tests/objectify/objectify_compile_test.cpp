// `clue compile` takes the chain of each rule without `when` from its lockfile, needs no
// network for it, and fails naming the rule and the command when an entry is missing or stale.
#include "tests/objectify/cli_fixture.h"

#include <gmock/gmock.h>

namespace clue::objectify::testing {
namespace {

const char* kPolicy = R"(predicate someone : "A person is visible via this image."
rule gore "Should not depict gory injuries."
rule fire "Should not depict fire."
rule knife "Should not depict knives." when "a knife is visible"
)";

// The plan's predicates by statement: the object, or "" for none.
std::map<std::string, std::string> predicates(const nlohmann::json& plan) {
    std::map<std::string, std::string> out;
    for (const auto& p : plan["predicates"]) {
        out[p["statement"].get<std::string>()] = p["object"].is_null() ? "" : p["object"];
    }
    return out;
}

TEST_F(ObjectifyCli, CompileTakesTheChainsFromTheLockfileWithoutTheNetwork) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    stopSim(); // from here on, no server answers
    auto run = clue({"compile", "policy.clue", "-o", "policy.plan.json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    nlohmann::json plan = nlohmann::json::parse(read("policy.plan.json"));
    ASSERT_EQ(plan["rules"].size(), 3u);
    // The chains taken from the lockfile say which model and prompts made them.
    for (const auto& rule : plan["rules"]) {
        if (rule["id"] == "knife") {
            EXPECT_FALSE(rule.contains("objectified")) << rule; // its own `when`
        } else {
            EXPECT_EQ(rule["objectified"],
                      nlohmann::json({{"model", "clue-sim"}, {"prompt_version", "objectify/1"}}))
                << rule;
        }
    }
    // The declared predicate is shared with the extracted chains (one predicate, the author's
    // statement); extracted statements keep their central objects.
    std::map<std::string, std::string> expected{
        {"A person is visible via this image.", ""},
        {"an animal is visible via this image", "animal"},
        {"blood covers more than 10 percent of a body", "blood"},
        {"the person's clothes are on fire", "fire"},
        {"a knife is visible", ""}};
    EXPECT_EQ(predicates(plan), expected);
}

TEST_F(ObjectifyCli, CompileNamesTheRuleAndTheCommandWhenAnEntryIsMissing) {
    write("policy.clue", kPolicy);
    auto run = clue({"compile", "policy.clue", "-o", "policy.plan.json"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.err, HasSubstr("error[E070]: rule 'gore' needs objectification: run `clue "
                                   "objectify policy.clue`"));
    EXPECT_THAT(run.err, HasSubstr("error[E070]: rule 'fire' needs objectification"));
    EXPECT_FALSE(exists("policy.plan.json"));
}

TEST_F(ObjectifyCli, CompileRefusesAStaleEntry) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    std::string changed = kPolicy;
    changed.replace(changed.find("Should not depict fire."), 23,
                    "Should not depict burning clothes.");
    write("policy.clue", changed);
    auto run = clue({"compile", "policy.clue", "-o", "policy.plan.json"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.err, HasSubstr("error[E081]: rule 'fire' has no `when`, and its lock entry "
                                   "was made for another text: run `clue objectify "
                                   "policy.clue`"));
    EXPECT_THAT(run.err, HasSubstr("the entry was made for \"Should not depict fire.\""));
    EXPECT_THAT(run.err, Not(HasSubstr("E070")));
    EXPECT_FALSE(exists("policy.plan.json"));
    // Objectifying again makes it fresh.
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    EXPECT_EQ(clue({"compile", "policy.clue", "-o", "policy.plan.json"}).exitCode, 0);
}

// Compile and objectify share one freshness rule: an entry made with other prompts is stale for
// both, and objectify asks again exactly the rules that compile refused.
TEST_F(ObjectifyCli, CompileRefusesAnEntryMadeWithOtherPrompts) {
    startSim(sourceFile(kHarmWorld));
    write("policy.clue", kPolicy);
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    std::string lock = read("policy.clue.lock");
    size_t fire = lock.find("id: \"fire\"");
    ASSERT_NE(fire, std::string::npos) << lock;
    size_t version = lock.find("prompt_version: \"objectify/1\"", fire);
    ASSERT_NE(version, std::string::npos) << lock;
    lock.replace(version, 29, "prompt_version: \"objectify/0\"");
    write("policy.clue.lock", lock);
    auto run = clue({"compile", "policy.clue", "-o", "policy.plan.json"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.err, HasSubstr("error[E081]: rule 'fire' has no `when`, and its lock entry "
                                   "was made with the prompts objectify/0, not objectify/1"));
    EXPECT_THAT(run.err, Not(HasSubstr("rule 'gore'")));
    EXPECT_FALSE(exists("policy.plan.json"));
    int extractsBefore = asked("extract");
    ASSERT_EQ(objectify({"policy.clue"}).exitCode, 0);
    EXPECT_EQ(asked("extract"), extractsBefore + 1); // `fire` alone
    EXPECT_EQ(clue({"compile", "policy.clue", "-o", "policy.plan.json"}).exitCode, 0);
}

TEST_F(ObjectifyCli, CompileRefusesAMalformedLockfile) {
    write("policy.clue", kPolicy);
    write("policy.clue.lock", "lockfile: clue.lock/v1\nrules: 3\n");
    auto run = clue({"compile", "policy.clue", "-o", "policy.plan.json"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.err, HasSubstr("policy.clue.lock:2:8: error[E080]: 'rules' must be a list"));
    EXPECT_THAT(run.err, Not(HasSubstr("E070")));
    EXPECT_FALSE(exists("policy.plan.json"));
}

} // namespace
} // namespace clue::objectify::testing
