// The synthetic corpus of `clue-sim gen`: per image, a scenario (safe, borderline, unsafe), the
// truth of every statement of the constitution, the hard pairs, and the labels that follow
// from evaluating every rule on that truth (README, "The corpus generator").
#pragma once

#include "tests/sim/constitution_model.h"
#include "tests/sim/keyed_random.h"
#include "tests/sim/world.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clue::sim {

struct CorpusOptions {
    int images = 100;
    std::uint64_t seed = 0;
    double unsafeShare = 0.2;     // images made to violate one rule fully
    double borderlineShare = 0.3; // images that satisfy all steps of one rule's chain but one
    double hardShare = 0.1;       // of the statements an image's rule asks, those made hard
    int side = 32;                // image side in pixels
    // Of the constitution's statements (not the rules' texts): those given a strong language
    // prior (0.85 to 0.95), and those whose answers are noisy (noise 2.5 logits).
    double biasedShare = 0;
    double noisyShare = 0;
};

enum class Scenario { Safe, Borderline, Unsafe };
const char* scenarioName(Scenario scenario);

struct CorpusImage {
    int index = 0;
    std::string path; // relative to the output directory: images/NNNNN.png
    std::string png;
    std::string sha256;
    Scenario scenario = Scenario::Safe;
    std::string targetRule; // the rule a borderline or unsafe image was built around
    Assignment truth;
    std::set<std::string> hard;
    std::vector<std::string> violated; // rule ids, in source order
    std::string category;              // of the first violated rule; empty when safe
};

class CorpusGenerator {
public:
    CorpusGenerator(const ConstitutionModel& model, const CorpusOptions& options);

    CorpusImage image(int index) const;
    // The world of these images: the constitution's statements with priors, each image's truth
    // and hard pairs, and each rule's full text as a statement of its own (for a model asked the
    // rule directly): true where the rule is violated, hard on the near misses built around it.
    World world(const std::vector<CorpusImage>& images) const;

private:
    Scenario scenarioOf(int index) const;
    Assignment background(int index, int attempt) const;
    Assignment sampleTruth(const CorpusImage& image, const ConstitutionRule& rule,
                           int attempt) const;
    void label(CorpusImage& image) const;
    std::set<std::string> hardPairs(const CorpusImage& image, const ConstitutionRule* rule) const;
    double priorOf(const std::string& statement, const ConstitutionStatement& s) const;
    StatementBehaviour behaviourOf(const std::string& key, const std::string& text,
                                   std::optional<double> prior) const;
    void addRuleStatements(World& w, const std::vector<CorpusImage>& images) const;

    const ConstitutionModel& model_;
    CorpusOptions options_;
    KeyedRandom random_;
};

} // namespace clue::sim
