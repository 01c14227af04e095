// `clue judge` and `clue calibrate` as a user runs them, without the simulator: usage errors,
// bad images, replay from a prepared cache, --explain and --on-error, and calibration against a
// scripted server. The simulator's end-to-end tests are in judge_e2e_test.cpp.
#include "plan/plan_loader.h"
#include "runtime/judge/cached_answer_source.h"
#include "runtime/judge/image_judgment.h"
#include "tests/judge/fake_answer_source.h"
#include "tests/judge/plan_builder.h"
#include "tests/judge/subprocess.h"
#include "tests/runtime/temp_dir.h"
#include "tests/runtime/test_http_server.h"
#include "tests/support/test_images.h"

#include "common/sha256.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace clue::runtime {
namespace {

using nlohmann::json;

const std::string kPng = test::pngImage(1);

class JudgeCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        // r1 = a and b, r2 = c; priors calibrated for model "m".
        test::PlanBuilder b;
        const uint32_t a = b.pred("a person is visible", {}, 0.3);
        const uint32_t bn = b.pred("blood is visible", {}, 0.3);
        b.rule("r1", b.all({a, bn}));
        b.rule("r2", b.pred("fire is visible", {}, 0.3));
        b.calibratedWith("m");
        plan_ = b.build();
        plan::writePlanFile(plan_, (dir_ / "plan.json").string());
        image_ = dir_.write("first.png", kPng);
    }

    // Fills the cache with every answer for image_ (a, b true; c false) under model "m".
    void prepareCache() {
        test::FakeAnswerSource fake;
        fake.setScore(QueryVariant::Image, "a person is visible", 0.95);
        fake.setScore(QueryVariant::Image, "blood is visible", 0.95);
        fake.setScore(QueryVariant::Image, "fire is visible", 0.02);
        ScoreCache cache(dir_ / "cache.sqlite");
        CachedAnswerSource cached(fake, cache, {"m", plan_.prompts.version});
        PriorTable priors(plan_, "m", cached);
        PredicateJudge judge(plan_, cached, priors, {});
        auto waves = waveIndex(plan_);
        bool done = false;
        std::make_shared<ImageJudgment>(judge, waves, ImageRef{sha256Hex(kPng), nullptr, nullptr},
                                        image_, OnError::Error, [&](ImageResult) { done = true; })
            ->start();
        ASSERT_TRUE(done);
    }

    test::ProcessResult clue(std::vector<std::string> args, std::string apiKey = "") {
        args.insert(args.begin(), CLUE_BINARY);
        test::ProcessOptions options;
        options.cwd = dir_.path();
        options.env = {{"CLUE_MODEL", ""},
                       {"CLUE_ENDPOINT", ""},
                       {"CLUE_API_KEY", std::move(apiKey)},
                       {"XDG_CACHE_HOME", (dir_ / "xdg").string()}};
        return test::runProcess(args, options);
    }

    static std::vector<json> lines(const std::string& text) {
        std::vector<json> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            out.push_back(json::parse(line));
        }
        return out;
    }

    std::string read(const std::string& name) {
        std::ifstream in(dir_ / name);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    test::TempDir dir_;
    plan::Plan plan_;
    std::filesystem::path image_;
};

