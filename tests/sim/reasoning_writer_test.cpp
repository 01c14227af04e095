// Tests of the chain-of-thought answers: the configured error rate, summary formats, agreement of
// the two steps.
#include "common/sha256.h"
#include "tests/sim/reasoning_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace clue::sim;

namespace {

constexpr int imageCount = 2000;

std::string imageSha(int i) {
    return clue::sha256Hex("cot-" + std::to_string(i));
}

World cotWorld(double errorRate, double fenced, double prose) {
    World w;
    w.seed = 21;
    w.reasoning = {errorRate, fenced, prose};
    for (int i = 0; i < imageCount; ++i) {
        ImageFacts f;
        f.sha256 = imageSha(i);
        if (i % 3 == 0) {
            f.trueStatements.insert("s");
        }
        w.images[f.sha256] = f;
    }
    return w;
}

} // namespace

TEST(ReasoningWriter, ConclusionsAreWrongAtTheConfiguredRate) {
    const World w = cotWorld(0.1, 0, 0);
    const ScoreModel scores(w);
    const ReasoningWriter writer(w, scores);
    int wrong = 0;
    for (int i = 0; i < imageCount; ++i) {
        wrong += writer.conclusion(imageSha(i), "s") != scores.facts(imageSha(i), "s").truth;
    }
    EXPECT_NEAR(wrong / double(imageCount), 0.1, 0.02);
}

TEST(ReasoningWriter, StatementRateOverridesTheWorldRate) {
    World w = cotWorld(0.1, 0, 0);
    StatementBehaviour b;
    b.statement = "s";
    b.reasoningErrorRate = 0.0;
    w.statements["s"] = b;
    const ScoreModel scores(w);
    const ReasoningWriter writer(w, scores);
    for (int i = 0; i < 200; ++i) {
        EXPECT_EQ(writer.conclusion(imageSha(i), "s"), scores.facts(imageSha(i), "s").truth);
    }
}

TEST(ReasoningWriter, SummaryAgreesWithTheReasoning) {
    const World w = cotWorld(0.2, 0, 0);
    const ScoreModel scores(w);
    const ReasoningWriter writer(w, scores);
    for (int i = 0; i < 100; ++i) {
        const bool visible = writer.conclusion(imageSha(i), "s");
        const std::string reasoning = writer.reasoning(imageSha(i), "s");
        EXPECT_EQ(reasoning.find("is not visible") == std::string::npos, visible) << reasoning;
        const auto summary = nlohmann::json::parse(writer.summary(imageSha(i), "s"));
        EXPECT_EQ(summary["rating"], visible ? "Yes" : "No");
    }
}

TEST(ReasoningWriter, SummariesAreFencedOrInProseAtTheConfiguredShares) {
    const World w = cotWorld(0, 0.3, 0.2);
    const ScoreModel scores(w);
    const ReasoningWriter writer(w, scores);
    int fenced = 0, prose = 0, plain = 0;
    for (int i = 0; i < imageCount; ++i) {
        const std::string s = writer.summary(imageSha(i), "s");
        if (s.rfind("```json\n", 0) == 0) {
            ++fenced;
            EXPECT_TRUE(nlohmann::json::accept(s.substr(8, s.size() - 12))) << s;
        } else if (s.front() != '{') {
            ++prose;
            const std::size_t open = s.find('{'), close = s.rfind('}');
            EXPECT_TRUE(nlohmann::json::accept(s.substr(open, close - open + 1))) << s;
        } else {
            ++plain;
            EXPECT_TRUE(nlohmann::json::accept(s)) << s;
        }
    }
    EXPECT_NEAR(fenced / double(imageCount), 0.3, 0.03);
    EXPECT_NEAR(prose / double(imageCount), 0.2, 0.03);
    EXPECT_NEAR(plain / double(imageCount), 0.5, 0.03);
}

TEST(ReasoningWriter, StructuredOutputGetsBareJson) {
    const World w = cotWorld(0, 1.0, 0);
    const ScoreModel scores(w);
    const ReasoningWriter writer(w, scores);
    EXPECT_EQ(writer.summary(imageSha(0), "s").rfind("```json", 0), 0u);
    EXPECT_TRUE(nlohmann::json::accept(writer.summary(imageSha(0), "s", true)));
}
