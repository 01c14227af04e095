// `clue eval` end to end against clue-sim, on a corpus that `clue-sim gen` writes for
// stdlib-rules/os-bench.clue: the same verdicts as `clue judge`, --results scoring them again,
// the ablations and the direct baseline, robustness with perturbed copies the simulator
// recognises, an interrupted run resumed from the cache, missing images and bad rows, UnsafeBench's
// CSV layout with a category map, and the HTML report of a real run in headless Chromium.
#include "tests/judge/os_bench_corpus.h"
#include "tests/judge/sim_world.h"
#include "tests/judge/subprocess.h"
#include "tests/runtime/temp_dir.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/sim_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace clue::eval {
namespace {

using nlohmann::json;
using sim::testing::SimProcess;

constexpr int kImages = 120;

struct Corpus {
    test::TempDir dir;
    std::string plan;
    std::vector<json> labels;
};

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

test::ProcessResult run(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                        std::chrono::seconds limit = std::chrono::seconds(240)) {
    return test::runClue(args, cwd, limit);
}

class EvalE2eTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        corpus_ = std::make_unique<Corpus>();
        const auto& dir = corpus_->dir.path();
        test::OsBenchCorpus generated = test::generateOsBenchCorpus(dir, kImages);
        corpus_->labels = std::move(generated.labels);
        corpus_->plan = generated.plan.string();
    }
    static void TearDownTestSuite() { corpus_.reset(); }

    void SetUp() override {
        ASSERT_TRUE(corpus_ && !corpus_->plan.empty()) << "the corpus could not be prepared";
        world_ = test::SimWorld::load(corpus_->dir / "corpus" / "world.yaml");
        world_.setReasoningErrorRate(0);
    }

    // Starts the simulator on the current world, saved beside the corpus's images so that it
    // can fingerprint them.
    void serve(const std::vector<std::string>& args = {}) {
        const auto file =
            corpus_->dir / "corpus" /
            ("world-" + std::to_string(::getpid()) + "-" + std::to_string(serves_++) + ".yaml");
        world_.save(file);
        sim_ = std::make_unique<SimProcess>(file.string(), args);
    }

    json stats() { return json::parse(sim::testing::httpGet(sim_->url("/sim/stats")).body); }

    std::string labelsFile() const { return (corpus_->dir / "corpus" / "labels.jsonl").string(); }

    std::vector<std::string> backend() const {
        return {"--endpoint", sim_->url("/v1"), "--model", "clue-sim", "--no-progress"};
    }

    // `clue eval` with the corpus's plan and `labels`; its JSON report.
    json eval(const std::vector<std::string>& extra, int expectedExit = 0,
              const std::string& labels = "") {
        std::vector<std::string> args = {
            "eval",     corpus_->plan, labels.empty() ? labelsFile() : labels,
            "--format", "json",        "--bootstrap",
            "100"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = run(args, dir_.path());
        lastErr_ = r.err;
        EXPECT_EQ(r.exitCode, expectedExit) << r.err;
        return r.out.empty() ? json() : json::parse(r.out);
    }

    static std::map<std::string, std::string> verdicts(const json& report) {
        std::map<std::string, std::string> out;
        for (const json& image : report["images"]) {
            out[image["path"]] = image["verdict"];
        }
        return out;
    }

    static const json& variant(const json& report, const std::string& id) {
        for (const json& v : report["variants"]) {
            if (v["id"] == id) {
                return v;
            }
        }
        static const json none;
        ADD_FAILURE() << "no variant " << id;
        return none;
    }

    static std::unique_ptr<Corpus> corpus_;
    test::TempDir dir_;
    test::SimWorld world_;
    std::unique_ptr<SimProcess> sim_;
    std::string lastErr_;
    int serves_ = 0;
};

std::unique_ptr<Corpus> EvalE2eTest::corpus_;

