// The first-token distribution of a yes/no answer, spread over the Yes/No variants that real
// tokenizers produce (`Yes`, ` Yes`, `yes`, ...) and filled with plausible other tokens.
#pragma once

#include "tests/sim/keyed_random.h"

#include <string>
#include <vector>

namespace clue::sim {

struct TokenProbability {
    std::string token;
    double logprob = 0;
};

// Every candidate token, most likely first. The probabilities of the Yes variants sum to
// yesProbability * q and those of the No variants to (1 - yesProbability) * q, where the Yes/No
// mass q in [0.97, 0.995] and the split among variants come from `random` under `key`; the
// other tokens share 1 - q, so that the whole list sums to at most 1.
std::vector<TokenProbability> yesNoDistribution(double yesProbability, const KeyedRandom& random,
                                                const std::string& key);

// A generated text token: the token itself, most likely, with a small logprob from `random`.
TokenProbability textToken(const std::string& token, const KeyedRandom& random,
                           const std::string& key);

} // namespace clue::sim
