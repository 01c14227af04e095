// Scripted answers to the objectification prompts for one rule (see README, "Objectification").
#pragma once

#include <string>
#include <vector>

namespace clue::sim {

struct ChainAlternative {
    std::string statement;
    std::string object;
};

struct ObjectifyScript {
    std::string rule; // the original rule text
    // Round k rates the rule text of round k: the original (k = 0), then rewrites[k-1].
    std::vector<int> ratings;
    std::vector<std::string> explanations;
    std::vector<std::string> rewrites; // rewrites[k] is the answer to round k's rewrite
    std::vector<std::vector<ChainAlternative>> chain; // an AND of OR-groups
    // The first K answers of each task are invalid, so that retries can be tested.
    int invalidRate = 0;    // answers `Rating: [[11]]`
    int invalidRewrite = 0; // answers an empty text
    int invalidExtract = 0; // answers an empty chain, then a compound statement, alternately
};

} // namespace clue::sim
