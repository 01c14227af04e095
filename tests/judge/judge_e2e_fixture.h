// The fixture of the end-to-end tests of `clue judge` and `clue calibrate` against clue-sim: a
// corpus that `clue-sim gen` writes for stdlib-rules/os-bench.clue and its plan (`clue compile
// -O2`), made once per test suite, a simulator per test on a world the test may change, and the
// `clue` runs.
#pragma once

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
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace clue::runtime {

using nlohmann::json;
using sim::testing::SimProcess;

inline constexpr int kImages = 120;

struct Corpus {
    test::TempDir dir;
    std::map<std::string, json> labels; // by sha256
    std::string plan;                   // -O2, uncalibrated
};

// Runs `clue ARGS...` in `cwd`, with no settings from the environment.
inline test::ProcessResult clue(const std::vector<std::string>& args,
                                const std::filesystem::path& cwd) {
    return test::runClue(args, cwd);
}

inline std::vector<json> jsonLines(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(json::parse(line));
    }
    return out;
}

class JudgeE2eTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        corpus_ = std::make_unique<Corpus>();
        const auto& dir = corpus_->dir.path();
        const test::OsBenchCorpus generated = test::generateOsBenchCorpus(dir, kImages);
        for (const json& label : generated.labels) {
            corpus_->labels[label["sha256"]] = label;
        }
        corpus_->plan = generated.plan.string();
    }
    static void TearDownTestSuite() { corpus_.reset(); }

    void SetUp() override {
        ASSERT_TRUE(corpus_ && !corpus_->plan.empty()) << "the corpus could not be prepared";
        world_ = test::SimWorld::load(corpus_->dir / "corpus" / "world.yaml");
        world_.setReasoningErrorRate(0);
        useRequestTimeout(30);
    }

    // Fast retries, so that fault tests take seconds; `seconds` per attempt.
    void useRequestTimeout(double seconds) {
        dir_.write("clue.yaml", "backend:\n"
                                "  timeouts: {request_s: " +
                                    std::to_string(seconds) +
                                    "}\n"
                                    "  retries: {max_attempts: 3, backoff_base_ms: 1, "
                                    "backoff_max_ms: 5, retry_after_cap_s: 0.01}\n");
    }

    // Starts the simulator on the current world.
    void serve() {
        world_.save(dir_ / "world.yaml");
        sim_ = std::make_unique<SimProcess>((dir_ / "world.yaml").string());
    }

    json stats() { return json::parse(sim::testing::httpGet(sim_->url("/sim/stats")).body); }
    void resetStats() { sim::testing::httpPost(sim_->url("/sim/stats/reset"), ""); }

    // `clue calibrate` of the corpus's plan on the running simulator; returns the new plan.
    std::string calibrate() {
        auto r = clue({"calibrate", corpus_->plan, "--endpoint", sim_->url("/v1"), "--model",
                       "clue-sim", "--no-cache", "-o", "calibrated.json"},
                      dir_.path());
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return (dir_ / "calibrated.json").string();
    }

    // Judges the whole corpus (its manifest) with `extra` flags; returns the JSON lines.
    std::vector<json> judge(const std::vector<std::string>& extra, int expectedExit = 0,
                            const std::string& plan = "") {
        std::vector<std::string> inputs = {"--manifest",
                                           (corpus_->dir / "corpus" / "labels.jsonl").string()};
        return judgeInputs(inputs, extra, expectedExit, kImages, plan);
    }

    // Judges the corpus's first `count` images.
    std::vector<json> judgeFirst(int count, const std::vector<std::string>& extra, int expectedExit,
                                 const std::string& plan = "") {
        std::vector<std::string> inputs;
        for (int i = 1; i <= count; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "%05d.png", i);
            inputs.push_back((corpus_->dir / "corpus" / "images" / name).string());
        }
        return judgeInputs(inputs, extra, expectedExit, count, plan);
    }

    std::vector<json> judgeInputs(const std::vector<std::string>& inputs,
                                  const std::vector<std::string>& extra, int expectedExit,
                                  int expectedLines, const std::string& plan) {
        std::vector<std::string> args = {"judge", plan.empty() ? corpus_->plan : plan};
        args.insert(args.end(), inputs.begin(), inputs.end());
        for (const std::string& a : {std::string("--endpoint"), sim_->url("/v1"),
                                     std::string("--model"), std::string("clue-sim"),
                                     std::string("--concurrency"), std::to_string(concurrency_)}) {
            args.push_back(a);
        }
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = clue(args, dir_.path());
        EXPECT_EQ(r.exitCode, expectedExit) << r.err;
        lastErr_ = r.err;
        auto lines = jsonLines(r.out);
        EXPECT_EQ(lines.size(), static_cast<size_t>(expectedLines)) << r.err;
        return lines;
    }

    static const json& label(const json& result) { return corpus_->labels.at(result["sha256"]); }

    static double accuracy(const std::vector<json>& results) {
        int right = 0;
        for (const json& r : results) {
            right += r["verdict"] == label(r)["label"] ? 1 : 0;
        }
        return static_cast<double>(right) / static_cast<double>(results.size());
    }

    inline static std::unique_ptr<Corpus> corpus_;
    test::TempDir dir_;
    test::SimWorld world_;
    std::unique_ptr<SimProcess> sim_;
    int concurrency_ = 16;
    std::string lastErr_;
};

} // namespace clue::runtime
