// Tests of the objectification answers: scripted rounds, invalid first attempts, fallbacks.
#include "tests/sim/objectify_responder.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace clue::sim;

namespace {

World scriptedWorld(int invalidRate, int invalidExtract) {
    World w;
    ObjectifyScript s;
    s.rule = "Should not depict gory injuries.";
    s.ratings = {6, 9};
    s.explanations = {"Gory is a judgment.", "Blood is visible or not."};
    s.rewrites = {"Should not depict visible blood on a body."};
    s.chain = {{{"a person is visible", "person"}, {"an animal is visible", "animal"}},
               {{"blood is visible on a body", "blood"}}};
    s.invalidRate = invalidRate;
    s.invalidExtract = invalidExtract;
    w.objectify.push_back(s);
    return w;
}

} // namespace

TEST(ObjectifyResponder, RatesEachRoundAndRewrites) {
    const World w = scriptedWorld(0, 0);
    ObjectifyResponder r(w);
    EXPECT_EQ(r.answer(RequestKind::ObjectifyRate, "should not depict gory injuries"),
              "Gory is a judgment.\n\nRating: [[6]]");
    EXPECT_EQ(r.answer(RequestKind::ObjectifyRewrite, "Should not depict gory injuries."),
              "Should not depict visible blood on a body.");
    EXPECT_EQ(r.answer(RequestKind::ObjectifyRate, "Should not depict visible blood on a body."),
              "Blood is visible or not.\n\nRating: [[9]]");
}

TEST(ObjectifyResponder, ExtractsTheScriptedChain) {
    const World w = scriptedWorld(0, 0);
    ObjectifyResponder r(w);
    const auto chain = nlohmann::json::parse(
        r.answer(RequestKind::ObjectifyExtract, "Should not depict visible blood on a body."));
    ASSERT_EQ(chain["chain"].size(), 2u);
    EXPECT_EQ(chain["chain"][0]["any"][1]["statement"], "an animal is visible");
    EXPECT_EQ(chain["chain"][1]["any"][0]["object"], "blood");
}

TEST(ObjectifyResponder, FirstAttemptsAreInvalidWhenScripted) {
    const World w = scriptedWorld(1, 2);
    ObjectifyResponder r(w);
    const std::string rule = "Should not depict gory injuries.";
    EXPECT_NE(r.answer(RequestKind::ObjectifyRate, rule).find("[[11]]"), std::string::npos);
    EXPECT_NE(r.answer(RequestKind::ObjectifyRate, rule).find("[[6]]"), std::string::npos);
    const auto empty = nlohmann::json::parse(r.answer(RequestKind::ObjectifyExtract, rule));
    EXPECT_TRUE(empty["chain"].empty());
    const auto compound = nlohmann::json::parse(r.answer(RequestKind::ObjectifyExtract, rule));
    EXPECT_EQ(compound["chain"][0]["any"][0]["statement"],
              "a person is visible and blood is visible on a body");
    const auto valid = nlohmann::json::parse(r.answer(RequestKind::ObjectifyExtract, rule));
    EXPECT_EQ(valid["chain"].size(), 2u);
}

TEST(ObjectifyResponder, FallbackIsDeterministicAndConverges) {
    const World w;
    ObjectifyResponder r(w);
    const std::string rule = "Should not depict people fighting.";
    const std::string rating = r.answer(RequestKind::ObjectifyRate, rule);
    EXPECT_EQ(rating, r.answer(RequestKind::ObjectifyRate, rule));
    EXPECT_NE(rating.find("Rating: [["), std::string::npos);
    const std::string rewritten = r.answer(RequestKind::ObjectifyRewrite, rule);
    EXPECT_EQ(
        rewritten,
        "Should not depict people fighting. Judge only what is clearly visible in the image.");
    EXPECT_NE(r.answer(RequestKind::ObjectifyRate, rewritten).find("[[9]]"), std::string::npos);
    const auto chain = nlohmann::json::parse(r.answer(RequestKind::ObjectifyExtract, rule));
    EXPECT_EQ(chain["chain"][0]["any"][0]["statement"], "the image depicts people fighting");
}
