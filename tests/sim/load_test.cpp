// Load: 2,000 concurrent requests against `clue-sim serve` in its own process. Every request is
// answered, the counters add up, and the slot model bounds the timing from below (a server with S
// slots of D ms each cannot answer N requests in less than N*D/S). The measured figures are
// printed and reported in README.md; timings are not asserted beyond that bound.
#include "tests/sim/testing/chat_prompts.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/sim_process.h"
#include "tests/sim/testing/temp_dir.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>

using namespace clue::sim::testing;
using json = nlohmann::ordered_json;

namespace {

constexpr int requestCount = 2000;
constexpr int slots = 16;
constexpr double serviceMs = 25;

void raiseDescriptorLimit() {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

double percentile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(q * (values.size() - 1))];
}

} // namespace

TEST(Load, TwoThousandConcurrentRequestsFollowTheSlotModel) {
    raiseDescriptorLimit();
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < requestCount + 100) {
        GTEST_SKIP() << "skipped: the descriptor limit (" << limit.rlim_cur
                     << ") is below one connection per request";
    }
    TempDir dir;
    const std::string world = "seed: 2\nlatency: {base_ms: " + std::to_string(serviceMs) +
                              ", per_token_ms: 0, slots: " + std::to_string(slots) + "}\n";
    SimProcess sim(dir.write("world.yaml", world).string());
    std::vector<std::string> bodies;
    for (int i = 0; i < requestCount; ++i) {
        bodies.push_back(yesNoRequest("", "statement " + std::to_string(i % 50)).dump());
    }
    const auto start = std::chrono::steady_clock::now();
    const std::vector<HttpResponse> answers = httpPostAll(sim.url("/v1/chat/completions"), bodies);
    const double wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::vector<double> latencies;
    double headerWaitMs = 0;
    int answered = 0;
    for (const HttpResponse& a : answers) {
        EXPECT_EQ(a.status, 200) << "curl code " << a.curlCode << " after " << a.seconds << " s";
        const auto wait = a.headers.find("x-sim-queue-ms");
        if (a.status == 200 && wait != a.headers.end()) {
            ++answered;
            latencies.push_back(a.seconds);
            headerWaitMs += std::stod(wait->second);
        }
    }
    ASSERT_EQ(answered, requestCount);
    const json stats = json::parse(httpGet(sim.url("/sim/stats")).body);
    const json& queue = stats["queue"];
    EXPECT_EQ(stats["requests"]["prior"], requestCount);
    EXPECT_EQ(stats["statuses"]["200"], requestCount);
    EXPECT_EQ(queue["served"], requestCount);
    EXPECT_EQ(queue["max_in_service"], slots);
    EXPECT_EQ(queue["in_service"], 0);
    EXPECT_EQ(queue["queued"], 0);
    EXPECT_NEAR(queue["wait_ms_total"].get<double>(), headerWaitMs, requestCount * 0.001);
    const double floorSeconds = requestCount * serviceMs / slots / 1000;
    EXPECT_GE(wallSeconds, floorSeconds);
    EXPECT_EQ(sim.stop(SIGTERM), 0);

    // If all arrived at once, the k-th start would be at floor(k/S)*D: a mean latency of
    // D*(N/S+1)/2 and a maximum of N*D/S.
    std::printf("load: %d requests, %d slots x %.0f ms: wall %.2f s (slot-model floor %.2f s), "
                "latency p50 %.0f ms, p95 %.0f ms, max %.0f ms (all-at-once model: mean %.0f ms, "
                "max %.0f ms); waited %s, queue wait mean %.0f ms, max %.0f ms, max queue %s\n",
                requestCount, slots, serviceMs, wallSeconds, floorSeconds,
                1000 * percentile(latencies, 0.5), 1000 * percentile(latencies, 0.95),
                1000 * percentile(latencies, 1.0), serviceMs * (requestCount / slots + 1) / 2,
                requestCount * serviceMs / slots, queue["waited"].dump().c_str(),
                queue["wait_ms_total"].get<double>() / requestCount,
                queue["wait_ms_max"].get<double>(), queue["max_queue_length"].dump().c_str());
}
