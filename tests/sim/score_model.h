// The simulated model's P(Yes) for a statement about an image (README, "The score model").
#pragma once

#include "tests/sim/image_matcher.h"
#include "tests/sim/keyed_random.h"
#include "tests/sim/world.h"

#include <string>

namespace clue::sim {

// What the world says about one (image, statement) pair.
struct Facts {
    bool known = false;  // the image is in the world
    bool truth = false;  // the content is visible
    bool hard = false;   // the score lands in the undecided band
    bool region = false; // visible but off-centre: the score is weak, the masked variant low
};

// CLUE's undecided band for prior p0: M in [0.7 p0, 0.8 + 0.2 p0] is neither "not satisfied"
// (M - p0 < -0.3 p0) nor "satisfied" (M - p0 > 0.8 (1 - p0)).
struct UndecidedBand {
    double lo = 0;
    double hi = 1;
    static UndecidedBand forPrior(double prior) { return {0.7 * prior, 0.8 + 0.2 * prior}; }
};

class ScoreModel {
public:
    explicit ScoreModel(const World& world) : world_(world), random_(world.seed) {}

    // M(None, c): the statement's language prior.
    double prior(const std::string& statement) const;
    // M(x, c) = P(Yes) / (P(Yes) + P(No)) for the image seen. A perturbed copy of a known image
    // takes the known image's facts and draws, its evidence weakened by evidenceWeight() and
    // noise added in proportion to the distance (README, "Perturbed images").
    double yesProbability(const SeenImage& image, const std::string& statement) const;
    Facts facts(const SeenImage& image, const std::string& statement) const;
    // The same for the image with this SHA-256, as the world lists it (or an unknown one).
    double yesProbability(const std::string& imageSha, const std::string& statement) const;
    Facts facts(const std::string& imageSha, const std::string& statement) const;

    // 1 for a known image, falling linearly to 0 at the perturbation's max_distance.
    double evidenceWeight(double distance) const;
    // The image with this SHA-256 as the world lists it (facts null when it does not).
    SeenImage byHash(const std::string& imageSha) const;

private:
    Facts maskedFacts(const ImageFacts& image, const std::string& statement) const;
    Facts ownFacts(const ImageFacts& image, const std::string& statement) const;
    bool drawn(const std::string& imageSha, const std::string& statement, const char* what,
               double share) const;

    const World& world_;
    KeyedRandom random_;
};

} // namespace clue::sim
