// Unit vectors with prescribed cosines: a shared axis carries the mean, each text's axis the
// deviation from it, and a last axis the rest of the unit length.
#include "tests/sim/embedding_space.h"

#include "common/statement.h"
#include "tests/sim/world_loader.h"

#include <algorithm>
#include <cmath>

namespace clue::sim {
namespace {

constexpr std::size_t kShared = 0;
constexpr std::size_t kUnlisted = 1;
constexpr std::size_t kFirstText = 2;
const double kRootTwo = std::sqrt(2.0);

} // namespace

EmbeddingSpace::EmbeddingSpace(const World& world)
    : defaultSimilarity_(world.embeddings.defaultSimilarity) {
    for (const auto& [sha, facts] : world.images) {
        for (const auto& [text, similarity] : facts.relevance) {
            axes_.emplace(text, 0);
        }
    }
    std::size_t next = kFirstText;
    for (auto& [text, axis] : axes_) {
        axis = next++;
    }
    unknownImage_ = image(nullptr);
    for (const auto& [sha, facts] : world.images) {
        images_.emplace(sha, image(&facts));
    }
}

double EmbeddingSpace::similarity(const ImageFacts* facts, const std::string& text) const {
    if (facts == nullptr) {
        return defaultSimilarity_;
    }
    const auto it = facts->relevance.find(text);
    return it == facts->relevance.end() ? defaultSimilarity_ : it->second;
}

std::vector<float> EmbeddingSpace::text(const std::string& text) const {
    std::vector<float> out(dimensions(), 0.0f);
    const auto it = axes_.find(normalizeStatement(text));
    out[kShared] = static_cast<float>(1 / kRootTwo);
    out[it == axes_.end() ? kUnlisted : it->second] = static_cast<float>(1 / kRootTwo);
    return out;
}

std::vector<float> EmbeddingSpace::image(const ImageFacts* facts) const {
    if (facts != nullptr) {
        if (auto it = images_.find(facts->sha256); it != images_.end()) {
            return it->second;
        }
    } else if (!unknownImage_.empty()) {
        return unknownImage_;
    }
    std::vector<std::pair<std::size_t, double>> targets = {{kUnlisted, defaultSimilarity_}};
    for (const auto& [text, axis] : axes_) {
        targets.emplace_back(axis, similarity(facts, text));
    }
    double sum = 0;
    for (const auto& [axis, s] : targets) {
        sum += s;
    }
    // The shared component that makes the vector shortest: gamma = sqrt 2 * sum / (n + 1).
    const double gamma =
        std::clamp(kRootTwo * sum / static_cast<double>(targets.size() + 1), -1.0, 1.0);
    std::vector<double> out(dimensions(), 0.0);
    out[kShared] = gamma;
    double norm = gamma * gamma;
    for (const auto& [axis, s] : targets) {
        out[axis] = kRootTwo * s - gamma;
        norm += out[axis] * out[axis];
    }
    if (norm > 1 + 1e-9) {
        throw WorldError("image " + (facts ? facts->sha256 : std::string("(unknown)")) +
                         ": its relevance similarities cannot all hold in one embedding space "
                         "(they spread too far around their mean over " +
                         std::to_string(targets.size()) + " texts); bring them closer together");
    }
    out.back() = std::sqrt(std::max(0.0, 1 - norm));
    return {out.begin(), out.end()};
}

} // namespace clue::sim
