// Tests that the simulator recognises the prompts of the runtime's contract, built with the
// runtime's own question template.
#include "tests/sim/chat_request.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/prompt_classifier.h"
#include "tests/sim/testing/chat_prompts.h"

#include <gtest/gtest.h>

using namespace clue::sim;
using namespace clue::sim::testing;

namespace {

Prompt classify(const nlohmann::json& body) {
    return classifyPrompt(parseChatRequest(body));
}

const std::string png = syntheticPng(1, 1);

} // namespace

TEST(PromptClassifier, YesNoQuestionWithAndWithoutImage) {
    const Prompt withImage = classify(yesNoRequest(png, "A person is visible via this image"));
    EXPECT_EQ(withImage.kind, RequestKind::YesNo);
    EXPECT_EQ(withImage.statement, "a person is visible via this image");
    const Prompt prior = classify(yesNoRequest("", "A person is visible via this image."));
    EXPECT_EQ(prior.kind, RequestKind::Prior);
    EXPECT_EQ(prior.statement, "a person is visible via this image");
}

TEST(PromptClassifier, StatementsAreNormalized) {
    EXPECT_EQ(classify(yesNoRequest(png, "  Fire   IS visible!")).statement, "fire is visible");
}

TEST(PromptClassifier, ChainOfThoughtSteps) {
    const Prompt reasoning = classify(reasoningRequest(png, "Blood is visible."));
    EXPECT_EQ(reasoning.kind, RequestKind::Reasoning);
    EXPECT_EQ(reasoning.statement, "blood is visible");
    const Prompt summary = classify(summaryRequest(png, "Blood is visible", "I think so."));
    EXPECT_EQ(summary.kind, RequestKind::Summary);
    EXPECT_EQ(summary.statement, "blood is visible");
}

TEST(PromptClassifier, ObjectificationTasksByPhrase) {
    const Prompt rate =
        classify(objectifyRequest("Rate the objectiveness of the rule.", "No gore."));
    EXPECT_EQ(rate.kind, RequestKind::ObjectifyRate);
    EXPECT_EQ(rate.rule, "No gore.");
    EXPECT_EQ(classify(objectifyRequest("Rewrite the rule to raise its objectiveness.", "x")).kind,
              RequestKind::ObjectifyRewrite);
    EXPECT_EQ(
        classify(objectifyRequest("Extract the precondition chain; objectiveness aside.", "x"))
            .kind,
        RequestKind::ObjectifyExtract);
    EXPECT_EQ(classify(objectifyRequest("Say something about", "x")).kind, RequestKind::Other);
}

TEST(PromptClassifier, AnythingElseIsOther) {
    const nlohmann::json body = {
        {"messages", {{{"role", "user"}, {"content", "Describe this picture."}}}}};
    EXPECT_EQ(classify(body).kind, RequestKind::Other);
    const nlohmann::json system = {
        {"messages", {{{"role", "system"}, {"content", "You are helpful."}}}}};
    EXPECT_EQ(classify(system).kind, RequestKind::Other);
}
