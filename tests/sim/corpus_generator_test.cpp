// Tests of the corpus generator: files, determinism, scenario shares, labels that follow the
// rules, and a corpus on which the debiased CLUE decisions beat the naive reading.
#include "common/sha256.h"
#include "common/statement.h"
#include "compiler/sema/program_loader.h"
#include "tests/sim/constitution_model.h"
#include "tests/sim/corpus_generator.h"
#include "tests/sim/reasoning_writer.h"
#include "tests/sim/score_model.h"
#include "tests/sim/testing/sim_process.h"
#include "tests/sim/testing/temp_dir.h"
#include "tests/sim/world_loader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace clue::sim;
using namespace clue::sim::testing;

namespace {

const std::string osBench = std::string(CLUE_STDLIB_RULES) + "/os-bench.clue";

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<nlohmann::json> readLabels(const std::filesystem::path& path) {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        out.push_back(nlohmann::json::parse(line));
    }
    return out;
}

struct LoadedProgram {
    clue::SourceManager sources;
    clue::DiagnosticEngine diags;
    std::unique_ptr<clue::Program> program;

    explicit LoadedProgram(const std::string& path) {
        program = clue::loadProgram({path}, sources, diags);
    }
};

// os-bench.clue, loaded, and its generator model.
class OsBenchCorpus : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(loaded.program); }
    CorpusGenerator generator(std::uint64_t seed) {
        model = std::make_unique<ConstitutionModel>(*loaded.program);
        options.seed = seed;
        return CorpusGenerator(*model, options);
    }

    LoadedProgram loaded{osBench};
    std::unique_ptr<ConstitutionModel> model;
    CorpusOptions options;
};

int gen(const TempDir& dir, const std::string& out, int images, int seed, std::string& output) {
    return runSim({"gen", "--constitution", osBench, "--images", std::to_string(images), "--seed",
                   std::to_string(seed), "--out", (dir.path() / out).string()},
                  output);
}

} // namespace

TEST(CorpusGenerator, WritesDistinctImagesAWorldAndLabels) {
    TempDir dir;
    std::string output;
    ASSERT_EQ(gen(dir, "corpus", 120, 3, output), 0) << output;
    EXPECT_NE(output.find("wrote 120 images"), std::string::npos) << output;
    const auto labels = readLabels(dir.path() / "corpus/labels.jsonl");
    ASSERT_EQ(labels.size(), 120u);
    const World world = loadWorldFile((dir.path() / "corpus/world.yaml").string());
    EXPECT_EQ(world.images.size(), 120u);
    std::set<std::string> hashes;
    for (const nlohmann::json& label : labels) {
        const std::string png = readFile(dir.path() / "corpus" / label["path"].get<std::string>());
        ASSERT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
        EXPECT_EQ(clue::sha256Hex(png), label["sha256"]);
        hashes.insert(label["sha256"].get<std::string>());
        const ImageFacts* facts = world.image(label["sha256"]);
        ASSERT_NE(facts, nullptr);
        EXPECT_EQ(facts->file, label["path"]);
        EXPECT_EQ(label["label"] == "unsafe", !label["violated"].empty());
        EXPECT_EQ(label["category"].is_null(), label["violated"].empty());
    }
    EXPECT_EQ(hashes.size(), 120u);
    LoadedProgram loaded(osBench);
    ASSERT_TRUE(loaded.program);
    for (const auto& [name, predicate] : loaded.program->predicates) {
        EXPECT_EQ(world.statements.count(clue::normalizeStatement(predicate->statement.value())),
                  1u)
            << name;
    }
}

TEST(CorpusGenerator, SameSeedSameCorpusAnotherSeedAnother) {
    TempDir dir;
    std::string output;
    ASSERT_EQ(gen(dir, "a", 40, 7, output), 0) << output;
    ASSERT_EQ(gen(dir, "b", 40, 7, output), 0) << output;
    ASSERT_EQ(gen(dir, "c", 40, 8, output), 0) << output;
    for (const char* file : {"world.yaml", "labels.jsonl", "images/00017.png"}) {
        EXPECT_EQ(readFile(dir.path() / "a" / file), readFile(dir.path() / "b" / file)) << file;
        EXPECT_NE(readFile(dir.path() / "a" / file), readFile(dir.path() / "c" / file)) << file;
    }
}

