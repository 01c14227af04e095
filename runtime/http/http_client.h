// An asynchronous HTTP client on libcurl's multi interface: one event-loop thread, requests from
// any thread, keep-alive connections, a bound on requests in flight, timeouts and retries.
#pragma once

#include "runtime/http/http_client_options.h"
#include "runtime/http/http_request.h"
#include "runtime/http/http_result.h"

#include <functional>
#include <future>
#include <memory>

namespace clue::runtime {

// Thread-safe: submit() may be called from any thread, including from a completion callback.
// Completion callbacks run on the client's loop thread, one at a time; they must be quick (hand
// heavy work to another thread), must not throw, and must not call shutdown() or destroy the
// client. Every submitted request completes exactly once, with Cancelled if the client shuts
// down first.
class HttpClient {
public:
    using Callback = std::function<void(HttpResult)>;

    explicit HttpClient(HttpClientOptions options = {});
    ~HttpClient(); // shutdown()
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    void submit(HttpRequest request, Callback done);
    std::future<HttpResult> submit(HttpRequest request);

    // Stops the loop: requests in flight, queued or waiting to retry complete with Cancelled, and
    // later submissions complete with Cancelled at once (on the submitting thread). Idempotent.
    void shutdown();

    const HttpClientOptions& options() const;

    class Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace clue::runtime
