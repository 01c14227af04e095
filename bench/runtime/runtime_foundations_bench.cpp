// CPU cost of the runtime's per-call work: building a yes/no body, parsing and scoring an answer,
// parsing a reasoning rating, and score-cache lookups and stores.
#include "common/sha256.h"
#include "common/statement.h"
#include "runtime/backend/chat_completion_parser.h"
#include "runtime/backend/rating_parser.h"
#include "runtime/backend/request_builder.h"
#include "runtime/backend/yes_no_score.h"
#include "runtime/cache/score_cache.h"
#include "runtime/prompt/yes_no_prompt.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

using namespace clue::runtime;

namespace {

// A vLLM-shaped answer with `alternatives` top logprobs, the way a real server lists them.
std::string vllmAnswer(int alternatives) {
    nlohmann::json top = nlohmann::json::array();
    const char* tokens[] = {"Yes", "No", " Yes", " No", "yes", "no", "YES", "NO"};
    for (int i = 0; i < alternatives; ++i) {
        const std::string token = i < 8 ? tokens[i] : "tok" + std::to_string(i);
        top.push_back(
            {{"token", token}, {"logprob", -0.5 - i}, {"bytes", nlohmann::json::array()}});
    }
    nlohmann::json first = top[0];
    first["top_logprobs"] = top;
    return nlohmann::json{{"id", "chatcmpl-1"},
                          {"object", "chat.completion"},
                          {"choices",
                           {{{"index", 0},
                             {"message", {{"role", "assistant"}, {"content", "Yes"}}},
                             {"logprobs", {{"content", {first}}}},
                             {"finish_reason", "length"}}}},
                          {"usage", {{"prompt_tokens", 812}, {"completion_tokens", 1}}}}
        .dump();
}

void buildYesNoBodyWithImage(benchmark::State& state) {
    const std::string dataUrl = "data:image/png;base64," + std::string(state.range(0), 'A');
    const std::string question = yesNoQuestion("a person is visible via this image");
    for (auto _ : state) {
        benchmark::DoNotOptimize(buildYesNoBody("internvl2-8b", question, dataUrl, 20));
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(buildYesNoBodyWithImage)->Arg(64 << 10)->Arg(1 << 20);

void parseAndScoreYesNo(benchmark::State& state) {
    const std::string body = vllmAnswer(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto parsed = parseChatCompletion(body);
        benchmark::DoNotOptimize(scoreYesNo(*parsed->firstToken));
    }
}
BENCHMARK(parseAndScoreYesNo)->Arg(5)->Arg(20);

void parseRatingInProse(benchmark::State& state) {
    const std::string text = "The flames cover the car's hood.\n```json\n{\"rating\": \"Yes\", "
                             "\"rationale\": \"Flames are visible on the car.\"}\n```";
    for (auto _ : state) {
        benchmark::DoNotOptimize(parseRating(text));
    }
}
BENCHMARK(parseRatingInProse);

class CacheFixture : public benchmark::Fixture {
public:
    void SetUp(const benchmark::State&) override {
        path_ = std::filesystem::temp_directory_path() /
                ("clue-bench-" + std::to_string(::getpid()) + ".sqlite");
        cache_ = std::make_unique<ScoreCache>(path_);
        for (int i = 0; i < 1000; ++i) {
            cache_->store(key(i), {CachedScore{0.5, false}, {812, 1}, {}});
        }
    }
    void TearDown(const benchmark::State&) override {
        cache_.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path_.string() + suffix);
        }
    }
    static ScoreKey key(int i) {
        return {clue::sha256Hex(std::to_string(i)), clue::statementHash("fire is visible"),
                "internvl2-8b", "clue-judge/1", QueryVariant::Image};
    }

protected:
    std::filesystem::path path_;
    std::unique_ptr<ScoreCache> cache_;
};

BENCHMARK_F(CacheFixture, lookupHit)(benchmark::State& state) {
    const ScoreKey key = CacheFixture::key(500);
    for (auto _ : state) {
        benchmark::DoNotOptimize(cache_->lookup(key));
    }
}

BENCHMARK_F(CacheFixture, store)(benchmark::State& state) {
    int i = 0;
    for (auto _ : state) {
        cache_->store(CacheFixture::key(i++ % 5000), {CachedScore{0.5, false}, {812, 1}, {}});
    }
}

} // namespace

BENCHMARK_MAIN();
