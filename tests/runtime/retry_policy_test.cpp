// Tests of the retry decisions, the jittered backoff and Retry-After parsing.
#include "runtime/http/retry_policy.h"
#include "runtime/http/secret_redactor.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using namespace clue::runtime;

TEST(RetryPolicy, RetriesTransientStatusesOnly) {
    for (long status : {408L, 429L, 500L, 502L, 503L, 504L, 599L}) {
        EXPECT_TRUE(isRetryableStatus(status)) << status;
    }
    for (long status : {200L, 204L, 301L, 400L, 401L, 403L, 404L, 422L, 501L, 505L}) {
        EXPECT_FALSE(isRetryableStatus(status)) << status;
    }
}

TEST(RetryPolicy, BackoffDoublesWithinJitterBoundsAndIsCapped) {
    RetryPolicy policy;
    policy.baseDelay = 100ms;
    policy.maxDelay = 1000ms;
    EXPECT_EQ(backoffDelay(policy, 1, 0.0), 50ms);
    EXPECT_EQ(backoffDelay(policy, 1, 1.0), 100ms);
    EXPECT_EQ(backoffDelay(policy, 2, 0.0), 100ms);
    EXPECT_EQ(backoffDelay(policy, 3, 0.5), 300ms);
    EXPECT_EQ(backoffDelay(policy, 10, 0.0), 500ms); // capped at maxDelay before jitter
    EXPECT_EQ(backoffDelay(policy, 10, 1.0), 1000ms);
    for (double unit = 0.0; unit < 1.0; unit += 0.125) {
        const auto delay = backoffDelay(policy, 2, unit);
        EXPECT_GE(delay, 100ms);
        EXPECT_LE(delay, 200ms);
    }
}

TEST(RetryPolicy, ParsesRetryAfterSeconds) {
    EXPECT_EQ(parseRetryAfter("0", 0), 0ms);
    EXPECT_EQ(parseRetryAfter("120", 0), 120000ms);
    EXPECT_EQ(parseRetryAfter("  7 \r", 0), 7000ms);
    EXPECT_GT(parseRetryAfter("99999999999999999999", 0).value(), 1000000s); // no overflow
}

TEST(RetryPolicy, ParsesRetryAfterHttpDatesInEveryForm) {
    const std::time_t now = 1445412400; // Wed, 21 Oct 2015 07:26:40 GMT
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), 80s);
    EXPECT_EQ(parseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now), 80s);
    EXPECT_EQ(parseRetryAfter("Wed Oct 21 07:28:00 2015", now), 80s);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0ms); // in the past
}

TEST(RetryPolicy, RejectsMalformedRetryAfter) {
    EXPECT_FALSE(parseRetryAfter("", 0));
    EXPECT_FALSE(parseRetryAfter("soon", 0));
    EXPECT_FALSE(parseRetryAfter("12s", 0));
    EXPECT_FALSE(parseRetryAfter("-5", 0));
}

TEST(RetryPolicy, RetryAfterWinsOverBackoffUpToTheCap) {
    RetryPolicy policy;
    policy.baseDelay = 100ms;
    policy.retryAfterCap = 5s;
    EXPECT_EQ(retryDelay(policy, 1, 2s, 0.0), 2s);
    EXPECT_EQ(retryDelay(policy, 1, 60s, 0.0), 5s);
    EXPECT_EQ(retryDelay(policy, 1, std::nullopt, 1.0), 100ms);
}

TEST(SecretRedactor, ReplacesEveryOccurrenceOfTheSecret) {
    EXPECT_EQ(redactSecret("key=abc and abc again", "abc"), "key=[REDACTED] and [REDACTED] again");
    EXPECT_EQ(redactSecret("nothing here", "abc"), "nothing here");
    EXPECT_EQ(redactSecret("no secret", ""), "no secret");
    // A secret that contains the marker's text still terminates.
    EXPECT_EQ(redactSecret("x[REDACTED]x", "[REDACTED]"), "x[REDACTED]x");
}

TEST(SecretRedactor, HidesTheAuthorizationHeaderValue) {
    EXPECT_EQ(redactAuthorizationHeader("Authorization: Bearer sk-1"), "Authorization: [REDACTED]");
    EXPECT_EQ(redactAuthorizationHeader("authorization:Bearer sk-1"), "Authorization: [REDACTED]");
    EXPECT_EQ(redactAuthorizationHeader("Accept: */*"), "Accept: */*");
}