TEST(CorpusGenerator, RefusesANonEmptyDirectoryAndReportsBadConstitutions) {
    TempDir dir;
    dir.write("full/keep.txt", "mine");
    std::string output;
    EXPECT_EQ(gen(dir, "full", 5, 1, output), 2);
    EXPECT_NE(output.find("exists and is not empty"), std::string::npos) << output;
    EXPECT_EQ(readFile(dir.path() / "full/keep.txt"), "mine");
    const auto bad = dir.write("bad.clue", "predicate p : \"x\"\nrule r \"text\" when q\n");
    EXPECT_EQ(runSim({"gen", "--constitution", bad.string(), "--images", "3", "--out",
                      (dir.path() / "out").string()},
                     output),
              1);
    EXPECT_NE(output.find("bad.clue:2:"), std::string::npos) << output;
}

TEST_F(OsBenchCorpus, LabelsFollowTheRulesAndScenariosHaveTheirShares) {
    const CorpusGenerator corpus = generator(5);
    const int count = 1000;
    int unsafe = 0, borderline = 0, nearMisses = 0;
    for (int i = 1; i <= count; ++i) {
        const CorpusImage image = corpus.image(i);
        const auto& rules = model->rules();
        const auto target = std::find_if(rules.begin(), rules.end(),
                                         [&](const auto& r) { return r.id == image.targetRule; });
        if (image.scenario == Scenario::Unsafe) {
            ++unsafe;
            ASSERT_NE(target, rules.end());
            EXPECT_TRUE(model->violated(*target, image.truth));
        } else {
            EXPECT_TRUE(image.violated.empty()) << i;
        }
        if (image.scenario == Scenario::Borderline) {
            ++borderline;
            int stepsTrue = 0;
            for (const auto& step : target->when->children) {
                stepsTrue += model->holds(*step, image.truth) ? 1 : 0;
            }
            nearMisses += stepsTrue == static_cast<int>(target->when->children.size()) - 1;
        }
    }
    EXPECT_NEAR(unsafe / double(count), options.unsafeShare, 0.04);
    EXPECT_NEAR(borderline / double(count), options.borderlineShare, 0.04);
    EXPECT_GE(nearMisses, borderline * 9 / 10); // all steps but one hold
}

// Each rule's full text is a statement of the world, for a model asked the rule directly: true
// where the rule is violated, hard on the near misses built around it, and noisier.
TEST_F(OsBenchCorpus, RuleTextsAreStatementsOfTheirOwn) {
    const CorpusGenerator corpus = generator(5);
    std::vector<CorpusImage> images;
    for (int i = 1; i <= 200; ++i) {
        images.push_back(corpus.image(i));
    }
    const World world = corpus.world(images);
    std::map<std::string, std::string> textOf;
    for (const ConstitutionRule& rule : model->rules()) {
        const std::string key = clue::normalizeStatement(rule.text);
        textOf[rule.id] = key;
        ASSERT_EQ(world.statements.count(key), 1u) << rule.id;
        EXPECT_EQ(world.statements.at(key).noise, 1.0);
    }
    int nearMisses = 0;
    for (const CorpusImage& image : images) {
        const ImageFacts& facts = *world.image(image.sha256);
        for (const ConstitutionRule& rule : model->rules()) {
            const bool violated = std::find(image.violated.begin(), image.violated.end(),
                                            rule.id) != image.violated.end();
            EXPECT_EQ(facts.trueStatements.count(textOf[rule.id]) > 0, violated) << rule.id;
        }
        if (image.scenario == Scenario::Borderline) {
            EXPECT_EQ(facts.hardStatements.count(textOf[image.targetRule]), 1u);
            ++nearMisses;
        }
    }
    EXPECT_GT(nearMisses, 0);
}