TEST_F(JudgeCliTest, ReplayJudgesFromTheCacheAndReportsBadImagesInOrder) {
    prepareCache();
    dir_.write("notes.png", "not an image at all");
    dir_.write("empty.png", "");
    dir_.write("unseen.png", test::pngImage(2));
    auto r = clue({"judge", "plan.json", "first.png", "notes.png", "empty.png", "missing.png",
                   "unseen.png", "--replay", "--cache", "cache.sqlite", "--model", "m"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 5u) << r.out;
    EXPECT_EQ(out[0]["path"], "first.png");
    EXPECT_EQ(out[0]["sha256"], sha256Hex(kPng));
    EXPECT_EQ(out[0]["verdict"], "unsafe");
    EXPECT_EQ(out[0]["violated"], json::array({"r1"}));
    EXPECT_EQ(out[0]["rules"], json({{"r1", "violated"}, {"r2", "clear"}}));
    EXPECT_EQ(out[0]["calls"], 0);
    EXPECT_EQ(out[0]["cache_hits"], 3);
    EXPECT_EQ(out[0]["predicates"][0]["path"], "debiased-true");
    EXPECT_EQ(out[0]["predicates"][0]["scores"]["prior_source"], "plan");
    const std::vector<std::string> kinds = {"not-an-image", "empty", "not-found"};
    for (size_t i = 0; i < kinds.size(); ++i) {
        EXPECT_EQ(out[i + 1]["verdict"], "error");
        EXPECT_EQ(out[i + 1]["error"]["kind"], kinds[i]);
        EXPECT_TRUE(out[i + 1]["sha256"].is_null());
    }
    EXPECT_EQ(out[4]["verdict"], "error");
    EXPECT_EQ(out[4]["predicates"][0]["error"]["kind"], "not-cached");
    EXPECT_NE(r.err.find("judged 5 images"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("0 safe, 1 unsafe, 4 error"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\r"), std::string::npos) << "no progress bar when stderr is a file";
}

// Broken images with the first bytes of an image were sent and came back `safe`. Each is decoded
// before the first question: an `error` record that shows none of the file, and no question.
TEST_F(JudgeCliTest, ImagesThatDoNotDecodeAreErrorsAndNeverAsked) {
    test::TestHttpServer server(
        [](const httplib::Request&, httplib::Response& response, int) { response.status = 500; });
    const std::string png = test::pngImage(4);
    dir_.write("cut.png", png.substr(0, png.size() - 20));
    dir_.write("cut.jpg", test::jpegImage(4).substr(0, 300));
    dir_.write("garbage.gif", test::gifImage().substr(0, 13) + std::string(500, '\x7f'));
    dir_.write("garbage.bmp", test::bmpImage().substr(0, 54) + "secret");
    dir_.write("photo.webp", std::string("RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0", 20) + "secret");
    auto r = clue({"judge", "plan.json", "cut.png", "cut.jpg", "garbage.gif", "garbage.bmp",
                   "photo.webp", "--endpoint", server.url("/v1"), "--model", "m", "--no-cache",
                   "--on-error", "safe", "--no-preflight"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(server.requestCount(), 0);
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 5u) << r.out;
    const std::vector<std::string> kinds = {"undecodable", "undecodable", "undecodable",
                                            "undecodable", "unsupported-format"};
    for (size_t i = 0; i < kinds.size(); ++i) {
        EXPECT_EQ(out[i]["verdict"], "error") << out[i];
        EXPECT_EQ(out[i]["error"]["kind"], kinds[i]) << out[i];
        EXPECT_EQ(out[i].dump().find("secret"), std::string::npos) << out[i];
    }
    EXPECT_NE(out[0]["error"]["message"].get<std::string>().find(
                  "cut.png: not a valid PNG image: the file ends early"),
              std::string::npos)
        << out[0];
}

TEST_F(JudgeCliTest, MaxImagePixelsBoundsTheDeclaredSize) {
    prepareCache(); // first.png is 8 x 6
    auto r = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                   "--model", "m", "--max-image-pixels", "47"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 1u) << r.out;
    EXPECT_EQ(out[0]["error"]["kind"], "too-many-pixels");
    EXPECT_NE(out[0]["error"]["message"].get<std::string>().find(
                  "first.png: 8 x 6 pixels, over the limit of 47"),
              std::string::npos)
        << out[0];
    r = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite", "--model",
              "m", "--max-image-pixels", "48"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST_F(JudgeCliTest, OnErrorSetsTheVerdictExplicitlyButTheRunStillFails) {
    dir_.write("unseen.png", test::pngImage(3));
    ScoreCache(dir_ / "cache.sqlite");
    auto r = clue({"judge", "plan.json", "unseen.png", "--replay", "--cache", "cache.sqlite",
                   "--model", "m", "--on-error", "safe", "-o", "out.jsonl"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(r.out.empty());
    auto out = lines(read("out.jsonl"));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0]["verdict"], "safe");
    EXPECT_EQ(out[0]["on_error"], "safe");
    EXPECT_EQ(out[0]["rules"]["r1"], "error");
    EXPECT_NE(r.err.find("set by --on-error"), std::string::npos) << r.err;
}

// All three predicates are in wave 0: one round by default, one round per question with a limit
// of one question at a time; the same answers either way.
TEST_F(JudgeCliTest, QuestionsPerImageLimitsWhatIsAskedAtOnce) {
    prepareCache();
    for (const auto& [limit, rounds] : {std::pair{"0", 1}, {"1", 3}}) {
        auto r = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                       "--model", "m", "--questions-per-image", limit});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        auto out = lines(r.out);
        ASSERT_EQ(out.size(), 1u) << r.out;
        EXPECT_EQ(out[0]["rounds"], rounds) << limit;
        EXPECT_EQ(out[0]["verdict"], "unsafe");
        EXPECT_EQ(out[0]["cache_hits"], 3);
    }
    auto bad = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                     "--model", "m", "--questions-per-image", "-1"});
    EXPECT_EQ(bad.exitCode, 2) << bad.err;
}

// `-o /dev/null` or a FIFO: the output goes into it, and it stays what it was; a rename over it
// would replace the device for every other program.
TEST_F(JudgeCliTest, OutputToAPipeIsWrittenInPlace) {
    prepareCache();
    const std::string fifo = (dir_ / "results.fifo").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // Holding the read end lets the writer open it; the few lines fit in the pipe's buffer.
    int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(reader, 0);
    auto r = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                   "--model", "m", "-o", "results.fifo"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    std::string written;
    char buffer[4096];
    for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;) {
        written.append(buffer, static_cast<size_t>(n));
    }
    ::close(reader);
    struct stat info {};
    ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the FIFO was replaced";
    auto out = lines(written);
    ASSERT_EQ(out.size(), 1u) << written;
    EXPECT_EQ(out[0]["verdict"], "unsafe");
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
            << entry.path() << " left behind";
    }
}