TEST_F(EvalE2eTest, SameVerdictsAsClueJudgeAndTheSameFiguresFromItsOutput) {
    serve();
    auto judged =
        run({"judge", corpus_->plan, "--manifest", labelsFile(), "--endpoint", sim_->url("/v1"),
             "--model", "clue-sim", "--no-cache", "--no-progress", "-o", "verdicts.jsonl"},
            dir_.path());
    ASSERT_EQ(judged.exitCode, 0) << judged.err;
    std::map<std::string, std::string> fromJudge;
    std::istringstream lines(slurp(dir_ / "verdicts.jsonl"));
    for (std::string line; std::getline(lines, line);) {
        const json r = json::parse(line);
        fromJudge[std::filesystem::path(r["path"].get<std::string>()).filename().string()] =
            r["verdict"];
    }
    const json live = eval(concat(backend(), {"--no-cache"}));
    ASSERT_EQ(live["images"].size(), std::size_t(kImages));
    for (const json& image : live["images"]) {
        const std::string name =
            std::filesystem::path(image["path"].get<std::string>()).filename().string();
        EXPECT_EQ(image["verdict"], fromJudge.at(name)) << name;
    }
    EXPECT_EQ(live["summary"]["errors"], 0);
    EXPECT_GE(live["summary"]["accuracy"]["value"].get<double>(), 0.95)
        << "reasoning never errs in this world";

    const json scored = eval({"--results", "verdicts.jsonl"});
    EXPECT_EQ(scored["summary"], live["summary"]);
    EXPECT_EQ(scored["by_category"], live["by_category"]);
    EXPECT_EQ(scored["scores"], live["scores"]) << "the image scores come from the evidence";
    EXPECT_EQ(scored["results"]["file"], "verdicts.jsonl");
    EXPECT_EQ(scored["results"]["unlisted"], 0);
    EXPECT_EQ(verdicts(scored), verdicts(live));
    EXPECT_EQ(scored["cost"]["questions"], live["cost"]["questions"]);
}

