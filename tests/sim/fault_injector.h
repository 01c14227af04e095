// Decides which requests get a fault. Each rule counts the requests it matches; whether the n-th
// one fails depends only on the seed, the rule and n, so a given request sequence reproduces.
#pragma once

#include "tests/sim/keyed_random.h"
#include "tests/sim/request_kind.h"
#include "tests/sim/world.h"

#include <atomic>
#include <memory>

namespace clue::sim {

class FaultInjector {
public:
    explicit FaultInjector(const World& world);

    // The first rule that fires for this request, or null. Every matching rule counts it.
    const FaultRule* decide(const Prompt& prompt);

private:
    bool fires(std::size_t rule, std::uint64_t n) const;

    const World& world_;
    KeyedRandom random_;
    std::unique_ptr<std::atomic<std::uint64_t>[]> matched_; // per rule
};

} // namespace clue::sim
