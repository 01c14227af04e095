// BuDDy, the binary decision diagram package, for the span of one diff: BuDDy keeps one global
// node table per process, so at most one session exists at a time.
#pragma once

#include <bdd.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

namespace clue::diff {

// BuDDy reported an error, such as running out of its node budget.
class BddError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class BddSession {
public:
    // Throws BddError when another session is alive.
    explicit BddSession(size_t variables);
    ~BddSession();
    BddSession(const BddSession&) = delete;
    BddSession& operator=(const BddSession&) = delete;

    // The nodes in use now (garbage included until the next collection).
    static size_t nodesInUse();
};

// One path to `true` of a satisfiable `f`, false branches first: the variables it fixes.
std::vector<std::pair<uint32_t, bool>> pathCube(const bdd& f);

// The variables `f` depends on.
std::vector<uint32_t> supportOf(const bdd& f);

// P(f) when each variable v is true with probability priors[v], independently. Nothing when a
// variable `f` depends on has no prior.
std::optional<double> probability(const bdd& f, const std::vector<std::optional<double>>& priors);

} // namespace clue::diff
