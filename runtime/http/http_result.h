// What became of one request, after every attempt: the final status or error, timings and bytes.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

// Why no HTTP response came back. `None` means the transport worked: look at the status.
enum class HttpErrorKind {
    None,
    Connect,        // could not resolve or connect (refused, unreachable)
    Timeout,        // the connect timeout or the per-attempt total timeout expired
    Transfer,       // the connection broke mid-way (e.g. a truncated body, a reset)
    TooLarge,       // the response exceeded the client's size limit
    InvalidRequest, // the request itself is unusable (malformed URL, unsupported scheme)
    Cancelled,      // the client shut down before the request completed
};

std::string_view toString(HttpErrorKind kind);

struct HttpTimings {
    using Duration = std::chrono::microseconds;
    Duration queued{};  // from submission to the first attempt's start (waiting for a slot)
    Duration backoff{}; // time spent waiting between attempts
    Duration total{};   // from submission to completion
    // The final attempt, as libcurl measured it from that attempt's start.
    Duration connect{};   // TCP connect done (zero on a reused connection)
    Duration firstByte{}; // first response byte
    Duration transfer{};  // whole attempt
};

struct HttpResult {
    HttpErrorKind error = HttpErrorKind::None;
    // Human-readable cause when `error` is not None; secrets redacted.
    std::string errorText;
    // Final HTTP status; 0 when no response arrived.
    long status = 0;
    std::string body;
    // Attempts made, at least 1 unless the request was cancelled before it started.
    int attempts = 0;
    // For each retry, why it happened ("HTTP 503", "connection refused: ...") and how long the
    // client waited before it.
    std::vector<std::string> retryReasons;
    std::vector<std::chrono::milliseconds> retryDelays;
    HttpTimings timings;
    // Over all attempts: request and response body bytes, and new connections opened (0 when
    // every attempt reused a kept-alive connection).
    std::int64_t bytesSent = 0;
    std::int64_t bytesReceived = 0;
    int newConnections = 0;

    bool transportOk() const { return error == HttpErrorKind::None; }
    bool httpOk() const { return transportOk() && status >= 200 && status < 300; }
};

} // namespace clue::runtime
