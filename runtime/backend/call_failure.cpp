// Failures of model calls, in one set of words for every backend.
#include "runtime/backend/call_failure.h"

#include "common/assert.h"
#include "runtime/backend/chat_completion_parser.h"
#include "runtime/http/secret_redactor.h"

namespace clue::runtime {
namespace {

std::string excerpt(std::string_view text) {
    constexpr std::size_t limit = 200;
    std::string out(text.substr(0, limit));
    for (char& c : out) {
        c = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return text.size() > limit ? out + "..." : out;
}

BackendError transportFailure(const HttpResult& result, const std::string& url) {
    switch (result.error) {
    case HttpErrorKind::Cancelled:
        return {BackendErrorKind::Cancelled, result.errorText};
    case HttpErrorKind::Timeout:
        return {BackendErrorKind::Timeout, "no answer from " + url + ": " + result.errorText};
    case HttpErrorKind::InvalidRequest:
        return {BackendErrorKind::InvalidRequest,
                "the endpoint " + url + " cannot be used: " + result.errorText};
    case HttpErrorKind::TooLarge:
        return {BackendErrorKind::MalformedResponse,
                "the answer from " + url + " is too large: " + result.errorText};
    case HttpErrorKind::Connect:
    case HttpErrorKind::Transfer:
        return {BackendErrorKind::Transport, "cannot reach " + url + ": " + result.errorText};
    case HttpErrorKind::None: // only failed transports come here (httpFailure)
        break;
    }
    CLUE_UNREACHABLE();
}

BackendError statusFailure(const HttpResult& result) {
    const std::string status = "the server answered HTTP " + std::to_string(result.status);
    if (auto described = describeErrorBody(result.body)) {
        return {BackendErrorKind::ServerError, status + ": " + *described};
    }
    return {BackendErrorKind::HttpStatus,
            result.body.empty() ? status : status + ": " + excerpt(result.body)};
}

} // namespace

std::string apiBase(std::string endpoint) {
    while (!endpoint.empty() && endpoint.back() == '/') {
        endpoint.pop_back();
    }
    return endpoint;
}

CallStats statsOf(const HttpResult& result) {
    CallStats stats;
    stats.attempts = result.attempts;
    stats.httpStatus = result.status;
    stats.elapsed = result.timings.total;
    stats.bytesSent = result.bytesSent;
    stats.bytesReceived = result.bytesReceived;
    return stats;
}

BackendError httpFailure(const HttpResult& result, const std::string& url) {
    return result.transportOk() ? statusFailure(result) : transportFailure(result, url);
}

BackendError finished(BackendError error, const HttpResult& result, std::string_view apiKey) {
    if (result.attempts > 1 && error.kind != BackendErrorKind::Cancelled) {
        error.message += " (after " + std::to_string(result.attempts) + " attempts)";
    }
    error.attempts = result.attempts;
    error.httpStatus = result.status;
    error.message = redactSecret(std::move(error.message), apiKey);
    return error;
}

} // namespace clue::runtime
