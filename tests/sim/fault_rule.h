// A fault the simulator injects on demand, so that retries and fail-closed paths can be tested.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace clue::sim {

enum class FaultKind {
    Http500,    // an OpenAI-style 500 error body
    Http429,    // an OpenAI-style 429 error body with a Retry-After header
    Stall,      // the answer is held back for stallMs before it is sent
    Truncate,   // the body is cut in the middle and the connection closed
    NoLogprobs, // a 200 answer whose logprobs are null although they were asked for
};

inline constexpr std::array<FaultKind, 5> allFaultKinds = {FaultKind::Http500, FaultKind::Http429,
                                                           FaultKind::Stall, FaultKind::Truncate,
                                                           FaultKind::NoLogprobs};

struct FaultRule {
    FaultKind kind = FaultKind::Http500;
    // Which requests it applies to: every chat request, or only those about `statement`
    // (normalized) and/or of `requestKind` (a name of RequestKind, e.g. "yesno").
    std::string statement;
    std::string requestKind;
    // The n-th matching request (n counted per rule from 0) fails when n < first, if `first` is
    // set, else when a key-derived uniform of (seed, rule index, n) is below `share` (default:
    // every matching request).
    std::optional<std::uint64_t> first;
    double share = 1.0;
    int retryAfterSeconds = 1; // Http429
    int stallMs = 2000;        // Stall
};

const char* faultKindName(FaultKind kind);
std::optional<FaultKind> faultKindFromName(const std::string& name);

} // namespace clue::sim
