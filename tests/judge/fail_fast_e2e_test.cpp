// Preflight and fail-fast end to end: `clue judge` and `clue calibrate` against a dead endpoint
// and against clue-sim asked for a model it does not serve. Each run ends fast with one message
// and no `safe` verdict; the requests each cost are counted on the simulator.
#include "tests/judge/judge_e2e_fixture.h"
#include "tests/runtime/test_http_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace clue::runtime {
namespace {

constexpr int kJudged = 50; // the figure: 988 calls to fail 50 images

class FailFastTest : public JudgeE2eTest {
protected:
    // `clue judge` of the corpus's first kJudged images on `endpoint` as `model`, with `extra`.
    test::ProcessResult judgeOn(const std::string& endpoint, const std::string& model,
                                const std::vector<std::string>& extra) {
        std::vector<std::string> args = {"judge",   corpus_->plan, "--endpoint", endpoint,
                                         "--model", model,         "--no-cache"};
        for (int i = 1; i <= kJudged; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "%05d.png", i);
            args.push_back((corpus_->dir / "corpus" / "images" / name).string());
        }
        args.insert(args.end(), extra.begin(), extra.end());
        const auto start = std::chrono::steady_clock::now();
        auto r = clue(args, dir_.path());
        seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return r;
    }

    static std::string deadEndpoint() {
        return "http://127.0.0.1:" + std::to_string(test::closedPort()) + "/v1";
    }

    static int count(const std::string& text, const std::string& part) {
        int n = 0;
        for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
            ++n;
        }
        return n;
    }

    // Every line is an `error` verdict, none `safe`, whatever --on-error said.
    static void expectAllErrors(const std::string& out) {
        auto lines = jsonLines(out);
        EXPECT_EQ(lines.size(), static_cast<size_t>(kJudged));
        for (const json& line : lines) {
            EXPECT_EQ(line["verdict"], "error") << line.dump();
        }
    }

    double seconds_ = 0;
};

TEST_F(FailFastTest, ADeadEndpointEndsAtThePreflightWithOneMessage) {
    auto r = judgeOn(deadEndpoint(), "clue-sim", {});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << "nothing judged, so nothing `safe`";
    EXPECT_EQ(count(r.err, "clue: error:"), 1) << r.err;
    EXPECT_NE(r.err.find("does not answer its model list"), std::string::npos) << r.err;
    std::printf("dead endpoint, preflight: exit %d in %.2f s\n", r.exitCode, seconds_);
}

TEST_F(FailFastTest, AWrongModelEndsAtThePreflightWithADidYouMean) {
    serve();
    auto r = judgeOn(sim_->url("/v1"), "clue-sin", {});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(count(r.err, "clue: error:"), 1) << r.err;
    EXPECT_NE(r.err.find("does not serve the model 'clue-sin': did you mean 'clue-sim'?"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(stats()["requests"]["total"], 0) << "not one question was asked";
}

// Past the preflight, the circuit breaker: every question is refused with a 404 that no retry
// mends; after 10 the run stops asking, and all images end `error`, even with --on-error safe.
TEST_F(FailFastTest, AWrongModelPastThePreflightStopsAfterTheBreakersThreshold) {
    serve();
    auto r = judgeOn(sim_->url("/v1"), "clue-sin", {"--no-preflight", "--on-error", "safe"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    expectAllErrors(r.out);
    EXPECT_EQ(count(r.err, "clue: error:"), 1) << r.err;
    EXPECT_NE(r.err.find("stopped after 10 consecutive model calls"), std::string::npos) << r.err;
    const int requests = stats()["requests"]["total"].get<int>();
    // The 10 that opened it and at most the others already in flight (--concurrency 16).
    EXPECT_GE(requests, 10);
    EXPECT_LT(requests, 10 + concurrency_);
    std::printf("wrong model, no preflight: %d requests for %d images in %.2f s\n", requests,
                kJudged, seconds_);
}

TEST_F(FailFastTest, AThresholdOfZeroAsksEveryQuestion) {
    serve();
    auto r = judgeOn(sim_->url("/v1"), "clue-sin",
                     {"--no-preflight", "--max-consecutive-failures", "0"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    expectAllErrors(r.out);
    EXPECT_EQ(r.err.find("stopped after"), std::string::npos) << r.err;
    std::printf("wrong model, breaker off: %d requests for %d images\n",
                stats()["requests"]["total"].get<int>(), kJudged);
}

TEST_F(FailFastTest, ADeadEndpointPastThePreflightStopsWithOneMessage) {
    auto r = judgeOn(deadEndpoint(), "clue-sim",
                     {"--no-preflight", "--on-error", "safe", "--max-consecutive-failures", "5"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    expectAllErrors(r.out);
    EXPECT_EQ(count(r.err, "clue: error:"), 1) << r.err;
    EXPECT_NE(r.err.find("stopped after 5 consecutive model calls"), std::string::npos) << r.err;
}

// The backend dies in the middle of a run: what was judged before stands, and every image the
// breaker stopped is `error`, never `safe`.
TEST_F(FailFastTest, ABackendThatDiesMidRunStopsTheRest) {
    world_.setLatency(20, 4);
    serve();
    std::thread killer([&] {
        test::TestHttpServer::waitFor([&] { return stats()["requests"]["total"] >= 40; },
                                      std::chrono::seconds(60));
        sim_->stop(SIGTERM);
    });
    auto r = judgeOn(sim_->url("/v1"), "clue-sim", {"--on-error", "safe"});
    killer.join();
    EXPECT_EQ(r.exitCode, 1) << r.err;
    auto lines = jsonLines(r.out);
    ASSERT_EQ(lines.size(), static_cast<size_t>(kJudged));
    int stopped = 0;
    for (const json& line : lines) {
        bool wasStopped = false;
        for (const json& p : line["predicates"]) {
            wasStopped = wasStopped || (!p["error"].is_null() && p["error"]["kind"] == "stopped");
        }
        if (wasStopped) {
            ++stopped;
            EXPECT_EQ(line["verdict"], "error") << line.dump();
        }
    }
    EXPECT_GT(stopped, 0) << r.err;
    EXPECT_EQ(count(r.err, "stopped after 10 consecutive"), 1) << r.err;
}

TEST_F(FailFastTest, CalibrateChecksTheModelFirstAndSaysARefusalOnce) {
    serve();
    auto r = clue({"calibrate", corpus_->plan, "--endpoint", sim_->url("/v1"), "--model",
                   "clue-sin", "--no-cache", "-o", "calibrated.json"},
                  dir_.path());
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(count(r.err, "clue: error:"), 1) << r.err;
    EXPECT_NE(r.err.find("did you mean 'clue-sim'?"), std::string::npos) << r.err;
    EXPECT_EQ(stats()["requests"]["total"], 0);

    auto past = clue({"calibrate", corpus_->plan, "--endpoint", sim_->url("/v1"), "--model",
                      "clue-sin", "--no-cache", "--no-preflight", "-o", "calibrated.json"},
                     dir_.path());
    EXPECT_EQ(past.exitCode, 1) << past.err;
    EXPECT_EQ(count(past.err, "cannot measure the prior"), 1)
        << "one line for the same refusal: " << past.err;
    EXPECT_EQ(count(past.err, "stopped after 10 consecutive"), 1) << past.err;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "calibrated.json"));
}

} // namespace
} // namespace clue::runtime
