// The circuit breaker of a run: after N consecutive model calls that failed in a way no retry can
// mend (no connection, no answer in time, an unusable endpoint, a 4xx other than 408 and 429), it
// opens, and every later call fails at once, without a request, with one message that says why.
// A dead backend or a wrong endpoint then costs N calls, not one failure per question.
#pragma once

#include "runtime/backend/backend_error.h"

#include <mutex>
#include <optional>
#include <string>

namespace clue::runtime {

// The default N (BackendConfig::maxConsecutiveFailures, --max-consecutive-failures).
inline constexpr int kDefaultMaxConsecutiveFailures = 10;

// A failure that says the backend cannot serve this run at all, rather than this one question:
// Transport, Timeout and InvalidRequest, and a final HTTP status in 400..499 other than 408 and
// 429 (those are retried, and a later answer may come).
bool isHopelessFailure(const BackendError& error);

// Thread-safe.
class CircuitBreaker {
public:
    // `threshold` consecutive hopeless failures open it; 0: it never opens.
    explicit CircuitBreaker(int threshold) : threshold_(threshold) {}

    // A finished call: its error, or nothing when it was answered. Any answer (and any failure
    // that is not hopeless) restarts the count; a Cancelled call changes nothing.
    void record(const BackendError* error);

    // The error every call gets once it is open (kind Stopped); nothing while it is closed.
    std::optional<BackendError> refusal() const;
    bool open() const;

private:
    const int threshold_;
    mutable std::mutex mutex_;
    int consecutive_ = 0;
    std::optional<BackendError> open_;
};

} // namespace clue::runtime
