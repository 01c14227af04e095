// Calibration over HTTP: over many images, the mean M(x, c) read from the answers' top logprobs
// (as the runtime reads them) follows the world's prior and evidence, and M(None, c) is the prior.
#include "common/sha256.h"
#include "compiler/sema/program_loader.h"
#include "tests/sim/corpus_writer.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/testing/chat_prompts.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/local_sim.h"
#include "tests/sim/testing/temp_dir.h"
#include "tests/sim/world_loader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

using namespace clue::sim;
using namespace clue::sim::testing;
using json = nlohmann::ordered_json;

namespace {

constexpr int imageCount = 300;

struct Statement {
    std::string text;
    double prior;
};

const std::vector<Statement> statements = {
    {"a person is visible", 0.7}, {"fire is visible", 0.05}, {"blood is visible", 0.3}};

// Odd images show every statement.
std::string world() {
    std::string yaml = "seed: 17\nlatency: {slots: 8}\nstatements:\n";
    for (const Statement& s : statements) {
        yaml += "  - {statement: " + s.text + ", prior: " + std::to_string(s.prior) + "}\n";
    }
    yaml += "images:\n";
    for (int i = 0; i < imageCount; ++i) {
        yaml += "  - sha256: " + clue::sha256Hex(syntheticPng(2, i)) + "\n";
        yaml += i % 2 ? "    true: [a person is visible, fire is visible, blood is visible]\n" : "";
    }
    return yaml;
}

// README, "The score model": E[sigmoid(logit(p0) + shift + noise Z)] with the default evidence
// (+6 when visible, -2 when not) and noise 0.8.
double expectedMean(double prior, bool visible) {
    const double base = std::log(prior / (1 - prior)) + (visible ? 6.0 : -2.0);
    double sum = 0;
    const int steps = 4000;
    const double h = 16.0 / steps;
    for (int k = 0; k <= steps; ++k) {
        const double z = -8 + k * h;
        sum += (k == 0 || k == steps ? 0.5 : 1.0) * std::exp(-z * z / 2) /
               std::sqrt(2 * std::numbers::pi) / (1 + std::exp(-(base + 0.8 * z)));
    }
    return sum * h;
}

} // namespace

TEST(Calibration, MeanScoresFollowTheWorldAndPriorsAreExact) {
    LocalSim sim(world());
    for (const Statement& s : statements) {
        EXPECT_NEAR(yesShare(sim.chat(yesNoRequest("", s.text))), s.prior, 1e-6) << s.text;
        std::vector<std::string> bodies;
        for (int i = 0; i < imageCount; ++i) {
            bodies.push_back(yesNoRequest(syntheticPng(2, i), s.text).dump());
        }
        const auto answers = httpPostAll(sim.url("/v1/chat/completions"), bodies);
        double sums[2] = {0, 0};
        for (int i = 0; i < imageCount; ++i) {
            ASSERT_EQ(answers[i].status, 200);
            sums[i % 2] += yesShare(json::parse(answers[i].body));
        }
        const double half = imageCount / 2.0;
        EXPECT_NEAR(sums[1] / half, expectedMean(s.prior, true), 0.02) << s.text;
        EXPECT_NEAR(sums[0] / half, expectedMean(s.prior, false), 0.02) << s.text;
    }
    EXPECT_EQ(sim.stats()["requests"]["yesno"], imageCount * 3);
}

// The same over a corpus written by the generator for os-bench.clue: every statement of every
// image, hard pairs aside, averaged over the pairs that are visible and over those that are not;
// the expected means average the formula over the same pairs' priors.
TEST(Calibration, GeneratedCorpusScoresFollowItsWorld) {
    clue::SourceManager sources;
    clue::DiagnosticEngine diags;
    const auto program =
        clue::loadProgram({std::string(CLUE_STDLIB_RULES) + "/os-bench.clue"}, sources, diags);
    ASSERT_TRUE(program);
    TempDir dir;
    CorpusOptions options;
    options.images = 150;
    options.seed = 4;
    writeCorpus(ConstitutionModel(*program), options, dir.path() / "corpus");
    std::ifstream in(dir.path() / "corpus/world.yaml");
    std::ostringstream yaml;
    yaml << in.rdbuf();
    const World world = parseWorld(yaml.str(), "world.yaml");
    LocalSim sim(yaml.str());

    std::vector<std::string> bodies;
    std::vector<std::pair<bool, double>> pairs; // visible, prior
    for (const auto& [sha, facts] : world.images) {
        const std::string png = [&] {
            std::ifstream file(dir.path() / "corpus" / facts.file, std::ios::binary);
            std::ostringstream bytes;
            bytes << file.rdbuf();
            return bytes.str();
        }();
        for (const auto& [statement, behaviour] : world.statements) {
            if (facts.hardStatements.count(statement) == 0) {
                bodies.push_back(yesNoRequest(png, statement).dump());
                pairs.emplace_back(facts.trueStatements.count(statement) > 0, behaviour.prior);
            }
        }
    }
    double measured[2] = {0, 0}, expected[2] = {0, 0};
    int counts[2] = {0, 0};
    const std::size_t batch = 400;
    for (std::size_t start = 0; start < bodies.size(); start += batch) {
        const std::vector<std::string> chunk(
            bodies.begin() + start, bodies.begin() + std::min(bodies.size(), start + batch));
        const auto answers = httpPostAll(sim.url("/v1/chat/completions"), chunk);
        for (std::size_t k = 0; k < answers.size(); ++k) {
            ASSERT_EQ(answers[k].status, 200);
            const auto [visible, prior] = pairs[start + k];
            measured[visible] += yesShare(json::parse(answers[k].body));
            expected[visible] += expectedMean(prior, visible);
            counts[visible] += 1;
        }
    }
    ASSERT_GT(counts[1], 200);
    for (int visible : {0, 1}) {
        EXPECT_NEAR(measured[visible] / counts[visible], expected[visible] / counts[visible], 0.01)
            << (visible ? "visible" : "not visible") << " over " << counts[visible] << " pairs";
    }
}
