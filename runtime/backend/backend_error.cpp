// Names of backend error kinds.
#include "runtime/backend/backend_error.h"

#include "common/assert.h"

namespace clue::runtime {

std::string_view toString(BackendErrorKind kind) {
    switch (kind) {
    case BackendErrorKind::Cancelled:
        return "cancelled";
    case BackendErrorKind::Transport:
        return "transport";
    case BackendErrorKind::Timeout:
        return "timeout";
    case BackendErrorKind::InvalidRequest:
        return "invalid-request";
    case BackendErrorKind::HttpStatus:
        return "http-status";
    case BackendErrorKind::ServerError:
        return "server-error";
    case BackendErrorKind::MalformedResponse:
        return "malformed-response";
    case BackendErrorKind::NoChoices:
        return "no-choices";
    case BackendErrorKind::NoLogprobs:
        return "no-logprobs";
    case BackendErrorKind::NoYesNo:
        return "no-yes-no";
    case BackendErrorKind::InvalidRating:
        return "invalid-rating";
    case BackendErrorKind::NotCached:
        return "not-cached";
    case BackendErrorKind::DetectorFailed:
        return "detector-failed";
    case BackendErrorKind::ModelNotServed:
        return "model-not-served";
    case BackendErrorKind::Stopped:
        return "stopped";
    }
    CLUE_UNREACHABLE();
}

} // namespace clue::runtime
