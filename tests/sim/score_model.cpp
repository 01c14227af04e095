// The score model: a logit shift from the prior by the evidence, plus noise; hard and
// region-biased cases placed in the undecided band.
#include "tests/sim/score_model.h"

#include "common/statement.h"

#include <algorithm>
#include <cmath>

namespace clue::sim {
namespace {

constexpr double minProbability = 1e-6;

double logit(double p) {
    return std::log(p / (1.0 - p));
}
double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

bool contains(const std::set<std::string>& set, const std::string& key) {
    return set.find(key) != set.end();
}

} // namespace

double ScoreModel::prior(const std::string& statement) const {
    return world_.behaviour(statement).prior;
}

bool ScoreModel::drawn(const std::string& imageSha, const std::string& statement, const char* what,
                       double share) const {
    return share > 0 && random_.uniform({imageSha, statement, what}) < share;
}

Facts ScoreModel::ownFacts(const ImageFacts& image, const std::string& statement) const {
    Facts f;
    f.known = true;
    f.truth = contains(image.trueStatements, statement);
    f.hard = contains(image.hardStatements, statement);
    f.region = f.truth && contains(image.regionStatements, statement);
    return f;
}

// A masked variant shows what its original shows, except the statements whose central object
// was masked out: those read false.
Facts ScoreModel::maskedFacts(const ImageFacts& image, const std::string& statement) const {
    const std::string& object = world_.behaviour(statement).object;
    if (!object.empty() && normalizeStatement(object) == normalizeStatement(image.maskedObject)) {
        return Facts{true, false, false, false};
    }
    Facts f = ownFacts(image, statement);
    if (const ImageFacts* original = world_.image(image.maskedOf)) {
        const Facts inherited = ownFacts(*original, statement);
        f.truth = f.truth || inherited.truth;
        f.hard = f.hard || inherited.hard;
    }
    f.region = false;
    return f;
}

SeenImage ScoreModel::byHash(const std::string& imageSha) const {
    return SeenImage{imageSha, world_.image(imageSha), 0};
}

Facts ScoreModel::facts(const std::string& imageSha, const std::string& statement) const {
    return facts(byHash(imageSha), statement);
}

double ScoreModel::yesProbability(const std::string& imageSha, const std::string& statement) const {
    return yesProbability(byHash(imageSha), statement);
}

double ScoreModel::evidenceWeight(double distance) const {
    const double limit = world_.perturbation.maxDistance;
    return limit > 0 ? std::clamp(1.0 - distance / limit, 0.0, 1.0) : (distance > 0 ? 0.0 : 1.0);
}

Facts ScoreModel::facts(const SeenImage& seen, const std::string& statement) const {
    const ImageFacts* image = seen.facts;
    const std::string& imageSha = seen.identity();
    Facts f;
    if (image != nullptr) {
        f = image->maskedOf.empty() ? ownFacts(*image, statement) : maskedFacts(*image, statement);
    }
    const StatementBehaviour& b = world_.behaviour(statement);
    f.hard = f.hard || drawn(imageSha, statement, "hard", b.hard);
    f.region = f.region || (f.truth && image != nullptr && image->maskedOf.empty() &&
                            drawn(imageSha, statement, "region", b.regionBias));
    return f;
}

double ScoreModel::yesProbability(const SeenImage& seen, const std::string& statement) const {
    const StatementBehaviour& b = world_.behaviour(statement);
    const Facts f = facts(seen, statement);
    const std::string& imageSha = seen.identity();
    const UndecidedBand band = UndecidedBand::forPrior(b.prior);
    const double u = random_.uniform({imageSha, statement, "score-position"});
    if (f.hard) {
        return band.lo + (0.15 + 0.7 * u) * (band.hi - band.lo);
    }
    if (f.region) {
        return band.lo + (0.7 + 0.28 * u) * (band.hi - band.lo);
    }
    const double evidence =
        evidenceWeight(seen.distance) * (f.truth ? b.evidenceTrue : -b.evidenceFalse);
    double noise = b.noise * random_.normal({imageSha, statement, "score-noise"});
    if (seen.perturbed()) {
        noise += world_.perturbation.noisePerDistance * seen.distance *
                 random_.normal({seen.sha256, statement, "perturbation-noise"});
    }
    const double p = sigmoid(logit(b.prior) + evidence + noise);
    return std::clamp(p, minProbability, 1.0 - minProbability);
}

} // namespace clue::sim
