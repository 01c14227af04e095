// Retry decisions and delays; pure functions, so that the policy is testable without a network.
#include "runtime/http/retry_policy.h"

#include "runtime/http/header_text.h"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace clue::runtime {
namespace {

std::optional<std::chrono::milliseconds> parseDeltaSeconds(std::string_view digits) {
    constexpr long long maxSeconds = 1'000'000'000; // beyond any cap; avoids overflow
    long long seconds = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        seconds = std::min(maxSeconds, seconds * 10 + (c - '0'));
    }
    return std::chrono::milliseconds(seconds * 1000);
}

} // namespace

bool isRetryableStatus(long status) {
    if (status == 408 || status == 429) {
        return true;
    }
    return status >= 500 && status <= 599 && status != 501 && status != 505;
}

std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int retryNumber, double unit) {
    const double base = static_cast<double>(policy.baseDelay.count());
    const double cap = static_cast<double>(policy.maxDelay.count());
    const double exponential = std::min(cap, base * std::pow(2.0, std::max(0, retryNumber - 1)));
    const double clampedUnit = std::clamp(unit, 0.0, 1.0);
    return std::chrono::milliseconds(
        static_cast<long long>(exponential / 2 + exponential / 2 * clampedUnit));
}

std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value, std::time_t now) {
    value = trimHeaderText(value);
    if (value.empty()) {
        return std::nullopt;
    }
    if (value.front() >= '0' && value.front() <= '9') {
        return parseDeltaSeconds(value);
    }
    // libcurl parses the three HTTP-date forms of RFC 9110.
    const std::time_t when = curl_getdate(std::string(value).c_str(), nullptr);
    if (when == -1) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(std::max<long long>(0, (when - now)) * 1000);
}

std::chrono::milliseconds retryDelay(const RetryPolicy& policy, int retryNumber,
                                     std::optional<std::chrono::milliseconds> retryAfter,
                                     double unit) {
    if (retryAfter) {
        return std::min(*retryAfter, policy.retryAfterCap);
    }
    return backoffDelay(policy, retryNumber, unit);
}

} // namespace clue::runtime
