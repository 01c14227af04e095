// Settings of one HttpClient: connection limits, timeouts, retries and an optional debug sink.
#pragma once

#include "runtime/http/retry_policy.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace clue::runtime {

struct HttpClientOptions {
    // Requests on the wire at once; more wait in a FIFO queue. Retries waiting for their backoff
    // do not hold a slot.
    std::size_t maxInFlight = 16;
    // libcurl's connection limits (CURLMOPT_MAX_HOST_CONNECTIONS, _MAX_TOTAL_CONNECTIONS, and the
    // size of the keep-alive cache). Zero means "as many as maxInFlight".
    long maxHostConnections = 0;
    long maxTotalConnections = 0;
    std::chrono::milliseconds connectTimeout{10'000};
    // Per attempt, unless the request sets its own.
    std::chrono::milliseconds totalTimeout{120'000};
    RetryPolicy retry;
    // A response body larger than this fails with HttpErrorKind::TooLarge; a request may set a
    // lower limit of its own (the model backend does, per kind of question).
    std::size_t maxResponseBytes = 4u << 20;
    // Seed of the backoff jitter; zero draws one from std::random_device.
    std::uint64_t jitterSeed = 0;
    std::string userAgent = "clue";
    // When set, receives one line per client event and per libcurl debug line, with the
    // Authorization header and the bearer key redacted. Called on the loop thread.
    std::function<void(std::string_view)> debugLog;
};

} // namespace clue::runtime