// --biased and --noisy single out shares of the statements; without them the world is as before.
TEST_F(OsBenchCorpus, BiasedAndNoisyStatementsTakeTheirShares) {
    options.biasedShare = 0.3;
    options.noisyShare = 0.3;
    const CorpusGenerator corpus = generator(5);
    const World world = corpus.world({});
    int biased = 0, noisy = 0, plain = 0;
    for (const auto& [key, s] : model->statements()) {
        const StatementBehaviour& b = world.statements.at(key);
        biased += b.prior >= 0.85 && b.prior <= 0.95 ? 1 : 0;
        noisy += b.noise == 2.5 ? 1 : 0;
        plain += b.noise == 0.8 ? 1 : 0;
    }
    const double n = double(model->statements().size());
    EXPECT_NEAR(biased / n, 0.3, 0.15);
    EXPECT_NEAR(noisy / n, 0.3, 0.15);
    EXPECT_GT(plain, 0);

    options.biasedShare = 0;
    options.noisyShare = 0;
    for (const auto& [key, b] : generator(5).world({}).statements) {
        EXPECT_LE(b.noise, 1.0) << key;
    }
}

TEST(CorpusGenerator, RuleEvaluationFollowsTheFormula) {
    TempDir dir;
    const auto file = dir.write("r.clue", "predicate a : \"a is visible\"\n"
                                          "predicate b : \"b is visible\"\n"
                                          "predicate d : \"d is visible\"\n"
                                          "rule r \"r\" when a and (b or \"c is visible\") "
                                          "unless d\n");
    LoadedProgram loaded(file.string());
    ASSERT_TRUE(loaded.program);
    const ConstitutionModel model(*loaded.program);
    ASSERT_EQ(model.rules().size(), 1u);
    EXPECT_EQ(model.statements().size(), 4u);
    for (int bits = 0; bits < 16; ++bits) {
        Assignment truth;
        const bool a = bits & 1, b = bits & 2, c = bits & 4, d = bits & 8;
        for (auto [on, s] : {std::pair{a, "a is visible"},
                             {b, "b is visible"},
                             {c, "c is visible"},
                             {d, "d is visible"}}) {
            if (on) {
                truth.insert(s);
            }
        }
        EXPECT_EQ(model.violated(model.rules()[0], truth), a && (b || c) && !d) << bits;
    }
}

// The point of the simulator's score model: on a generated corpus, judging each rule's chain
// with CLUE's debiased thresholds (and the chain-of-thought when undecided) labels images better
// than reading P(Yes) > 0.5.
TEST_F(OsBenchCorpus, DebiasedJudgingBeatsTheNaiveReadingOnTheCorpus) {
    const CorpusGenerator corpus = generator(9);
    std::vector<CorpusImage> images;
    for (int i = 1; i <= 600; ++i) {
        images.push_back(corpus.image(i));
    }
    const World world = corpus.world(images);
    const ScoreModel scores(world);
    const ReasoningWriter reasoning(world, scores);
    int debiasedRight = 0, naiveRight = 0;
    for (const CorpusImage& image : images) {
        Assignment debiased, naive;
        for (const auto& [statement, behaviour] : world.statements) {
            const double m = scores.yesProbability(image.sha256, statement);
            const double p0 = behaviour.prior;
            const bool no = m - p0<-0.3 * p0, yes = m - p0> 0.8 * (1 - p0);
            if (yes || (!no && reasoning.conclusion(image.sha256, statement))) {
                debiased.insert(statement);
            }
            if (m > 0.5) {
                naive.insert(statement);
            }
        }
        auto unsafeUnder = [&](const Assignment& truth) {
            return std::any_of(model->rules().begin(), model->rules().end(),
                               [&](const auto& r) { return model->violated(r, truth); });
        };
        const bool unsafe = !image.violated.empty();
        debiasedRight += unsafeUnder(debiased) == unsafe;
        naiveRight += unsafeUnder(naive) == unsafe;
    }
    std::printf("corpus of 600: debiased accuracy %.3f, naive %.3f\n", debiasedRight / 600.0,
                naiveRight / 600.0);
    EXPECT_GT(debiasedRight, naiveRight);
    EXPECT_GE(debiasedRight, 600 * 9 / 10);
}
