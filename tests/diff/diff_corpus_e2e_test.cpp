// `clue diff` on a corpus, end to end against clue-sim: a corpus generated for the NEW gallery
// rules, judged with OLD's plan to fill the score cache; then the diff replays both plans on the
// cache (asking nothing), asks exactly what the cache lacks with --endpoint, and agrees with
// `clue judge` of each plan. Exit codes, --results, and the HTML in Chromium with thumbnails.
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/sim_process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace clue {
namespace {

using nlohmann::json;
using testing::clue;
using ::testing::HasSubstr;
using testing::runCommand;
using testing::sourceDir;

class DiffCorpus : public ::testing::Test {
protected:
    void SetUp() override {
        std::string out;
        ASSERT_EQ(
            sim::testing::runSim({"gen", "--constitution", sourceDir() + "/examples/diff/new.clue",
                                  "--images", "24", "--seed", "3", "--out", path() + "/corpus"},
                                 out),
            0)
            << out;
        sim_ = std::make_unique<sim::testing::SimProcess>(path() + "/corpus/world.yaml");
        for (const char* side : {"old", "new"}) {
            auto r = clue({"compile", sourceDir() + "/examples/diff/" + side + ".clue", "-o",
                           std::string(side) + ".json"},
                          path());
            ASSERT_EQ(r.exitCode, 0) << r.err;
        }
        // OLD judged: the cache holds OLD's answers, and nothing about NEW's new statements.
        old_ = judge("old.json", "old.jsonl");
    }

    std::string path() const { return dir.path().string(); }
    std::vector<std::string> server() const {
        return {"--endpoint", sim_->url("/v1"), "--model", "clue-sim"};
    }

    std::map<std::string, std::string> judge(const std::string& plan, const std::string& out) {
        std::vector<std::string> args = {"judge", plan, "corpus/images", "--cache", "cache.sqlite",
                                         "-o",    out};
        auto s = server();
        args.insert(args.end(), s.begin(), s.end());
        auto r = clue(args, path());
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::map<std::string, std::string> verdicts;
        std::ifstream in(path() + "/" + out);
        for (std::string line; std::getline(in, line);) {
            json j = json::parse(line);
            verdicts[j["path"]] = j["verdict"];
        }
        return verdicts;
    }

    testing::CommandResult diff(std::vector<std::string> extra) {
        std::vector<std::string> args = {"diff",         "old.json", "new.json", "--cache",
                                         "cache.sqlite", "--model",  "clue-sim"};
        args.insert(args.end(), extra.begin(), extra.end());
        return clue(args, path());
    }

    json diffJson(std::vector<std::string> extra, int expectedExit = 2) {
        extra.insert(extra.end(), {"--format", "json"});
        auto r = diff(extra);
        EXPECT_EQ(r.exitCode, expectedExit) << r.err;
        return json::parse(r.out);
    }

    int requests() {
        return json::parse(sim::testing::httpGet(sim_->url("/sim/stats")).body)["requests"]["total"]
            .get<int>();
    }

    static std::set<std::string> paths(const json& images) {
        std::set<std::string> out;
        for (const json& i : images) {
            out.insert(i["path"]);
        }
        return out;
    }

    test::TempDir dir;
    std::unique_ptr<sim::testing::SimProcess> sim_;
    std::map<std::string, std::string> old_;
};

TEST_F(DiffCorpus, ReplayAsksNothingAndCountsWhatTheCacheLacks) {
    const int before = requests();
    json report = diffJson({"--images", "corpus/images"});
    EXPECT_EQ(requests(), before) << "a replay asks the model nothing";
    const json& c = report["corpus"];
    EXPECT_EQ(c["mode"], "replay");
    EXPECT_EQ(c["images"], 24);
    EXPECT_GT(c["counts"]["undecided"].get<int>(), 0);
    EXPECT_EQ(c["counts"]["failed"], 0);
    EXPECT_GT(c["missing"]["image_answers"].get<int>(), 0);
    // The priors of the statements OLD's plan never asked (gun, the reworded organs, and movie,
    // which OLD declares but no rule of OLD uses), once each.
    EXPECT_EQ(c["missing"]["priors"], 3);
    EXPECT_EQ(c["cost"]["calls"], 0);
    EXPECT_EQ(c["counts"]["to_unsafe"].get<int>() + c["counts"]["to_safe"].get<int>() +
                  c["counts"]["undecided"].get<int>() + c["counts"]["unchanged"].get<int>(),
              24);
}

TEST_F(DiffCorpus, EndpointAsksWhatIsMissingThenTheImpactIsExactAndAgreesWithJudge) {
    json replay = diffJson({"--images", "corpus/images"});
    const int before = requests();
    json asked = diffJson({"--images", "corpus/images", "--endpoint", sim_->url("/v1")});
    const int calls = requests() - before;
    EXPECT_EQ(asked["corpus"]["mode"], "asked");
    EXPECT_EQ(asked["corpus"]["cost"]["calls"], calls);
    EXPECT_GT(calls, 0);
    EXPECT_EQ(asked["corpus"]["counts"]["undecided"], 0);
    EXPECT_EQ(asked["corpus"]["counts"]["failed"], 0);

    // Now the cache holds everything: a replay decides every image the same way, asking nothing.
    const int afterAsking = requests();
    json again = diffJson({"--images", "corpus/images"});
    EXPECT_EQ(requests(), afterAsking);
    EXPECT_EQ(again["corpus"]["counts"], asked["corpus"]["counts"]);
    EXPECT_EQ(again["corpus"]["missing"]["calls"], 0);

    // The flips are what `clue judge` of each plan says, image by image.
    std::map<std::string, std::string> newVerdicts = judge("new.json", "new.jsonl");
    std::set<std::string> toUnsafe, toSafe;
    for (const auto& [image, verdict] : old_) {
        if (verdict != newVerdicts.at(image)) {
            (newVerdicts.at(image) == "unsafe" ? toUnsafe : toSafe).insert(image);
        }
    }
    EXPECT_EQ(paths(asked["corpus"]["to_unsafe"]), toUnsafe);
    EXPECT_EQ(paths(asked["corpus"]["to_safe"]), toSafe);
    EXPECT_FALSE(toUnsafe.empty()) << "the corpus has gunshot wounds, which NEW forbids";
    // Every rule tally adds up: gunfire, added, only fires.
    for (const json& rule : asked["corpus"]["rules"]) {
        if (rule["name"] == "gunfire") {
            EXPECT_EQ(rule["cleared"], 0);
            EXPECT_GE(rule["fired"].get<size_t>(), toUnsafe.size());
        }
    }
}

TEST_F(DiffCorpus, ResultsOfOldAreReadBackAndCheckedAgainstTheImages) {
    json fromImages = diffJson({"--images", "corpus/images", "--endpoint", sim_->url("/v1")});
    json fromResults = diffJson({"--results", "old.jsonl"});
    EXPECT_EQ(fromResults["corpus"]["counts"], fromImages["corpus"]["counts"]);
    EXPECT_EQ(paths(fromResults["corpus"]["to_unsafe"]), paths(fromImages["corpus"]["to_unsafe"]));

    // An image replaced since OLD judged it cannot be compared: exit 1, with the reason.
    std::ifstream in(path() + "/corpus/images/00002.png", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    dir.write("corpus/images/00001.png", bytes.str());
    json changed = diffJson({"--results", "old.jsonl"}, 1);
    ASSERT_EQ(changed["corpus"]["failed"].size(), 1u);
    EXPECT_THAT(changed["corpus"]["failed"][0]["problem"].get<std::string>(),
                HasSubstr("not the one OLD judged"));
    EXPECT_EQ(changed["summary"]["exit_code"], 1);
}

TEST_F(DiffCorpus, ExitCodesAndUsageErrors) {
    EXPECT_EQ(diff({"--images", "corpus/images"}).exitCode, 2);
    auto same = clue({"diff", "old.json", "old.json", "--cache", "cache.sqlite", "--model",
                      "clue-sim", "--images", "corpus/images"},
                     path());
    EXPECT_EQ(same.exitCode, 0) << same.err;
    EXPECT_THAT(same.out, HasSubstr("0 safe -> unsafe, 0 unsafe -> safe, 0 undecided, 0 failed, "
                                    "24 unchanged"));
    auto noCache = clue({"diff", "old.json", "new.json", "--cache", "missing/none.sqlite",
                         "--model", "clue-sim", "--images", "corpus/images"},
                        path());
    EXPECT_EQ(noCache.exitCode, 1);
    EXPECT_THAT(noCache.err, HasSubstr("none.sqlite"));
    auto both = diff({"--images", "corpus/images", "--results", "old.jsonl"});
    EXPECT_EQ(both.exitCode, 1);
    EXPECT_THAT(both.err, HasSubstr("--results names the images"));
    auto badResults = diff({"--results", "new.json"});
    EXPECT_EQ(badResults.exitCode, 1);
    EXPECT_THAT(badResults.err, HasSubstr("new.json:1: error:"));
    auto noImages = diff({"--images", "nowhere"});
    EXPECT_EQ(noImages.exitCode, 1) << noImages.out;
    auto deadServer = diff({"--images", "corpus/images", "--endpoint", "http://127.0.0.1:9/v1"});
    EXPECT_EQ(deadServer.exitCode, 1);
    EXPECT_THAT(deadServer.err, HasSubstr("nothing was asked"));
}

TEST_F(DiffCorpus, JsonFollowsTheSchemaAndHtmlShowsTheSameFiguresWithThumbnails) {
    dir.write("replay.json", diffJson({"--images", "corpus/images"}).dump());
    dir.write("asked.json",
              diffJson({"--images", "corpus/images", "--endpoint", sim_->url("/v1")}).dump());
    auto valid = runCommand({"/usr/bin/python3", sourceDir() + "/tests/tools/validate_json.py",
                             sourceDir() + "/docs/diff.schema.json", "replay.json", "asked.json"},
                            path());
    EXPECT_EQ(valid.exitCode, 0) << valid.out << valid.err;
    auto page = runCommand({"/usr/bin/python3", sourceDir() + "/tests/tools/check_diff_html.py",
                            CLUE_BINARY, "old.json", "new.json", "--images", "corpus/images",
                            "--cache", "cache.sqlite", "--model", "clue-sim", "--thumbnails"},
                           path());
    EXPECT_EQ(page.exitCode, 0) << page.out << page.err;
    EXPECT_THAT(page.out, HasSubstr("thumbnails"));
}

} // namespace
} // namespace clue
