// The circuit breaker alone: which failures count, how many open it, what resets the count, and
// the one error it answers with once open.
#include "runtime/backend/circuit_breaker.h"

#include <gtest/gtest.h>

using namespace clue::runtime;

namespace {

BackendError failure(BackendErrorKind kind, long status = 0) {
    return {kind, "the server answered HTTP " + std::to_string(status), status, 1};
}

TEST(CircuitBreaker, CountsOnlyFailuresNoRetryCanMend) {
    EXPECT_TRUE(isHopelessFailure(failure(BackendErrorKind::Transport)));
    EXPECT_TRUE(isHopelessFailure(failure(BackendErrorKind::Timeout)));
    EXPECT_TRUE(isHopelessFailure(failure(BackendErrorKind::InvalidRequest)));
    EXPECT_TRUE(isHopelessFailure(failure(BackendErrorKind::ServerError, 404)));
    EXPECT_TRUE(isHopelessFailure(failure(BackendErrorKind::HttpStatus, 401)));
    EXPECT_TRUE(isHopelessFailure(failure(BackendErrorKind::ServerError, 400)));
    EXPECT_FALSE(isHopelessFailure(failure(BackendErrorKind::ServerError, 429)));
    EXPECT_FALSE(isHopelessFailure(failure(BackendErrorKind::HttpStatus, 408)));
    EXPECT_FALSE(isHopelessFailure(failure(BackendErrorKind::ServerError, 500)));
    EXPECT_FALSE(isHopelessFailure(failure(BackendErrorKind::NoLogprobs, 200)));
    EXPECT_FALSE(isHopelessFailure(failure(BackendErrorKind::Cancelled)));
}

TEST(CircuitBreaker, OpensAfterTheThresholdWithOneStoppedError) {
    CircuitBreaker breaker(3);
    const BackendError notFound = failure(BackendErrorKind::ServerError, 404);
    breaker.record(&notFound);
    breaker.record(&notFound);
    EXPECT_FALSE(breaker.refusal());
    breaker.record(&notFound);
    auto refusal = breaker.refusal();
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->kind, BackendErrorKind::Stopped);
    EXPECT_EQ(refusal->attempts, 0);
    EXPECT_NE(refusal->message.find("stopped after 3 consecutive"), std::string::npos);
    EXPECT_NE(refusal->message.find("HTTP 404"), std::string::npos) << "names the last failure";
    breaker.record(nullptr);
    EXPECT_TRUE(breaker.refusal()) << "an answer in flight does not close it again";
}

TEST(CircuitBreaker, AnAnswerOrAMendableFailureRestartsTheCount) {
    CircuitBreaker breaker(2);
    const BackendError refused = failure(BackendErrorKind::Transport);
    const BackendError busy = failure(BackendErrorKind::ServerError, 503);
    const BackendError cancelled = failure(BackendErrorKind::Cancelled);
    breaker.record(&refused);
    breaker.record(nullptr);
    breaker.record(&refused);
    breaker.record(&busy);
    breaker.record(&refused);
    breaker.record(&cancelled); // neither counts nor restarts
    EXPECT_FALSE(breaker.refusal());
    breaker.record(&refused);
    EXPECT_TRUE(breaker.refusal());
}

TEST(CircuitBreaker, ZeroNeverOpens) {
    CircuitBreaker breaker(0);
    const BackendError refused = failure(BackendErrorKind::Transport);
    for (int i = 0; i < 100; ++i) {
        breaker.record(&refused);
    }
    EXPECT_FALSE(breaker.refusal());
}

} // namespace
