// Names of the fault kinds, as written in world files and reported by /sim/stats.
#include "tests/sim/fault_rule.h"

#include <array>
#include <utility>

namespace clue::sim {
namespace {

constexpr std::array<std::pair<FaultKind, const char*>, 5> faultNames{{
    {FaultKind::Http500, "http_500"},
    {FaultKind::Http429, "http_429"},
    {FaultKind::Stall, "stall"},
    {FaultKind::Truncate, "truncate"},
    {FaultKind::NoLogprobs, "no_logprobs"},
}};

} // namespace

const char* faultKindName(FaultKind kind) {
    for (const auto& [k, name] : faultNames) {
        if (k == kind) {
            return name;
        }
    }
    return "unknown";
}

std::optional<FaultKind> faultKindFromName(const std::string& name) {
    for (const auto& [k, n] : faultNames) {
        if (name == n) {
            return k;
        }
    }
    return std::nullopt;
}

} // namespace clue::sim
