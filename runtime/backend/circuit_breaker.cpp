// Counting hopeless failures and opening the breaker.
#include "runtime/backend/circuit_breaker.h"

#include "runtime/http/retry_policy.h"

namespace clue::runtime {

bool isHopelessFailure(const BackendError& error) {
    switch (error.kind) {
    case BackendErrorKind::Transport:
    case BackendErrorKind::Timeout:
    case BackendErrorKind::InvalidRequest:
        return true;
    case BackendErrorKind::HttpStatus:
    case BackendErrorKind::ServerError:
        return error.httpStatus >= 400 && error.httpStatus < 500 &&
               !isRetryableStatus(error.httpStatus);
    default:
        return false;
    }
}

void CircuitBreaker::record(const BackendError* error) {
    if (threshold_ <= 0 || (error != nullptr && error->kind == BackendErrorKind::Cancelled)) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (open_) {
        return;
    }
    if (error == nullptr || !isHopelessFailure(*error)) {
        consecutive_ = 0;
        return;
    }
    if (++consecutive_ < threshold_) {
        return;
    }
    BackendError stopped;
    stopped.kind = BackendErrorKind::Stopped;
    stopped.httpStatus = error->httpStatus;
    stopped.message =
        "stopped after " + std::to_string(threshold_) +
        " consecutive model calls failed in a way no retry can mend; the last: " + error->message;
    open_ = std::move(stopped);
}

bool CircuitBreaker::open() const {
    std::lock_guard lock(mutex_);
    return open_.has_value();
}

std::optional<BackendError> CircuitBreaker::refusal() const {
    std::lock_guard lock(mutex_);
    return open_;
}

} // namespace clue::runtime