TEST_F(JudgeCliTest, ExplainTracesOneImage) {
    prepareCache();
    auto r = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                   "--model", "m", "--explain"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    for (const char* expected : {"verdict: unsafe", "round 1 (wave 0):", "\"blood is visible\"",
                                 "M(x)=0.950 M(None)=0.300 (plan)", "-> true (debiased-true)",
                                 "violated  r1", "clear     r2"}) {
        EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
    }
}

TEST_F(JudgeCliTest, UsageErrorsExitTwoAndWriteNothing) {
    dir_.write("second.png", test::pngImage(2));
    dir_.write("manifest.jsonl", "{\"path\": \"first.png\"}\n{\"file\": \"second.png\"}\n");
    dir_.write("out.jsonl", "old contents\n");
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"judge", "missing-plan.json", "first.png", "--model", "m"}, "missing-plan.json"},
        {{"judge", "plan.json", "first.png", "-o", "out.jsonl"}, "no model is set"},
        {{"judge", "plan.json", "--manifest", "manifest.jsonl", "--model", "m", "-o", "out.jsonl"},
         "manifest.jsonl:2: expected a JSON object"},
        {{"judge", "plan.json", "first.png", "second.png", "--model", "m", "--explain"},
         "--explain traces one image"},
        {{"judge", "plan.json", "first.png", "--model", "m", "--replay", "--no-cache"},
         "cannot go with --no-cache"},
        {{"judge", "plan.json", "--model", "m"}, "no images to judge"},
        {{"judge", "plan.json", "first.png", "--model", "m", "--on-error", "ignore"}, "--on-error"},
        {{"judge", "plan.json", "first.png", "--model", "m", "--cache", "no/such/dir/c.sqlite"},
         "no/such/dir"},
    };
    for (const auto& [args, message] : cases) {
        auto r = clue(args);
        EXPECT_EQ(r.exitCode, 2) << args[1] << " " << args.back() << "\n" << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << message << "\n" << r.err;
        EXPECT_TRUE(r.out.empty());
    }
    EXPECT_EQ(read("out.jsonl"), "old contents\n");
}

