// Tests that the same seed gives the same answers whatever the order and the concurrency of the
// requests, and that another seed gives others.
#include "common/sha256.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/testing/chat_prompts.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/local_sim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace clue::sim;
using namespace clue::sim::testing;
using json = nlohmann::ordered_json;

namespace {

const std::vector<std::string> statements = {"a person is visible", "fire is visible",
                                             "blood is visible"};

std::string world(int seed, int images) {
    std::string yaml = "seed: " + std::to_string(seed) +
                       "\nlatency: {slots: 3}\nreasoning: {error_rate: 0.3, fenced_share: 0.3}\n"
                       "statements:\n  - {statement: fire is visible, prior: 0.6, hard: 0.3}\n"
                       "images:\n";
    for (int i = 0; i < images; ++i) {
        yaml += "  - sha256: " + clue::sha256Hex(syntheticPng(1, i)) + "\n";
        yaml += i % 2 ? "    true: [a person is visible, fire is visible]\n" : "";
    }
    return yaml;
}

// (image, statement, kind) requests: yes/no and the two chain-of-thought steps.
std::vector<std::string> requests(int images) {
    std::vector<std::string> out;
    for (int i = 0; i < images; ++i) {
        const std::string png = syntheticPng(1, i);
        for (const std::string& s : statements) {
            out.push_back(yesNoRequest(png, s).dump());
            out.push_back(reasoningRequest(png, s).dump());
            out.push_back(summaryRequest(png, s, "...").dump());
        }
    }
    return out;
}

// What must not vary: the message and the logprobs.
json answerOf(const std::string& body) {
    const json r = json::parse(body);
    return {r["choices"][0]["message"]["content"], r["choices"][0]["logprobs"]};
}

} // namespace

TEST(Determinism, SameSeedSameAnswersWhateverTheOrderAndConcurrency) {
    const int images = 12;
    const std::vector<std::string> bodies = requests(images);
    LocalSim sequential(world(11, images));
    std::vector<json> expected;
    for (const std::string& body : bodies) {
        expected.push_back(answerOf(httpPost(sequential.url("/v1/chat/completions"), body).body));
    }

    std::vector<std::size_t> order(bodies.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(5));
    std::vector<std::string> shuffled;
    for (std::size_t i : order) {
        shuffled.push_back(bodies[i]);
    }
    LocalSim concurrent(world(11, images));
    const std::vector<HttpResponse> answers =
        httpPostAll(concurrent.url("/v1/chat/completions"), shuffled);
    for (std::size_t k = 0; k < order.size(); ++k) {
        ASSERT_EQ(answers[k].status, 200);
        EXPECT_EQ(answerOf(answers[k].body), expected[order[k]]) << shuffled[k].substr(0, 300);
    }
}

TEST(Determinism, AnotherSeedGivesOtherScores) {
    LocalSim a(world(11, 2));
    LocalSim b(world(12, 2));
    const std::string body = yesNoRequest(syntheticPng(1, 1), "fire is visible").dump();
    EXPECT_NE(answerOf(httpPost(a.url("/v1/chat/completions"), body).body),
              answerOf(httpPost(b.url("/v1/chat/completions"), body).body));
}
