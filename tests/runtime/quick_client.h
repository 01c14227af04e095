// HttpClient options for tests: retries a millisecond apart, so that retried requests cost no time.
#pragma once

#include "runtime/http/http_client_options.h"

#include <chrono>

namespace clue::test {

inline runtime::HttpClientOptions quickClient(int attempts = 3) {
    runtime::HttpClientOptions options;
    options.retry.maxAttempts = attempts;
    options.retry.baseDelay = std::chrono::milliseconds(1);
    options.retry.maxDelay = std::chrono::milliseconds(2);
    return options;
}

} // namespace clue::test
