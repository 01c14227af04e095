// Counter-based fault decisions.
#include "tests/sim/fault_injector.h"

#include <string>

namespace clue::sim {
namespace {

bool matches(const FaultRule& rule, const Prompt& prompt) {
    return (rule.statement.empty() || rule.statement == prompt.statement) &&
           (rule.requestKind.empty() || rule.requestKind == requestKindName(prompt.kind));
}

} // namespace

FaultInjector::FaultInjector(const World& world)
    : world_(world), random_(world.seed),
      matched_(std::make_unique<std::atomic<std::uint64_t>[]>(world.faults.size())) {}

bool FaultInjector::fires(std::size_t rule, std::uint64_t n) const {
    const FaultRule& r = world_.faults[rule];
    if (r.first) {
        return n < *r.first;
    }
    return random_.uniform({"fault", std::to_string(rule), std::to_string(n)}) < r.share;
}

const FaultRule* FaultInjector::decide(const Prompt& prompt) {
    const FaultRule* chosen = nullptr;
    for (std::size_t i = 0; i < world_.faults.size(); ++i) {
        if (!matches(world_.faults[i], prompt)) {
            continue;
        }
        const std::uint64_t n = matched_[i]++;
        if (chosen == nullptr && fires(i, n)) {
            chosen = &world_.faults[i];
        }
    }
    return chosen;
}

} // namespace clue::sim
