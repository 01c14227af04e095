// Answers to the objectification prompts: scripted per rule in the world, else a deterministic
// fallback (README, "Objectification prompts"). Counts attempts to script invalid answers.
#pragma once

#include "tests/sim/keyed_random.h"
#include "tests/sim/request_kind.h"
#include "tests/sim/world.h"

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace clue::sim {

class ObjectifyResponder {
public:
    explicit ObjectifyResponder(const World& world);

    // The answer to an ObjectifyRate, ObjectifyRewrite or ObjectifyExtract prompt about `rule`.
    std::string answer(RequestKind task, const std::string& rule);

private:
    struct Round {
        std::size_t script = 0;
        std::size_t round = 0; // 0: the original text; k: the k-th rewrite
    };

    std::string rate(const std::string& rule, const Round* round);
    std::string rewrite(const std::string& rule, const Round* round);
    std::string extract(const std::string& rule, const Round* round);
    // Whether this answer is one of the first `invalidCount` for the script's task.
    bool nextIsInvalid(const Round* round, RequestKind task, int invalidCount, int* attempt);

    const World& world_;
    KeyedRandom random_;
    std::unordered_map<std::string, Round> rounds_; // by normalized rule text
    std::mutex mutex_;
    std::map<std::pair<std::size_t, RequestKind>, int> attempts_;
};

} // namespace clue::sim