// A CR or LF in CLUE_API_KEY injected an HTTP header: refused before any request, not shown.
TEST_F(JudgeCliTest, AnApiKeyWithALineBreakIsRefusedBeforeAnyRequest) {
    test::TestHttpServer server(
        [](const httplib::Request&, httplib::Response& response, int) { response.status = 500; });
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"judge", "plan.json", "first.png", "--no-cache"},
          std::vector<std::string>{"calibrate", "plan.json", "--no-cache", "-o", "c.json"}}) {
        auto withServer = args;
        withServer.insert(withServer.end(), {"--endpoint", server.url("/v1"), "--model", "m"});
        auto r = clue(withServer, "sk-SECRET\r\nX-Injected: 1");
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("CLUE_API_KEY holds a control character"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("SECRET"), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
    EXPECT_EQ(server.requestCount(), 0);
}

// A server that answers the prior questions: P(Yes) 0.25 for statements with "fire", else 0.75.
json priorAnswer(const std::string& requestBody) {
    const bool fire = requestBody.find("fire") != std::string::npos;
    const double yes = fire ? 0.25 : 0.75;
    json top = json::array({{{"token", "Yes"}, {"logprob", std::log(yes)}},
                            {{"token", "No"}, {"logprob", std::log(1 - yes)}}});
    json first = {{"token", "Yes"}, {"logprob", std::log(yes)}, {"top_logprobs", top}};
    return {{"id", "x"},
            {"object", "chat.completion"},
            {"choices",
             {{{"index", 0},
               {"message", {{"role", "assistant"}, {"content", "Yes"}}},
               {"logprobs", {{"content", {first}}}},
               {"finish_reason", "length"}}}},
            {"usage", {{"prompt_tokens", 20}, {"completion_tokens", 1}, {"total_tokens", 21}}}};
}

TEST_F(JudgeCliTest, CalibrateRecordsEveryPriorAndTheModel) {
    test::TestHttpServer server(
        [](const httplib::Request& request, httplib::Response& response, int) {
            response.set_content(priorAnswer(request.body).dump(), "application/json");
        });
    // The scripted server answers questions only: no model list to check.
    auto r = clue({"calibrate", "plan.json", "--endpoint", server.url("/v1"), "--model", "vlm",
                   "--no-cache", "--no-preflight", "-o", "calibrated.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("measured 3 of 3 priors with model vlm: 3 calls"), std::string::npos)
        << r.err;
    EXPECT_EQ(server.requestCount(), 3);
    for (const auto& request : server.recorded()) {
        const json body = json::parse(request.body);
        EXPECT_EQ(body["messages"][0]["content"].size(), 1u) << "no image in a prior question";
        EXPECT_EQ(body["max_tokens"], 1);
    }
    const plan::Plan calibrated = plan::loadPlanFile((dir_ / "calibrated.json").string());
    EXPECT_EQ(calibrated.calibrationModel, "vlm");
    EXPECT_NEAR(*calibrated.predicates[0].mNone, 0.75, 1e-9);
    EXPECT_NEAR(*calibrated.predicates[2].mNone, 0.25, 1e-9);
    EXPECT_EQ(calibrated.nodes.size(), plan_.nodes.size());
}

// Priors from the default cache were taken silently, although another endpoint serving a model
// of the same name had filled it: each run says how many priors the cache gave.
TEST_F(JudgeCliTest, CalibrateSaysWhichPriorsCameFromTheCache) {
    test::TestHttpServer server(
        [](const httplib::Request& request, httplib::Response& response, int) {
            response.set_content(priorAnswer(request.body).dump(), "application/json");
        });
    auto first = clue({"calibrate", "plan.json", "--endpoint", server.url("/v1"), "--model", "vlm",
                       "-o", "calibrated.json", "--no-preflight"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.err.find("came from the score cache"), std::string::npos) << first.err;
    auto second = clue({"calibrate", "plan.json", "--endpoint", server.url("/other/v1"), "--model",
                        "vlm", "-o", "calibrated2.json", "--no-preflight"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(server.requestCount(), 3);
    EXPECT_NE(second.err.find("measured 3 of 3 priors with model vlm: 0 calls, 3 cache hits"),
              std::string::npos)
        << second.err;
    EXPECT_NE(second.err.find("clue: warning: 3 of 3 priors came from the score cache " +
                              (dir_ / "xdg" / "clue" / "scores.sqlite").string() +
                              ", not from the server: measured earlier for a model named vlm"),
              std::string::npos)
        << second.err;
}

TEST_F(JudgeCliTest, CalibrateWritesNothingWhenAPriorFails) {
    test::TestHttpServer server(
        [](const httplib::Request& request, httplib::Response& response, int) {
            if (request.body.find("fire") != std::string::npos) {
                response.status = 500;
                response.set_content("{\"error\": {\"message\": \"boom\"}}", "application/json");
                return;
            }
            response.set_content(priorAnswer(request.body).dump(), "application/json");
        });
    dir_.write("clue.yaml", "backend:\n  retries:\n    max_attempts: 2\n    backoff_base_ms: 1\n");
    dir_.write("calibrated.json", "old");
    // The scripted server answers questions only: no model list to check.
    auto r = clue({"calibrate", "plan.json", "--endpoint", server.url("/v1"), "--model", "vlm",
                   "--no-cache", "--no-preflight", "-o", "calibrated.json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("cannot measure the prior of \"fire is visible\""), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("(after 2 attempts)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not written"), std::string::npos);
    EXPECT_EQ(read("calibrated.json"), "old");
}

} // namespace
} // namespace clue::runtime
