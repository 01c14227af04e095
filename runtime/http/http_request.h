// One HTTP request for the client: what to send, the secret to send it with, and per-request
// limits.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

struct HttpRequest {
    // "GET" or "POST". A POST sends `body`; a GET sends none.
    std::string method = "POST";
    std::string url;
    // Extra headers, each "Name: value". The Authorization header is never given here: it is
    // built from `bearerToken`, so that the key has one place to live and be redacted from.
    std::vector<std::string> headers;
    std::string body;
    // A secret API key, sent only as "Authorization: Bearer <key>" and redacted from every error
    // text and debug line the client writes. Empty: no Authorization header.
    std::string bearerToken;
    // Per-attempt time limit; zero uses the client's `totalTimeout`.
    std::chrono::milliseconds totalTimeout{0};
    // The largest response body accepted, in bytes; zero uses the client's `maxResponseBytes`,
    // which also caps a larger value. A response that announces or sends more fails with
    // HttpErrorKind::TooLarge, without a retry: the body is never buffered past the limit.
    std::size_t maxResponseBytes = 0;
    // Optional: looks at a complete 2xx response and returns why it deserves another attempt
    // (e.g. "truncated JSON"), or nothing when it is acceptable. Called on the client's loop
    // thread; keep it cheap and never throw.
    std::function<std::optional<std::string>(long status, std::string_view body)> retryIf;
    // Optional: asked before each attempt (the first, after waiting in the queue, and every
    // retry); when it returns true the request ends Cancelled without that attempt. Called on the
    // client's loop thread; keep it cheap and never throw.
    std::function<bool()> abandonIf;
};

} // namespace clue::runtime
