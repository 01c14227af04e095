// `clue judge` and `clue calibrate` end to end against clue-sim, on a corpus that
// `clue-sim gen` writes for stdlib-rules/os-bench.clue and its plan (`clue compile -O2`):
// verdicts against the labels, debiasing against the simulated language prior, escalations only
// in the undecided band, the cache, faults, the requests' schema, and calibration.
#include "plan/plan_loader.h"
#include "runtime/judge/decision_rule.h"
#include "tests/judge/judge_e2e_fixture.h"
#include "tests/sim/testing/schema_validator.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace clue::runtime {
namespace {

TEST_F(JudgeE2eTest, VerdictsMatchTheLabels) {
    serve();
    auto results = judge({"--no-cache"});
    int escalatedHardImages = 0;
    for (const json& r : results) {
        const json& l = label(r);
        EXPECT_EQ(r["verdict"], l["label"]) << r["path"];
        EXPECT_EQ(r["violated"], l["violated"]) << r["path"];
        EXPECT_TRUE(r["error"].is_null());
        if (!world_.hardStatements(r["sha256"]).empty()) {
            for (const json& p : r["predicates"]) {
                escalatedHardImages += p["path"] == "reasoning-yes" || p["path"] == "reasoning-no";
            }
        }
    }
    EXPECT_GT(escalatedHardImages, 0) << "the corpus has hard images, and they escalate";
    EXPECT_EQ(stats()["requests"]["invalid"], 0);
}

TEST_F(JudgeE2eTest, EscalationsHappenOnlyInTheUndecidedBand) {
    serve();
    auto results = judge({"--no-cache"});
    const plan::Thresholds paper;
    int escalations = 0;
    int decided = 0;
    for (const json& r : results) {
        for (const json& p : r["predicates"]) {
            const double s = p["scores"]["image"];
            const double p0 = p["scores"]["prior"];
            const bool band = !debiasedDecision(s, p0, paper).has_value();
            const std::string path = p["path"];
            if (path.rfind("reasoning", 0) == 0) {
                ++escalations;
                EXPECT_TRUE(band) << r["path"] << " " << p["statement"] << " s=" << s
                                  << " p0=" << p0;
            } else {
                ++decided;
                EXPECT_FALSE(band) << r["path"] << " " << p["statement"];
                EXPECT_TRUE(path == "debiased-true" || path == "debiased-false") << path;
            }
        }
    }
    EXPECT_GT(escalations, 0);
    EXPECT_GT(decided, 10 * escalations);
    // Every escalation is two requests: the reasoning and the summary.
    const json s = stats();
    EXPECT_EQ(s["requests"]["reasoning"], escalations);
    EXPECT_EQ(s["requests"]["summary"], escalations);
}

// The ablation on the corpus as generated: reading P(Yes) > 0.5 instead of the debiased
// decision (and its chain-of-thought) gets fewer verdicts right.
TEST_F(JudgeE2eTest, WithoutDebiasingAccuracyDrops) {
    serve();
    const double debiased = accuracy(judge({"--no-cache"}));
    resetStats();
    const double plain = accuracy(judge({"--no-cache", "--no-debias"}));
    EXPECT_LT(plain, debiased) << "plain " << plain << ", debiased " << debiased;
    const json s = stats();
    EXPECT_EQ(s["requests"]["prior"], 0) << "the ablation asks no prior";
    EXPECT_EQ(s["requests"]["reasoning"], 0) << "and no chain-of-thought";
}

// Every statement with a strong language prior (0.85): without debiasing, absent content reads
// as present on many images; the debiased decision still gets them right.
TEST_F(JudgeE2eTest, DebiasingCorrectsAStrongLanguagePrior) {
    world_.setAllPriors(0.85);
    world_.clearHard();
    serve();
    const double debiased = accuracy(judge({"--no-cache"}));
    const double plain = accuracy(judge({"--no-cache", "--no-debias"}));
    EXPECT_GE(debiased, 0.95);
    EXPECT_LT(plain, debiased - 0.1) << "plain " << plain << ", debiased " << debiased;
}

TEST_F(JudgeE2eTest, ARerunWithTheCacheMakesNoCalls) {
    serve();
    auto first = judge({"--cache", "scores.sqlite"});
    const json firstStats = stats();
    const int firstCalls = firstStats["requests"]["total"];
    EXPECT_GT(firstCalls, kImages);
    resetStats();
    auto second = judge({"--cache", "scores.sqlite"});
    EXPECT_EQ(stats()["requests"]["total"], 0) << "a rerun asks the server nothing";
    ASSERT_EQ(first.size(), second.size());
    int hits = 0;
    for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(second[i]["verdict"], first[i]["verdict"]);
        EXPECT_EQ(second[i]["rules"], first[i]["rules"]);
        EXPECT_EQ(second[i]["calls"], 0);
        hits += second[i]["cache_hits"].get<int>();
    }
    // One hit per answer: a chain-of-thought answer took two requests.
    EXPECT_EQ(hits, firstCalls - firstStats["requests"]["reasoning"].get<int>());
    EXPECT_NE(lastErr_.find("model calls: 0 (0.00 per image)"), std::string::npos) << lastErr_;
}

