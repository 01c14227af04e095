// Edit distance and "did you mean" suggestions for misspelled names and keywords.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue {

// Edit distance counting insertions, deletions, substitutions and transpositions of adjacent
// bytes (optimal string alignment), so that "hgih" is one edit from "high".
size_t editDistance(std::string_view a, std::string_view b);

// editDistance(a, b) when it is at most `limit`, else limit + 1; only the band of the table
// within `limit` of its diagonal is computed, and the computation stops once the band exceeds it.
size_t editDistanceWithin(std::string_view a, std::string_view b, size_t limit);

// The candidate closest to `word`, if one is close enough to be a likely typo: at most a third
// of the word's length away (and at least one edit). Ties go to the earliest candidate.
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

} // namespace clue
