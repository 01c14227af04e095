// The relevance threshold of CLUE's relevance scanning, and how to pick it on a labelled corpus:
// a rule is kept for an image only when cos(I(x), T(rule)) is above the threshold (the paper's
// 0.22 for clip-vit-base-patch16).
#pragma once

#include <optional>
#include <vector>

namespace clue::runtime {

inline constexpr double kDefaultRelevanceThreshold = 0.22;

// Strictly above: at the threshold itself a rule is dropped, as in the paper.
inline bool isRelevant(double similarity, double threshold) {
    return similarity > threshold;
}

// One (image, rule) pair of a labelled corpus: the cosine similarity of the image's and the
// rule's embeddings, and whether the labels say the image violates the rule.
struct RelevanceSample {
    double similarity = 0;
    bool violated = false;
};

struct ThresholdChoice {
    double threshold = 0;
    double keptViolatedShare = 0; // of the violated pairs, the share above the threshold
    double droppedShare = 0;      // of all pairs, the share at or below it (rules not asked)
    int violatedPairs = 0;
    int pairs = 0;
};

// The highest threshold that keeps at least `recall` (in (0, 1]) of the violated pairs: just
// below the similarity of the ceil(recall * n)-th most similar violated pair, so that pair is
// kept. Nothing when no pair is violated (no threshold can be measured) or `recall` is outside
// (0, 1].
std::optional<ThresholdChoice> pickRelevanceThreshold(const std::vector<RelevanceSample>& samples,
                                                      double recall);

} // namespace clue::runtime