struct FaultCase {
    const char* fault;     // the simulator's fault kind
    const char* errorKind; // the predicates' error kind once the attempts are spent
};

// One fault kind on every yes/no request: the client makes its three attempts, then the
// predicates fail and every image ends in `error`, with exit status 1; no image is `safe`.
// The plan is calibrated first, on a sound server: the run asks no prior, so every failure is
// the yes/no question's, however slow the machine.
class JudgeFaultTest : public JudgeE2eTest, public ::testing::WithParamInterface<FaultCase> {};

TEST_P(JudgeFaultTest, EndsInRetriesThenError) {
    const FaultCase& fault = GetParam();
    serve();
    const std::string plan = calibrate();
    sim_->stop(SIGTERM);
    if (std::string(fault.fault) == "stall") {
        useRequestTimeout(0.15); // the stalled answers would come after 0.6 s
    }
    world_.addFault({{"kind", fault.fault}, {"request_kind", "yesno"}, {"stall_ms", "600"}});
    serve();
    concurrency_ = 32;
    // The breaker off: this test counts every question's attempts (fail_fast_e2e_test.cpp tests
    // the breaker).
    auto results = judgeFirst(2, {"--no-cache", "--max-consecutive-failures", "0"}, 1, plan);
    int failed = 0;
    for (const json& r : results) {
        EXPECT_EQ(r["verdict"], "error") << r["path"];
        for (const json& p : r["predicates"]) {
            ASSERT_FALSE(p["error"].is_null());
            EXPECT_EQ(p["error"]["attempts"], 3);
            EXPECT_EQ(p["error"]["stage"], "image");
            EXPECT_EQ(p["error"]["kind"], fault.errorKind);
            ++failed;
        }
    }
    EXPECT_GT(failed, 0);
    const json s = stats();
    EXPECT_EQ(s["requests"]["yesno"], 3 * failed) << "three attempts per question";
    EXPECT_EQ(s["requests"]["prior"], 0);
}

INSTANTIATE_TEST_SUITE_P(
    Faults, JudgeFaultTest,
    ::testing::Values(FaultCase{"http_500", "server-error"}, FaultCase{"http_429", "server-error"},
                      FaultCase{"stall", "timeout"}, FaultCase{"truncate", "transport"},
                      FaultCase{"no_logprobs", "no-logprobs"}),
    [](const ::testing::TestParamInfo<FaultCase>& test) { return std::string(test.param.fault); });

// One statement always fails: images whose outcome depends on it are `error` (or `unsafe` by
// another rule), never `safe`; --on-error makes the choice explicit.
TEST_F(JudgeE2eTest, APartialOutageFailsClosed) {
    const std::string person = "a person is visible via this image";
    world_.addFault({{"kind", "http_500"}, {"statement", person}});
    serve();
    auto results = judge({"--no-cache"}, 1);
    int errors = 0;
    for (const json& r : results) {
        bool anyErrorRule = false;
        for (const auto& [rule, state] : r["rules"].items()) {
            anyErrorRule = anyErrorRule || state == "error";
        }
        if (r["verdict"] == "safe") {
            EXPECT_FALSE(anyErrorRule) << r["path"];
        }
        if (label(r)["label"] == "unsafe") {
            EXPECT_NE(r["verdict"], "safe") << r["path"];
        }
        errors += r["verdict"] == "error";
        EXPECT_EQ(r["verdict"] == "error", anyErrorRule && r["violated"].empty()) << r["path"];
    }
    EXPECT_GT(errors, 0);
    auto unsafe = judge({"--no-cache", "--on-error", "unsafe"}, 1);
    for (size_t i = 0; i < unsafe.size(); ++i) {
        if (results[i]["verdict"] == "error") {
            EXPECT_EQ(unsafe[i]["verdict"], "unsafe");
            EXPECT_EQ(unsafe[i]["on_error"], "unsafe");
        }
    }
}

