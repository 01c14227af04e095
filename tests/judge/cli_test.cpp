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

#include "common/escaped_text.h"
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
        const QuestionPlan questions(plan_);
        bool done = false;
        std::make_shared<ImageJudgment>(judge, questions,
                                        ImageRef{sha256Hex(kPng), nullptr, nullptr}, image_,
                                        OnError::Error, [&](ImageResult) { done = true; })
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

// Adaptively, "fire" (settling r2 either way) goes first, alone: "a person" and "blood" can each
// make the other moot, so they follow one by one; a bound on rounds asks everything at once;
// the verdict and rule states never change.
TEST_F(JudgeCliTest, AdaptiveOrderAsksFirstWhatSettlesMost) {
    prepareCache();
    struct Run {
        std::vector<std::string> flags;
        int rounds;
        int fireRound;
    };
    const std::vector<Run> runs = {{{"--order", "adaptive"}, 3, 1},
                                   {{"--order", "adaptive", "--questions-per-image", "1"}, 3, 1},
                                   {{"--order", "adaptive", "--max-rounds", "1"}, 1, 1},
                                   {{"--questions-per-image", "1", "--max-rounds", "2"}, 2, 2}};
    for (const auto& [flags, rounds, fireRound] : runs) {
        std::vector<std::string> args = {"judge",   "plan.json",    "first.png", "--replay",
                                         "--cache", "cache.sqlite", "--model",   "m"};
        args.insert(args.end(), flags.begin(), flags.end());
        auto r = clue(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        auto out = lines(r.out);
        ASSERT_EQ(out.size(), 1u) << r.out;
        EXPECT_EQ(out[0]["rounds"], rounds) << flags.back();
        EXPECT_EQ(out[0]["verdict"], "unsafe");
        EXPECT_EQ(out[0]["rules"]["r1"], "violated");
        EXPECT_EQ(out[0]["rules"]["r2"], "clear");
        for (const auto& p : out[0]["predicates"]) {
            if (p["statement"] == "fire is visible") {
                EXPECT_EQ(p["round"], fireRound) << out[0];
            }
        }
    }
    auto bad = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                     "--model", "m", "--order", "random"});
    EXPECT_EQ(bad.exitCode, 2) << bad.err;
    EXPECT_NE(bad.err.find("--order"), std::string::npos) << bad.err;
}

// One question at a time, a person then blood violate r1: with --decide verdict the judge stops
// there and r2 (fire) is not_evaluated, never clear.
TEST_F(JudgeCliTest, DecideVerdictLeavesTheRestNotEvaluated) {
    prepareCache();
    auto r = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                   "--model", "m", "--questions-per-image", "1", "--decide", "verdict"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 1u) << r.out;
    EXPECT_EQ(out[0]["verdict"], "unsafe");
    EXPECT_EQ(out[0]["rules"]["r1"], "violated");
    EXPECT_EQ(out[0]["rules"]["r2"], "not_evaluated");
    EXPECT_EQ(out[0]["violated"], json::array({"r1"}));
    EXPECT_EQ(out[0]["cache_hits"], 2);
    auto bad = clue({"judge", "plan.json", "first.png", "--replay", "--cache", "cache.sqlite",
                     "--model", "m", "--decide", "severity"});
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
        EXPECT_NE(entry.path().filename().string()[0], '.') << entry.path() << " left behind";
    }
}

