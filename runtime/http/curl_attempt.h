// Internal to the HTTP client: one attempt of a job on a libcurl easy handle.
#pragma once

#include "runtime/http/http_job.h"

#include <chrono>
#include <optional>
#include <string>

namespace clue::runtime {

// Creates and configures the easy handle for the job's next attempt (job.easy). On failure sets
// job.result's error and returns false.
bool prepareAttempt(HttpJob& job, const HttpClientOptions& options);

struct AttemptOutcome {
    // Why another attempt is worth it; nothing when the attempt's result is final.
    std::optional<std::string> retryReason;
    // The server's Retry-After on a retryable status, when it gave a valid one.
    std::optional<std::chrono::milliseconds> retryAfter;
};

// Records the finished attempt (status, body, error, bytes, timings) in job.result, frees the
// easy handle, and says whether to retry. The handle must already be out of the multi handle.
AttemptOutcome finishAttempt(HttpJob& job, CURLcode code);

} // namespace clue::runtime
