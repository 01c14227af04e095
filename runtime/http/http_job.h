// Internal to the HTTP client: one submitted request and the state of its current attempt.
#pragma once

#include "runtime/http/http_client.h"

#include <curl/curl.h>

#include <chrono>
#include <string>

namespace clue::runtime {

struct HttpJob {
    using Clock = std::chrono::steady_clock;

    HttpRequest request;
    HttpClient::Callback done;
    HttpResult result;
    Clock::time_point submittedAt = Clock::now();
    bool started = false;

    // The attempt on the wire; reset by prepareAttempt().
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    std::string responseBody;
    std::string retryAfterHeader;
    bool tooLarge = false;
    std::size_t maxResponseBytes = 0;
    const HttpClientOptions* options = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

} // namespace clue::runtime
