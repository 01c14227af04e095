// Picking the relevance threshold: an order statistic of the violated pairs' similarities.
#include "runtime/embed/relevance_threshold.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace clue::runtime {

std::optional<ThresholdChoice> pickRelevanceThreshold(const std::vector<RelevanceSample>& samples,
                                                      double recall) {
    if (!(recall > 0 && recall <= 1)) {
        return std::nullopt;
    }
    std::vector<double> violated;
    for (const RelevanceSample& sample : samples) {
        if (sample.violated) {
            violated.push_back(sample.similarity);
        }
    }
    if (violated.empty()) {
        return std::nullopt;
    }
    std::sort(violated.begin(), violated.end(), std::greater<>());
    // The fewest violated pairs to keep; the tolerance keeps 0.97 * 100 at 97, not 98.
    const auto keep =
        static_cast<std::size_t>(std::ceil(recall * static_cast<double>(violated.size()) - 1e-9));
    ThresholdChoice choice;
    choice.threshold = std::nextafter(violated[std::max<std::size_t>(keep, 1) - 1],
                                      -std::numeric_limits<double>::infinity());
    choice.pairs = static_cast<int>(samples.size());
    choice.violatedPairs = static_cast<int>(violated.size());
    int kept = 0;
    int dropped = 0;
    for (const RelevanceSample& sample : samples) {
        const bool relevant = isRelevant(sample.similarity, choice.threshold);
        kept += relevant && sample.violated ? 1 : 0;
        dropped += relevant ? 0 : 1;
    }
    choice.keptViolatedShare = static_cast<double>(kept) / choice.violatedPairs;
    choice.droppedShare = static_cast<double>(dropped) / choice.pairs;
    return choice;
}

} // namespace clue::runtime
