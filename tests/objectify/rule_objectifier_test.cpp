// The loop on a scripted model: rewriting until the threshold, the round limit, retries of
// unusable answers, failures that stop one rule and not the others.
#include "compiler/objectify/objectify_engine.h"
#include "tests/objectify/scripted_model.h"

#include <gtest/gtest.h>

#include <atomic>

namespace clue::objectify {
namespace {

using testing::ScriptedModel;

const std::string kChain =
    R"({"chain": [{"any": [{"statement": "a person is visible", "object": "person"}]},
                  {"any": [{"statement": "the legs are spread over 90 degrees", "object": "legs"}]}]})";

RuleOutcome runOne(ScriptedModel& model, ObjectifySettings settings = {}) {
    RuleObjectifier objectifier(model, PromptSet::current(), settings, "test-model");
    return objectifier.run({"legs", "Should not show legs spread in a suggestive way."}, {});
}

TEST(RuleObjectifier, RewritesUntilTheRatingPasses) {
    ScriptedModel model;
    model.script("rate",
                 {"Vague.\nRating: [[5]]", "Better.\nRating: [[8]]", "Good.\nRating: [[9]]"});
    model.script("rewrite", {"Should not show legs spread wide.",
                             "Should not show legs spread over 90 degrees."});
    model.script("extract", {kChain});
    RuleOutcome outcome = runOne(model);
    ASSERT_TRUE(outcome.entry) << outcome.message;
    const LockEntry& e = *outcome.entry;
    EXPECT_EQ(e.rating, 5);
    ASSERT_EQ(e.rewrites.size(), 2u);
    EXPECT_EQ(e.rewrites[1].text, "Should not show legs spread over 90 degrees.");
    EXPECT_EQ(e.rewrites[1].rating, 9);
    EXPECT_EQ(e.finalRound, 2);
    EXPECT_EQ(e.model, "test-model");
    EXPECT_EQ(e.promptVersion, "objectify/1");
    EXPECT_EQ(e.when, R"("a person is visible" and "the legs are spread over 90 degrees")");
    EXPECT_EQ(e.objects.size(), 2u);
    EXPECT_EQ(outcome.calls, 6); // 3 ratings, 2 rewrites, 1 extraction
    // The extraction was asked for the final text, with the schema.
    ModelRequest last = model.requests().back();
    EXPECT_NE(last.messages.back().text.find("<rule>Should not show legs spread over 90 degrees."
                                             "</rule>"),
              std::string::npos);
    ASSERT_TRUE(last.schema);
    // The rewrite prompt quoted the rating and explanation it answers.
    EXPECT_NE(model.requests()[1].messages.back().text.find("below 5 out of 10"),
              std::string::npos);
}

TEST(RuleObjectifier, AnObjectiveRuleIsNotRewritten) {
    ScriptedModel model;
    model.script("rate", {"Clear.\nRating: [[10]]"});
    model.script("extract", {kChain});
    RuleOutcome outcome = runOne(model);
    ASSERT_TRUE(outcome.entry);
    EXPECT_TRUE(outcome.entry->rewrites.empty());
    EXPECT_EQ(outcome.entry->finalRound, 0);
    EXPECT_EQ(outcome.calls, 2);
}

TEST(RuleObjectifier, StopsAfterTheRoundsAndExtractsTheBestText) {
    ScriptedModel model;
    model.script("rate", {"a Rating: [[5]]", "b Rating: [[7]]", "c Rating: [[6]]"});
    model.script("rewrite", {"First try.", "Second try."});
    model.script("extract", {kChain});
    ObjectifySettings settings;
    settings.rounds = 2;
    RuleOutcome outcome = runOne(model, settings);
    ASSERT_TRUE(outcome.entry);
    EXPECT_EQ(outcome.entry->rewrites.size(), 2u);
    EXPECT_EQ(outcome.entry->finalRound, 1); // rated 7, better than the 6 after it
    EXPECT_EQ(outcome.entry->finalRating(), 7);
    EXPECT_NE(model.requests().back().messages.back().text.find("<rule>First try.</rule>"),
              std::string::npos);
}

