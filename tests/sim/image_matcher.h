// Which image of the world a request shows: the one with the same SHA-256, or else, for an image
// the world does not list, the nearest known image by pixels (a perturbed copy: noise, JPEG,
// resizing) when it lies within `perturbation.max_distance`. Known images are fingerprinted from
// their `file` the first time an unknown image comes, once.
#pragma once

#include "tests/sim/image_fingerprint.h"
#include "tests/sim/world.h"

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace clue::sim {

// The image a request shows, as the simulated model sees it.
struct SeenImage {
    std::string sha256;                // of the bytes sent; empty without an image
    const ImageFacts* facts = nullptr; // the known image it is, or is a copy of; null: unknown
    double distance = 0;               // 0 for a known image; else its fingerprint distance

    bool perturbed() const { return facts != nullptr && distance > 0; }
    // The SHA-256 whose facts and random draws apply: the known image's, else the one sent.
    const std::string& identity() const { return facts != nullptr ? facts->sha256 : sha256; }
};

class ImageMatcher {
public:
    explicit ImageMatcher(const World& world) : world_(world) {}

    // Thread-safe; the answer for a SHA-256 is computed once and kept.
    SeenImage see(const std::string& sha256, std::string_view bytes) const;

private:
    void fingerprintWorld() const;
    SeenImage nearest(const std::string& sha256, std::string_view bytes) const;

    const World& world_;
    mutable std::mutex mutex_;
    mutable bool fingerprinted_ = false;
    mutable std::vector<std::pair<Fingerprint, const ImageFacts*>> known_;
    mutable std::unordered_map<std::string, std::pair<const ImageFacts*, double>> seen_;
};

} // namespace clue::sim
