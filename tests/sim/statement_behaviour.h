// How the simulated model answers about one predicate statement (see README, "The score model").
#pragma once

#include <optional>
#include <string>

namespace clue::sim {

struct StatementBehaviour {
    std::string statement;      // as written in the world; lookups use the normalized form
    double prior = 0.3;         // M(None, c): P(Yes) of the question asked without an image
    double noise = 0.8;         // standard deviation of the score, in logit units
    double evidenceTrue = 6.0;  // logit shift from the prior when the content is visible
    double evidenceFalse = 2.0; // logit shift towards No when it is not
    double hard = 0.0;          // share of images whose score lands in the undecided band
    double regionBias = 0.0;    // share of true images whose content is off-centre
    std::string object;         // central object; a masked variant without it reads false
    std::optional<double> reasoningErrorRate; // overrides the world's reasoning error rate
};

} // namespace clue::sim