TEST_F(EvalE2eTest, AblationsAndTheDirectBaselineSideBySide) {
    world_.setAllPriors(0.8); // a strong language prior: what debiasing is for
    serve();
    const json r =
        eval(concat(backend(), {"--cache", "cache.sqlite", "--ablate",
                                "debias,cascade,calibration,lazy", "--baseline", "direct"}));
    ASSERT_EQ(r["variants"].size(), 6u);
    const json& clue = variant(r, "clue");
    const json& eager = variant(r, "eager");
    const json& perImage = variant(r, "prior-per-image");
    EXPECT_EQ(eager["metrics"]["confusion"], clue["metrics"]["confusion"])
        << "asking everything changes the cost, not the verdicts";
    EXPECT_GT(eager["cost"]["questions_per_image"], clue["cost"]["questions_per_image"]);
    EXPECT_EQ(perImage["metrics"]["confusion"], clue["metrics"]["confusion"]);
    EXPECT_GT(perImage["cost"]["questions_per_image"].get<double>(),
              clue["cost"]["questions_per_image"].get<double>() +
                  0.9 * clue["cost"]["predicates_per_image"].get<double>())
        << "one more question per predicate asked";
    EXPECT_LT(variant(r, "no-debias")["metrics"]["f1"]["value"].get<double>(),
              clue["metrics"]["f1"]["value"].get<double>() - 0.1);
    EXPECT_EQ(variant(r, "no-cascade")["cost"]["escalations_per_image"], 0.0);
    EXPECT_GT(clue["cost"]["escalations_per_image"], 0.0);
    const json& direct = variant(r, "direct");
    EXPECT_EQ(direct["cost"]["questions_per_image"], 14.0) << "one question per rule";
    EXPECT_EQ(direct["cost"]["escalations_per_image"], 0.0);
    EXPECT_LT(direct["metrics"]["f1"]["value"].get<double>(),
              clue["metrics"]["f1"]["value"].get<double>());
    EXPECT_GT(stats()["statements"].size(), 34u) << "the rules' texts were asked too";

    test::TempDir out;
    const auto file = out.write("report.json", r.dump());
    const auto check = test::runProcess(
        {"/usr/bin/python3", std::string(CLUE_SOURCE_DIR) + "/tests/tools/validate_json.py",
         std::string(CLUE_SOURCE_DIR) + "/docs/eval.schema.json", file.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}

TEST_F(EvalE2eTest, PerturbedCopiesAreRecognisedByTheSimulator) {
    serve();
    const json r = eval(concat(backend(), {"--no-cache", "--perturb", "gaussian:0.01,jpeg:30",
                                           "--work-dir", dir_.path().string()}));
    ASSERT_GE(r["robustness"].size(), 2u);
    const json* gaussian = nullptr;
    const json* jpeg = nullptr;
    for (const json& row : r["robustness"]) {
        if (row["category"].is_null()) {
            (row["perturbation"] == "gaussian:0.01" ? gaussian : jpeg) = &row;
        }
    }
    ASSERT_TRUE(gaussian && jpeg);
    const int right =
        r["summary"]["confusion"]["tp"].get<int>() + r["summary"]["confusion"]["tn"].get<int>();
    EXPECT_EQ((*gaussian)["images"], right) << "every correctly judged image, perturbed";
    EXPECT_EQ((*gaussian)["judged"], right);
    EXPECT_EQ((*gaussian)["errors"], 0);
    EXPECT_GE((*gaussian)["robust_accuracy"].get<double>(), 0.9);
    EXPECT_GE((*jpeg)["flipped"].get<int>(), (*gaussian)["flipped"].get<int>())
        << "heavier perturbations weaken the evidence more";
    EXPECT_GT(stats()["perturbed_images"].get<int>(), 0);
    EXPECT_EQ(stats()["unknown_images"], 0) << "every copy was recognised";
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
        EXPECT_NE(entry.path().filename().string().rfind("clue-eval-", 0), 0u)
            << "perturbed copies are removed";
    }
}

TEST_F(EvalE2eTest, AnInterruptedRunResumesFromTheCache) {
    // 40 images on a slow server (40 ms per answer, 2 slots): about 11 s in all.
    std::string firstForty;
    for (int i = 0; i < 40; ++i) {
        firstForty += corpus_->labels[std::size_t(i)].dump() + "\n";
    }
    const auto labels =
        corpus_->dir / "corpus" / ("forty-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream(labels) << firstForty;
    world_.setLatency(40, 2);
    serve();
    long answered = 0;
    for (int seconds : {3, 6, 12}) {
        auto killed = run(concat({"eval", corpus_->plan, labels.string()},
                                 concat(backend(), {"--cache", "cache.sqlite"})),
                          dir_.path(), std::chrono::seconds(seconds));
        ASSERT_TRUE(killed.timedOut) << "the run must be interrupted, not finish";
        answered = stats()["statuses"].value("200", 0L);
        if (answered > 0) {
            break;
        }
    }
    ASSERT_GT(answered, 0);
    sim::testing::httpPost(sim_->url("/sim/stats/reset"), "");
    const json resumed = eval(concat(backend(), {"--cache", "cache.sqlite"}), 0, labels.string());
    EXPECT_GT(resumed["cost"]["cache_hits"].get<long>(), 0) << "answers kept before the kill";
    EXPECT_LT(resumed["cost"]["calls"].get<long>(), resumed["cost"]["questions"].get<long>());
    EXPECT_EQ(stats()["requests"]["total"], resumed["cost"]["calls"]);

    world_.setLatency(0, 8);
    serve();
    const json fresh = eval(concat(backend(), {"--no-cache"}), 0, labels.string());
    EXPECT_EQ(verdicts(resumed), verdicts(fresh));
}

TEST_F(EvalE2eTest, MissingImagesAndBadRowsAreReportedNeverSafe) {
    std::string text;
    for (int i = 0; i < 10; ++i) {
        text += corpus_->labels[std::size_t(i)].dump() + "\n";
    }
    text += "{\"path\": \"images/missing.png\", \"label\": \"safe\"}\n";
    text += "{\"path\": \"images/00011.png\", \"label\": \"perhaps\"}\n";
    const auto labels = corpus_->dir / "corpus" / ("bad-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream(labels) << text;
    serve();
    const json failed = eval(concat(backend(), {"--no-cache"}), 2, labels.string());
    EXPECT_NE(lastErr_.find(labels.string() + ":12: label 'perhaps' in 'label' is neither"),
              std::string::npos)
        << lastErr_;
    const json r =
        eval(concat(backend(), {"--no-cache", "--bad-rows", "skip"}), 1, labels.string());
    EXPECT_NE(lastErr_.find("warning: " + labels.string() + ":12:"), std::string::npos);
    EXPECT_EQ(r["labels"]["skipped_rows"].size(), 1u);
    EXPECT_EQ(r["summary"]["images"], 11);
    EXPECT_EQ(r["summary"]["errors"], 1);
    EXPECT_EQ(r["errors"]["not-found"], 1);
    const json& c = r["summary"]["confusion"];
    EXPECT_EQ(c["tp"].get<int>() + c["fp"].get<int>() + c["tn"].get<int>() + c["fn"].get<int>(), 10)
        << "the missing image is not counted as safe";
}

TEST_F(EvalE2eTest, UnsafeBenchCsvWithACategoryMapAndTheHtmlReport) {
    std::string csv = "image,safety_label,category,source\n";
    int row = 0;
    for (const json& label : corpus_->labels) {
        const std::string category = label["category"].is_null()       ? (row % 2 ? "Hate" : "Spam")
                                     : label["category"] == "violence" ? "Violence"
                                                                       : "Sexual";
        csv += label["path"].get<std::string>() + "," +
               (label["label"] == "unsafe" ? "Unsafe" : "Safe") + "," + category + "," +
               (row++ % 3 ? "Laion5B" : "Lexica") + "\n";
    }
    const auto labels = corpus_->dir / "corpus" / ("bench-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(labels) << csv;
    const auto map = dir_.write("map.yaml", "Violence: violence\nSexual: sexual\nSpam: []\n");
    serve();
    const json r =
        eval(concat(backend(), {"--cache", "cache.sqlite", "--category-map", map.string()}), 0,
             labels.string());
    ASSERT_EQ(r["by_source"].size(), 2u);
    ASSERT_EQ(r["by_constitution_category"].size(), 2u);
    EXPECT_GT(r["by_constitution_category"][0]["positives"].get<int>(), 0);
    ASSERT_EQ(r["category_map"]["unmapped"].size(), 1u);
    EXPECT_EQ(r["category_map"]["unmapped"][0]["name"], "Hate");
    EXPECT_EQ(r["category_map"]["uncovered"][0]["name"], "Spam");

    // The HTML and the JSON of one evaluation: both score the same `clue judge` output.
    auto judged =
        run({"judge", corpus_->plan, "--manifest", labelsFile(), "--cache", "cache.sqlite",
             "--replay", "--model", "clue-sim", "--no-progress", "-o", "verdicts.jsonl"},
            dir_.path());
    ASSERT_EQ(judged.exitCode, 0) << judged.err;
    const std::vector<std::string> scoring = {"eval",           corpus_->plan, labels.string(),
                                              "--category-map", map.string(),  "--results",
                                              "verdicts.jsonl", "--bootstrap", "100"};
    auto html = run(concat(scoring, {"--format", "html", "-o", "report.html"}), dir_.path());
    ASSERT_EQ(html.exitCode, 0) << html.err;
    auto asJson = run(concat(scoring, {"--format", "json", "-o", "report.json"}), dir_.path());
    ASSERT_EQ(asJson.exitCode, 0) << asJson.err;
    EXPECT_EQ(nlohmann::json::parse(slurp(dir_ / "report.json"))["summary"], r["summary"]);
    test::ProcessOptions options;
    options.limit = std::chrono::seconds(180);
    const auto check = test::runProcess(
        {"/usr/bin/python3", std::string(CLUE_SOURCE_DIR) + "/tests/tools/check_html_report.py",
         (dir_ / "report.html").string(), (dir_ / "report.json").string()},
        options);
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
}

} // namespace
} // namespace clue::eval
