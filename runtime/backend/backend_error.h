// Typed failures of a model call, from the transport up to the answer's content.
#pragma once

#include <string>
#include <string_view>

namespace clue::runtime {

enum class BackendErrorKind {
    Cancelled,         // the HTTP client shut down first
    Transport,         // no response: connection refused, reset, truncated transfer (retries spent)
    Timeout,           // no response in time (retries spent)
    InvalidRequest,    // the request could not be sent (malformed endpoint URL)
    HttpStatus,        // a non-2xx status without an OpenAI-style error body
    ServerError,       // the server answered with an OpenAI-style error body
    MalformedResponse, // the body is not the JSON of a chat completion (truncated, wrong shape)
    NoChoices,         // `choices` is empty
    NoLogprobs,        // the answer carries no logprobs for its first token
    NoYesNo,           // neither "Yes" nor "No" is among the first token's top logprobs
    InvalidRating,     // the reasoning summary holds no usable {"rating", "rationale"}
    NotCached,         // a replay backend has no cached answer for the question
    DetectorFailed,    // the region detector (or the region editor) could not serve a predicate
    ModelNotServed,    // the preflight: the server's model list does not name the model
    Stopped, // not asked: the circuit breaker stopped the run after consecutive hopeless failures
};

// "cancelled", "transport", ... (stable: used in evidence JSON).
std::string_view toString(BackendErrorKind kind);

struct BackendError {
    BackendErrorKind kind = BackendErrorKind::MalformedResponse;
    // A complete sentence for people; never contains the API key.
    std::string message;
    long httpStatus = 0; // the final status, when a response arrived
    int attempts = 0;    // HTTP attempts made
};

} // namespace clue::runtime
