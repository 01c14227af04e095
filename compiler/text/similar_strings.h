// Pairs of strings within a small edit distance of each other, without comparing every pair:
// q-gram prefix filtering. An insertion, deletion or substitution touches at most q of a
// string's q-grams, and a transposition of adjacent bytes (one edit in optimal string
// alignment) at most q + 1. So if ed(a, b) <= k, b keeps at least |grams(a)| - k*(q+1) of a's
// q-grams, and a and b share one of the first k*(q+1) + 1 grams of each, taken in one global
// order (rarest first). Only strings that share such a gram are compared, and the comparison
// stops as soon as the distance is known to exceed k.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace clue::text {

struct SimilarPair {
    size_t first = 0; // indices into the input, first < second
    size_t second = 0;
    size_t distance = 0;
};

// Every pair of distinct strings at edit distance 1 to `maxDistance`, sorted.
std::vector<SimilarPair> similarPairs(const std::vector<std::string>& strings, size_t maxDistance);

} // namespace clue::text