TEST(RuleObjectifier, AsksAgainAfterAnUnusableAnswer) {
    ScriptedModel model;
    model.script("rate", {"Rating: [[11]]", "Fine.\nRating: [[9]]"});
    model.script("extract", {R"({"chain": []})", kChain});
    RuleOutcome outcome = runOne(model);
    ASSERT_TRUE(outcome.entry) << outcome.message;
    EXPECT_EQ(outcome.entry->rating, 9);
    EXPECT_EQ(outcome.calls, 4);
    // The retry keeps the conversation: the bad answer, then why it was refused.
    ModelRequest retry = model.requests()[1];
    ASSERT_EQ(retry.messages.size(), model.requests()[0].messages.size() + 2);
    EXPECT_EQ(retry.messages[retry.messages.size() - 2].role, "assistant");
    EXPECT_EQ(retry.messages[retry.messages.size() - 2].text, "Rating: [[11]]");
    EXPECT_NE(retry.messages.back().text.find("the rating 11 is outside 1 to 10"),
              std::string::npos);
    EXPECT_NE(retry.messages.back().text.find("<rule>Should not show legs"), std::string::npos);
}

TEST(RuleObjectifier, ReportsAFailureWhenEveryAttemptIsUnusable) {
    ScriptedModel model;
    model.script("rate", {"Fine.\nRating: [[9]]"});
    model.script("extract",
                 {R"({"chain": [{"any": [{"statement": "a is visible and b is visible"}]}]})"});
    ObjectifySettings settings;
    settings.attempts = 3;
    RuleOutcome outcome = runOne(model, settings);
    EXPECT_FALSE(outcome.entry);
    EXPECT_EQ(outcome.failure, FailureKind::InvalidAnswers);
    EXPECT_NE(outcome.message.find("3 extraction answers could not be used"), std::string::npos)
        << outcome.message;
    EXPECT_NE(outcome.message.find("joins two facts"), std::string::npos);
    EXPECT_EQ(outcome.calls, 4);
    EXPECT_NE(outcome.lastAnswer.find("a is visible and b is visible"), std::string::npos);
}

TEST(RuleObjectifier, AModelErrorEndsTheRule) {
    ScriptedModel model;
    model.failing("rate", "cannot reach http://127.0.0.1:9/v1/chat/completions");
    RuleOutcome outcome = runOne(model);
    EXPECT_EQ(outcome.failure, FailureKind::Model);
    EXPECT_NE(outcome.message.find("cannot reach"), std::string::npos);
    EXPECT_EQ(outcome.calls, 1);
}

TEST(ObjectifyEngine, OtherRulesGoOnAndOutcomesKeepTheirOrder) {
    ScriptedModel model;
    model.script("rate", {"Fine.\nRating: [[9]]"});
    model.script("extract", {kChain});
    RuleObjectifier objectifier(model, PromptSet::current(), {}, "test-model");
    std::vector<RuleJob> jobs;
    for (int i = 0; i < 12; ++i) {
        jobs.push_back({"rule" + std::to_string(i), "Rule text " + std::to_string(i) + "."});
    }
    jobs[5].text = "Rule text FAILS.";
    model.failingRule("FAILS");
    std::atomic<int> finished{0};
    std::vector<RuleOutcome> outcomes =
        objectifyRules(objectifier, jobs, 4, {}, [&](const RuleOutcome&) { ++finished; });
    ASSERT_EQ(outcomes.size(), jobs.size());
    EXPECT_EQ(finished.load(), 12);
    for (size_t i = 0; i < jobs.size(); ++i) {
        EXPECT_EQ(outcomes[i].ruleId, jobs[i].id);
        if (i == 5) {
            EXPECT_EQ(outcomes[i].failure, FailureKind::Model);
            continue;
        }
        ASSERT_TRUE(outcomes[i].entry) << outcomes[i].message;
        EXPECT_EQ(outcomes[i].entry->text, jobs[i].text);
    }
}

} // namespace
} // namespace clue::objectify
