// Tests of fault injection over HTTP: error statuses and bodies, stalls, truncated bodies,
// missing logprobs, the statement and kind filters, and reproducible share-based sequences.
#include "tests/sim/png_writer.h"
#include "tests/sim/testing/chat_prompts.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/local_sim.h"
#include "tests/sim/testing/schema_validator.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace clue::sim;
using namespace clue::sim::testing;
using json = nlohmann::ordered_json;

namespace {

const std::string png = syntheticPng(9, 1);

HttpResponse ask(const LocalSim& sim, const std::string& statement, long timeoutMs = 10000) {
    return httpPost(sim.url("/v1/chat/completions"), yesNoRequest(png, statement).dump(),
                    timeoutMs);
}

std::vector<long> statuses(const LocalSim& sim, int count) {
    std::vector<long> out;
    for (int i = 0; i < count; ++i) {
        out.push_back(ask(sim, "a person is visible").status);
    }
    return out;
}

} // namespace

TEST(Faults, FirstRequestsFailWith500ThenSucceed) {
    LocalSim sim("faults:\n  - {kind: http_500, first: 2}\n");
    const HttpResponse first = ask(sim, "s");
    EXPECT_EQ(first.status, 500);
    const json body = json::parse(first.body);
    EXPECT_EQ(body["error"]["type"], "server_error");
    EXPECT_EQ(ask(sim, "s").status, 500);
    EXPECT_EQ(ask(sim, "s").status, 200);
    EXPECT_EQ(sim.stats()["faults"]["http_500"], 2);
}

TEST(Faults, StatementAndKindFiltersSelectRequests) {
    LocalSim sim("faults:\n  - {kind: http_500, statement: 'Fire is visible.'}\n"
                 "  - {kind: http_429, request_kind: prior}\n");
    EXPECT_EQ(ask(sim, "fire is visible").status, 500);
    EXPECT_EQ(ask(sim, "a person is visible").status, 200);
    EXPECT_EQ(httpPost(sim.url("/v1/chat/completions"), yesNoRequest("", "x").dump()).status, 429);
}

TEST(Faults, ShareBasedFaultsReproduceForTheSameSequence) {
    const std::string world = "seed: 3\nfaults:\n  - {kind: http_500, share: 0.3}\n";
    LocalSim a(world);
    LocalSim b(world);
    const std::vector<long> first = statuses(a, 60);
    EXPECT_EQ(first, statuses(b, 60));
    const long failures = std::count(first.begin(), first.end(), 500L);
    EXPECT_GT(failures, 6);
    EXPECT_LT(failures, 30);
    LocalSim other("seed: 4\nfaults:\n  - {kind: http_500, share: 0.3}\n");
    EXPECT_NE(first, statuses(other, 60));
}

TEST(Faults, StallHoldsTheAnswerPastTheClientsTimeout) {
    LocalSim sim("faults:\n  - {kind: stall, first: 1, stall_ms: 3000}\n");
    const HttpResponse stalled = ask(sim, "s", 300);
    EXPECT_EQ(stalled.curlCode, CURLE_OPERATION_TIMEDOUT);
    EXPECT_EQ(ask(sim, "s").status, 200);
    EXPECT_EQ(sim.stats()["faults"]["stall"], 1);
}

TEST(Faults, StopEndsAStallPromptly) {
    auto sim = std::make_unique<LocalSim>("faults:\n  - {kind: stall, stall_ms: 60000}\n");
    HttpResponse stalled;
    std::thread client([&] { stalled = ask(*sim, "s", 30000); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto before = std::chrono::steady_clock::now();
    sim.reset();
    client.join();
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(10));
    EXPECT_NE(stalled.status, 200);
}

TEST(Faults, TruncatedBodyIsCutAndTheConnectionDropped) {
    LocalSim sim("faults:\n  - {kind: truncate, first: 1}\n");
    const HttpResponse cut = ask(sim, "s");
    EXPECT_EQ(cut.curlCode, CURLE_PARTIAL_FILE);
    EXPECT_FALSE(json::accept(cut.body));
    EXPECT_TRUE(json::accept(ask(sim, "s").body));
}

TEST(Faults, MissingLogprobsAreNullInAValidAnswer) {
    LocalSim sim("faults:\n  - {kind: no_logprobs, first: 1}\n");
    const json r = json::parse(ask(sim, "s").body);
    EXPECT_TRUE(r["choices"][0]["logprobs"].is_null());
    EXPECT_FALSE(json::parse(ask(sim, "s").body)["choices"][0]["logprobs"].is_null());
    const auto schema = openAiSchema();
    if (!schema) {
        GTEST_SKIP() << "skipped: the OpenAI schema directory is absent (set CLUE_SCHEMA_DIR); "
                        "the answer's schema was not checked";
    }
    const Validation v = validateDocuments(*schema, "CreateChatCompletionResponse", {r});
    EXPECT_TRUE(v.valid) << v.output;
}
