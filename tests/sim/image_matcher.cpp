// Exact matches by hash, perturbed copies by the nearest fingerprint.
#include "tests/sim/image_matcher.h"

#include <fstream>
#include <limits>
#include <sstream>

namespace clue::sim {
namespace {

constexpr std::size_t kMaxRemembered = 65536;

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return in ? bytes.str() : std::string();
}

} // namespace

void ImageMatcher::fingerprintWorld() const {
    fingerprinted_ = true;
    for (const auto& [sha, facts] : world_.images) {
        if (facts.file.empty() || !facts.maskedOf.empty()) {
            continue;
        }
        if (auto print = fingerprintOf(readFile(world_.directory / facts.file))) {
            known_.emplace_back(*print, &facts);
        }
    }
}

SeenImage ImageMatcher::nearest(const std::string& sha256, std::string_view bytes) const {
    SeenImage seen{sha256, nullptr, 0};
    const auto print = fingerprintOf(bytes);
    if (!print) {
        return seen;
    }
    double best = std::numeric_limits<double>::infinity();
    for (const auto& [known, facts] : known_) {
        const double d = fingerprintDistance(*print, known);
        // Ties go to the smaller hash, so the answer does not depend on the map's order.
        if (d < best || (d == best && seen.facts && facts->sha256 < seen.facts->sha256)) {
            best = d;
            seen.facts = facts;
        }
    }
    if (seen.facts == nullptr || best > world_.perturbation.maxDistance) {
        return SeenImage{sha256, nullptr, 0};
    }
    // A copy identical in fingerprint still differs in bytes: keep it apart from the original.
    seen.distance = std::max(best, 1e-9);
    return seen;
}

SeenImage ImageMatcher::see(const std::string& sha256, std::string_view bytes) const {
    if (sha256.empty()) {
        return {};
    }
    if (const ImageFacts* facts = world_.image(sha256)) {
        return {sha256, facts, 0};
    }
    std::lock_guard lock(mutex_);
    if (auto it = seen_.find(sha256); it != seen_.end()) {
        return {sha256, it->second.first, it->second.second};
    }
    if (!fingerprinted_) {
        fingerprintWorld();
    }
    SeenImage seen = nearest(sha256, bytes);
    if (seen_.size() >= kMaxRemembered) {
        seen_.clear();
    }
    seen_.emplace(sha256, std::make_pair(seen.facts, seen.distance));
    return seen;
}

} // namespace clue::sim
