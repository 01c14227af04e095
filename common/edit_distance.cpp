// Edit distance (optimal string alignment) with three rows of memory.
#include "common/edit_distance.h"

#include <algorithm>
#include <numeric>

namespace clue {

size_t editDistance(std::string_view a, std::string_view b) {
    // Three rows of the optimal string alignment table: two rows back, one back, current.
    std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates) {
    size_t allowed = std::max<size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    size_t bestDistance = allowed + 1;
    for (const std::string& candidate : candidates) {
        // Lengths alone bound the distance from below; skip hopeless candidates cheaply.
        size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                    : word.size() - candidate.size();
        if (gap >= bestDistance || candidate == word) {
            continue;
        }
        size_t distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace clue