// -o through a symlink writes the file it points to; a read-only file or a folder is refused
// before a single image is judged; a new file honours the umask.
TEST_F(JudgeCliTest, OutputPathsAreCheckedBeforeTheRun) {
    prepareCache();
    const std::vector<std::string> judge = {"judge",   "plan.json",    "first.png", "--replay",
                                            "--cache", "cache.sqlite", "--model",   "m"};
    auto with = [&](const std::string& output) {
        std::vector<std::string> args = judge;
        args.insert(args.end(), {"-o", output});
        return clue(args);
    };
    std::filesystem::create_directory(dir_ / "real");
    dir_.write("real/results.jsonl", "old\n");
    std::filesystem::create_symlink("real/results.jsonl", dir_ / "link.jsonl");
    auto linked = with("link.jsonl");
    EXPECT_EQ(linked.exitCode, 0) << linked.err;
    EXPECT_TRUE(std::filesystem::is_symlink(dir_ / "link.jsonl"));
    EXPECT_EQ(lines(read("real/results.jsonl")).size(), 1u);

    dir_.write("locked.jsonl", "keep me\n");
    ::chmod((dir_ / "locked.jsonl").c_str(), 0444);
    for (const std::string output : {"locked.jsonl", "real"}) {
        auto refused = with(output);
        EXPECT_EQ(refused.exitCode, 2) << output;
        EXPECT_NE(refused.err.find("cannot write '" + output + "'"), std::string::npos)
            << refused.err;
        EXPECT_EQ(refused.err.find("judged"), std::string::npos) << "the run went ahead";
    }
    EXPECT_EQ(read("locked.jsonl"), "keep me\n");

    const mode_t before = ::umask(077);
    auto fresh = with("fresh.jsonl");
    ::umask(before);
    EXPECT_EQ(fresh.exitCode, 0) << fresh.err;
    struct stat info {};
    ASSERT_EQ(::stat((dir_ / "fresh.jsonl").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

// calibrate checks its output before it asks the server anything: a read-only PLAN2 fails at
// once (here the server does not exist, so asking would fail in other words) and is kept.
TEST_F(JudgeCliTest, CalibrateChecksItsOutputBeforeAskingAnything) {
    prepareCache();
    dir_.write("locked.json", "keep me\n");
    ::chmod((dir_ / "locked.json").c_str(), 0444);
    auto r = clue({"calibrate", "plan.json", "-o", "locked.json", "--endpoint",
                   "http://127.0.0.1:9/v1", "--model", "m", "--no-cache"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("cannot write 'locked.json': "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("cannot measure"), std::string::npos) << r.err;
    EXPECT_EQ(read("locked.json"), "keep me\n");
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

// A plan of no rules would call every image safe: judge, calibrate, eval and serve refuse it
// unless asked.
TEST_F(JudgeCliTest, APlanOfNoRulesIsRefusedUnlessAllowed) {
    prepareCache();
    plan::writePlanFile(test::PlanBuilder().build(), (dir_ / "empty.json").string());
    const std::string refused = "empty.json: /rules: the plan has no rules, so it would judge "
                                "every image safe; --allow-empty uses it all the same";
    auto judge = clue({"judge", "empty.json", "first.png", "--replay", "--cache", "cache.sqlite",
                       "--model", "m"});
    EXPECT_EQ(judge.exitCode, 2);
    EXPECT_EQ(judge.out, "");
    EXPECT_NE(judge.err.find(refused), std::string::npos) << judge.err;
    auto calibrate = clue({"calibrate", "empty.json", "-o", "calibrated.json", "--endpoint",
                           "http://127.0.0.1:9/v1", "--model", "m", "--no-cache"});
    EXPECT_EQ(calibrate.exitCode, 2);
    EXPECT_NE(calibrate.err.find(refused), std::string::npos) << calibrate.err;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "calibrated.json"));
    dir_.write("labels.csv", "image,label\nfirst.png,unsafe\n");
    auto eval = clue({"eval", "empty.json", "labels.csv", "--replay", "--cache", "cache.sqlite",
                      "--model", "m", "--no-progress"});
    EXPECT_EQ(eval.exitCode, 2);
    EXPECT_EQ(eval.out, "");
    EXPECT_NE(eval.err.find(refused), std::string::npos) << eval.err;
    // serve: an empty plan would answer `safe` to every request; it is refused before listening.
    auto serve = clue({"serve", "empty.json", "--listen", "127.0.0.1:0", "--replay", "--cache",
                       "cache.sqlite", "--model", "m"});
    EXPECT_EQ(serve.exitCode, 2);
    EXPECT_NE(serve.err.find("the plan has no rules, so it would judge every image safe"),
              std::string::npos)
        << serve.err;
    auto allowed = clue({"judge", "empty.json", "first.png", "--allow-empty", "--replay", "--cache",
                         "cache.sqlite", "--model", "m"});
    EXPECT_EQ(allowed.exitCode, 0) << allowed.err;
    ASSERT_EQ(lines(allowed.out).size(), 1u);
    EXPECT_EQ(lines(allowed.out)[0]["verdict"], "safe");
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

// A file name that is not UTF-8 ended the run with a JSON type error and no records: it is
// written losslessly (docs/cli/judge.md) and every image is judged.
TEST_F(JudgeCliTest, AFileNameThatIsNotUtf8IsWrittenLosslessly) {
    prepareCache();
    std::filesystem::create_directory(dir_ / "photos");
    dir_.write("photos/a.png", kPng);
    dir_.write("photos/caf\xE9 \\ 1.png", kPng);
    dir_.write("photos/z.png", kPng);
    auto r = clue(
        {"judge", "plan.json", "photos", "--replay", "--cache", "cache.sqlite", "--model", "m"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 3u) << r.out;
    const std::string written = out[1]["path"];
    EXPECT_EQ(written, "photos/caf\\xE9 \\\\ 1.png");
    EXPECT_EQ(unescapeFileName(written), "photos/caf\xE9 \\ 1.png");
    for (const json& record : out) {
        EXPECT_EQ(record["verdict"], "unsafe") << record.dump();
    }
}

// FIFOs and dangling or looping symlinks named like images were skipped in silence: each is an
// `error` record now, and the other images are judged.
TEST_F(JudgeCliTest, OddEntriesNamedLikeImagesGetRecords) {
    prepareCache();
    std::filesystem::create_directory(dir_ / "photos");
    dir_.write("photos/good.png", kPng);
    ASSERT_EQ(::mkfifo((dir_ / "photos/pipe.png").c_str(), 0644), 0);
    std::filesystem::create_symlink("nowhere.png", dir_ / "photos/dangling.png");
    std::filesystem::create_symlink("loop-b.png", dir_ / "photos/loop-a.png");
    std::filesystem::create_symlink("loop-a.png", dir_ / "photos/loop-b.png");
    auto r = clue(
        {"judge", "plan.json", "photos", "--replay", "--cache", "cache.sqlite", "--model", "m"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 5u) << r.out;
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"photos/dangling.png", "not-found"},
        {"photos/good.png", ""},
        {"photos/loop-a.png", "unreadable"},
        {"photos/loop-b.png", "unreadable"},
        {"photos/pipe.png", "not-a-file"}};
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(out[i]["path"], expected[i].first);
        if (expected[i].second.empty()) {
            EXPECT_EQ(out[i]["verdict"], "unsafe");
        } else {
            EXPECT_EQ(out[i]["verdict"], "error");
            EXPECT_EQ(out[i]["error"]["kind"], expected[i].second) << out[i].dump();
        }
    }
}

// One folder that cannot be listed aborted the whole batch, naming its parent: it is a record
// of its own, and the readable images around it are judged. Root reads any folder, so the run
// drops to an ordinary user for this.
TEST_F(JudgeCliTest, AFolderThatCannotBeListedIsARecordAndTheRestIsJudged) {
    prepareCache();
    std::filesystem::create_directories(dir_ / "photos/private");
    dir_.write("photos/a.png", kPng);
    dir_.write("photos/private/hidden.png", kPng);
    dir_.write("photos/z.png", kPng);
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::all);
    for (const char* file : {"plan.json", "cache.sqlite", "photos/a.png", "photos/z.png"}) {
        std::filesystem::permissions(dir_ / file, std::filesystem::perms(0666));
    }
    std::filesystem::permissions(dir_ / "photos", std::filesystem::perms(0777));
    std::filesystem::permissions(dir_ / "photos/private", std::filesystem::perms::none);
    std::vector<std::string> args = {CLUE_BINARY, "judge",        "plan.json", "photos", "--replay",
                                     "--cache",   "cache.sqlite", "--model",   "m"};
    if (::geteuid() == 0) {
        args.insert(args.begin(),
                    {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
    }
    test::ProcessOptions options;
    options.cwd = dir_.path();
    options.env = {{"CLUE_MODEL", ""}, {"CLUE_ENDPOINT", ""}, {"CLUE_API_KEY", ""}};
    auto r = test::runProcess(args, options);
    std::filesystem::permissions(dir_ / "photos/private", std::filesystem::perms::owner_all);
    EXPECT_EQ(r.exitCode, 1) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 3u) << r.out << r.err;
    EXPECT_EQ(out[0]["path"], "photos/a.png");
    EXPECT_EQ(out[0]["verdict"], "unsafe");
    EXPECT_EQ(out[1]["path"], "photos/private");
    EXPECT_EQ(out[1]["verdict"], "error");
    EXPECT_EQ(out[1]["error"]["kind"], "unreadable");
    EXPECT_EQ(out[1]["error"]["message"],
              "photos/private: cannot list the folder: Permission denied");
    EXPECT_EQ(out[2]["path"], "photos/z.png");
    EXPECT_EQ(out[2]["verdict"], "unsafe");
}

// Manifest paths: absolute and `..` paths are refused outside --manifest-root, a NUL byte is
// refused always, and no record shows a byte of a file's content.
TEST_F(JudgeCliTest, ManifestPathsAreConfinedAndRecordsShowNoContent) {
    prepareCache();
    std::filesystem::create_directories(dir_ / "corpus/images");
    std::filesystem::create_directories(dir_ / "secret");
    dir_.write("corpus/images/a.png", kPng);
    dir_.write("secret/shadow.png", "root:$6$secret-hash:19000:0:99999:7:::\n");
    std::filesystem::create_symlink("../../secret/shadow.png", dir_ / "corpus/images/link.png");
    json nul = {{"path", std::string("images/a.png\0/../../secret/shadow.png", 37)}};
    dir_.write("corpus/manifest.jsonl", "{\"path\": \"images/a.png\"}\n"
                                        "{\"path\": \"../secret/shadow.png\"}\n"
                                        "{\"path\": \"" +
                                            (dir_ / "secret/shadow.png").string() +
                                            "\"}\n"
                                            "{\"path\": \"images/link.png\"}\n" +
                                            nul.dump() + "\n");
    auto judge = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {
            "judge",    "plan.json", "--manifest",   "corpus/manifest.jsonl",
            "--replay", "--cache",   "cache.sqlite", "--model",
            "m"};
        args.insert(args.end(), extra.begin(), extra.end());
        return clue(args);
    };
    auto confined = judge({"--manifest-root", "corpus"});
    EXPECT_EQ(confined.exitCode, 1) << confined.err;
    auto out = lines(confined.out);
    ASSERT_EQ(out.size(), 5u) << confined.out;
    EXPECT_EQ(out[0]["verdict"], "unsafe");
    for (size_t i = 1; i < 5; ++i) {
        EXPECT_EQ(out[i]["verdict"], "error") << out[i].dump();
        EXPECT_EQ(out[i]["error"]["kind"], "refused") << out[i].dump();
        EXPECT_EQ(out[i]["sha256"], nullptr);
    }
    EXPECT_NE(out[1]["error"]["message"].get<std::string>().find(
                  "outside the manifest root 'corpus' (--manifest-root)"),
              std::string::npos);
    EXPECT_EQ(out[4]["path"], "images/a.png\\x00/../../secret/shadow.png");
    EXPECT_NE(out[4]["error"]["message"].get<std::string>().find("NUL byte"), std::string::npos);

    // Without a root the paths are followed (the NUL still is not), and a file that is not an
    // image is reported without a byte of it.
    auto open = judge({});
    auto records = lines(open.out);
    ASSERT_EQ(records.size(), 5u) << open.out;
    EXPECT_EQ(records[1]["error"]["kind"], "not-an-image");
    EXPECT_EQ(records[4]["error"]["kind"], "refused");
    for (const json& record : records) {
        EXPECT_EQ(record.dump().find("root:"), std::string::npos) << record.dump();
        EXPECT_EQ(record.dump().find("72 6f 6f 74"), std::string::npos) << record.dump();
    }
}

// Escape sequences in a file name reached the terminal raw through --explain.
TEST_F(JudgeCliTest, ExplainEscapesControlCharactersOfFileNames) {
    prepareCache();
    dir_.write("\x1b[2Jred\x07.png", kPng);
    auto r = clue({"judge", "plan.json", "\x1b[2Jred\x07.png", "--replay", "--cache",
                   "cache.sqlite", "--model", "m", "--explain"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\\x1B[2Jred\\x07.png\n"), std::string::npos) << r.out;
    auto missing = clue({"judge", "plan.json", "gone\x1b]0;x\x07.png", "--replay", "--cache",
                         "cache.sqlite", "--model", "m", "--explain"});
    EXPECT_EQ(missing.out.find('\x1b'), std::string::npos) << missing.out;
    EXPECT_NE(missing.out.find("verdict: error (gone\\x1B]0;x\\x07.png: no such file)"),
              std::string::npos)
        << missing.out;
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
