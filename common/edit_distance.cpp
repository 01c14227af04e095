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

size_t editDistanceWithin(std::string_view a, std::string_view b, size_t limit) {
    const size_t over = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) {
        return over;
    }
    // The same three rows as editDistance(), with cells outside the band held at `over`.
    std::vector<size_t> before(b.size() + 1, over), previous(b.size() + 1, over),
        current(b.size() + 1, over);
    for (size_t j = 0; j <= std::min(b.size(), limit); ++j) {
        previous[j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t from = i > limit ? i - limit : 1;
        size_t to = std::min(b.size(), i + limit);
        std::fill(current.begin(), current.end(), over);
        current[0] = i <= limit ? i : over;
        size_t rowMin = current[0];
        for (size_t j = from; j <= to; ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t cell = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cell = std::min(cell, before[j - 2] + 1);
            }
            current[j] = std::min(cell, over);
            rowMin = std::min(rowMin, current[j]);
        }
        if (rowMin > limit) {
            return over;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], over);
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
