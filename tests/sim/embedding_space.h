// The simulator's embedding space: vectors for texts and images whose cosine similarities are
// exactly the world's `relevance` numbers (and its default similarity for everything else).
#pragma once

#include "tests/sim/world.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace clue::sim {

// Axes: one shared by every vector, one for texts the world does not list, one per listed text
// (the normalized texts of every image's `relevance`), and one that pads an image vector to
// unit length. A text is (shared + its own axis) / sqrt 2; an image puts gamma on the shared
// axis and sqrt(2) s - gamma on each text's axis, so that its cosine with the text is s.
class EmbeddingSpace {
public:
    // Throws WorldError when an image's similarities cannot all hold in unit vectors (their
    // squares, around their mean, add up past 1).
    explicit EmbeddingSpace(const World& world);

    std::size_t dimensions() const { return axes_.size() + 3; }
    std::vector<float> text(const std::string& text) const;
    // Null `facts`: an image the world does not know, at the default similarity to every text.
    std::vector<float> image(const ImageFacts* facts) const;

private:
    double similarity(const ImageFacts* facts, const std::string& normalizedText) const;

    double defaultSimilarity_;
    std::map<std::string, std::size_t> axes_;          // normalized text -> its axis
    std::map<std::string, std::vector<float>> images_; // by SHA-256, computed at construction
    std::vector<float> unknownImage_;
};

} // namespace clue::sim
