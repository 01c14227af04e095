// Answers of the two chain-of-thought steps: a reasoning text, then its JSON summary. Both follow
// one conclusion: the truth, flipped for a configured share of (image, statement) pairs.
#pragma once

#include "tests/sim/score_model.h"

#include <string>

namespace clue::sim {

class ReasoningWriter {
public:
    ReasoningWriter(const World& world, const ScoreModel& scores)
        : world_(world), scores_(scores), random_(world.seed) {}

    // Whether the reasoning concludes that the content is visible: the truth of the image seen
    // (for a perturbed copy, of the known image), wrong for a share of pairs that grows for a
    // perturbed copy as its evidence weakens.
    bool conclusion(const SeenImage& image, const std::string& statement) const;
    std::string reasoning(const SeenImage& image, const std::string& statement) const;
    // `{"rating": "Yes"|"No", "rationale": "..."}`, sometimes fenced or inside prose unless
    // `bareJson` (structured output was asked for).
    std::string summary(const SeenImage& image, const std::string& statement,
                        bool bareJson = false) const;

    // The same for the image with this SHA-256, as the world lists it.
    bool conclusion(const std::string& imageSha, const std::string& statement) const {
        return conclusion(scores_.byHash(imageSha), statement);
    }
    std::string reasoning(const std::string& imageSha, const std::string& statement) const {
        return reasoning(scores_.byHash(imageSha), statement);
    }
    std::string summary(const std::string& imageSha, const std::string& statement,
                        bool bareJson = false) const {
        return summary(scores_.byHash(imageSha), statement, bareJson);
    }

private:
    const World& world_;
    const ScoreModel& scores_;
    KeyedRandom random_;
};

} // namespace clue::sim
