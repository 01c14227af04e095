// What every model backend (chat completions, embeddings) does alike around an HTTP call: the
// URL it goes to, and how the finished call becomes a BackendError and CallStats, so that they
// report failures in the same words.
#pragma once

#include "runtime/backend/backend_answers.h"
#include "runtime/backend/backend_error.h"
#include "runtime/http/http_result.h"

#include <string>
#include <string_view>

namespace clue::runtime {

// The endpoint as an API base that paths are appended to: without trailing slashes.
std::string apiBase(std::string endpoint);

// Attempts, final status, elapsed time and bytes of a call.
CallStats statsOf(const HttpResult& result);

// The failure of a call that got no 2xx answer: a transport failure, or the status with the
// server's error message (an OpenAI-style error body) or the start of its body.
BackendError httpFailure(const HttpResult& result, const std::string& url);

// Fills in the call's attempts and status, says how many attempts were made, and replaces the
// API key in the message.
BackendError finished(BackendError error, const HttpResult& result, std::string_view apiKey);

} // namespace clue::runtime