// The first two requests of each kind fail (429, truncated, 500): with three attempts per
// question, whatever order the requests arrive in, no question can meet its fault on every
// attempt, so the retries get past them all and every verdict is right.
TEST_F(JudgeE2eTest, TransientFaultsAreRetriedAway) {
    world_.addFault(
        {{"kind", "http_429"}, {"request_kind", "yesno"}, {"first", "2"}, {"retry_after_s", "1"}});
    world_.addFault({{"kind", "truncate"}, {"request_kind", "prior"}, {"first", "2"}});
    world_.addFault({{"kind", "http_500"}, {"request_kind", "reasoning"}, {"first", "2"}});
    serve();
    auto results = judge({"--no-cache"});
    EXPECT_EQ(accuracy(results), 1.0);
    const json s = stats();
    EXPECT_EQ(s["faults"]["http_429"], 2);
    EXPECT_EQ(s["faults"]["truncate"], 2);
    EXPECT_EQ(s["faults"]["http_500"], 2);
}

// Forwards requests to the simulator and keeps every body the client sent. A thread per
// connection the client may keep open, and no Nagle delays on either side.
class CaptureProxy {
public:
    explicit CaptureProxy(int simPort) : simPort_(simPort) {
        server_.new_task_queue = [] {
            return new httplib::ThreadPool(64);
        };
        server_.set_tcp_nodelay(true);
        server_.Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
            {
                std::lock_guard lock(mutex_);
                bodies_.push_back(request.body);
            }
            httplib::Client upstream("127.0.0.1", simPort_);
            upstream.set_tcp_nodelay(true);
            auto answer = upstream.Post(request.path, request.body, "application/json");
            if (!answer) {
                response.status = 502;
                return;
            }
            response.status = answer->status;
            response.set_content(answer->body, "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~CaptureProxy() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    std::vector<std::string> bodies() {
        std::lock_guard lock(mutex_);
        return bodies_;
    }

private:
    int simPort_;
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<std::string> bodies_;
};

TEST_F(JudgeE2eTest, EveryRequestValidatesAgainstTheOpenAiSchema) {
    auto schema = sim::testing::openAiSchema();
    if (!schema) {
        GTEST_SKIP() << "schema check skipped: the shared schema folder is absent "
                        "(set CLUE_SCHEMA_DIR)";
    }
    world_.setHard("a person is visible via this image", 1.0); // every image escalates it
    serve();
    CaptureProxy proxy(sim_->port());
    auto r = clue({"judge", corpus_->plan, (corpus_->dir / "corpus/images/00001.png").string(),
                   (corpus_->dir / "corpus/images/00002.png").string(), "--endpoint", proxy.url(),
                   "--model", "clue-sim", "--no-cache",
                   "--no-preflight"}, // the proxy forwards chat requests only
                  dir_.path());
    EXPECT_EQ(r.exitCode, 0) << r.err;
    // One body per kind of request suffices for the shape; all of them are checked anyway.
    std::vector<nlohmann::ordered_json> documents;
    std::set<std::string> shapes;
    for (const std::string& body : proxy.bodies()) {
        auto document = nlohmann::ordered_json::parse(body);
        const auto& messages = document["messages"];
        const bool image = body.find("\"image_url\"") != std::string::npos;
        shapes.insert(std::to_string(messages.size()) + (image ? "+image" : "") +
                      (document.contains("response_format") ? "+format" : "") + "/" +
                      document["max_tokens"].dump());
        documents.push_back(std::move(document));
    }
    // the prior, the yes/no question, the reasoning, the summary with response_format
    EXPECT_EQ(shapes,
              (std::set<std::string>{"1/1", "1+image/1", "1+image/512", "3+image+format/256"}));
    auto validation =
        sim::testing::validateDocuments(*schema, "CreateChatCompletionRequest", documents);
    EXPECT_TRUE(validation.valid) << validation.output;
}

TEST_F(JudgeE2eTest, CalibrateRecordsTheSimulatedPriors) {
    serve();
    const std::string path = calibrate();
    ASSERT_FALSE(HasFailure());
    const plan::Plan calibrated = plan::loadPlanFile(path);
    EXPECT_EQ(calibrated.calibrationModel, "clue-sim");
    for (const auto& predicate : calibrated.predicates) {
        ASSERT_TRUE(predicate.mNone);
        EXPECT_NEAR(*predicate.mNone, world_.prior(predicate.statement), 1e-6)
            << predicate.statement;
    }
    EXPECT_EQ(stats()["requests"]["prior"], static_cast<int>(calibrated.predicates.size()));
    resetStats();
    auto results = judge({"--no-cache"}, 0, path);
    EXPECT_EQ(stats()["requests"]["prior"], 0) << "a calibrated plan asks no prior";
    for (const json& p : results[0]["predicates"]) {
        EXPECT_EQ(p["scores"]["prior_source"], "plan");
    }
}

} // namespace
} // namespace clue::runtime
