// When to try a request again and how long to wait: jittered exponential backoff and Retry-After.
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace clue::runtime {

struct RetryPolicy {
    // Attempts in all, the first included; 1 disables retries.
    int maxAttempts = 4;
    // Backoff before retry n (1-based) is drawn from [d/2, d] with d = min(maxDelay, base *
    // 2^(n-1)).
    std::chrono::milliseconds baseDelay{250};
    std::chrono::milliseconds maxDelay{8000};
    // A server's Retry-After is honoured up to this long; a longer one is cut to it.
    std::chrono::milliseconds retryAfterCap{60000};
};

// 408, 429 and 5xx except 501 (Not Implemented) and 505 (HTTP Version Not Supported).
bool isRetryableStatus(long status);

// Backoff before retry `retryNumber` (1-based); `unit` is a uniform draw from [0, 1).
std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int retryNumber, double unit);

// A Retry-After header value: delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00
// GMT", also the obsolete RFC 850 and asctime forms). Returns the wait from `now`, never negative;
// nothing when the value is malformed.
std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value, std::time_t now);

// The wait before retry `retryNumber`: the server's Retry-After when it gave one (capped), else
// the jittered backoff.
std::chrono::milliseconds retryDelay(const RetryPolicy& policy, int retryNumber,
                                     std::optional<std::chrono::milliseconds> retryAfter,
                                     double unit);

} // namespace clue::runtime
