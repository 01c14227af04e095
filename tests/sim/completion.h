// What the simulated model generated for one request, before it is put into a response body.
#pragma once

#include "tests/sim/request_kind.h"
#include "tests/sim/token_distribution.h"

#include <string>
#include <vector>

namespace clue::sim {

struct GeneratedToken {
    std::string token;
    double logprob = 0;
    std::vector<TokenProbability> top; // most likely first; the server keeps `top_logprobs`
};

struct Completion {
    Prompt prompt;
    std::string content;
    std::vector<GeneratedToken> tokens; // one per generated token
    int promptTokens = 0;
    std::string finishReason = "stop";
    bool withImage = false;
    bool unknownImage = false;   // an image the world does not list, nor a copy of one
    bool perturbedImage = false; // a perturbed copy of a known image, recognised by its pixels

    int completionTokens() const { return static_cast<int>(tokens.size()); }
};

} // namespace clue::sim
