// The Prometheus text the registry writes: families in order, labels escaped, histogram buckets
// cumulative with +Inf, _sum and _count. (The server's whole /metrics page goes through
// `promtool check metrics` in the end-to-end tests.)
#include "serve/metrics_registry.h"

#include <gtest/gtest.h>

#include <cmath>

namespace clue::serve {
namespace {

TEST(MetricsRegistry, WritesCountersGaugesAndHistogramsInTheTextFormat) {
    MetricsRegistry registry;
    auto& requests = registry.add<CounterFamily>("requests_total", "Requests.",
                                                 std::vector<std::string>{"route", "code"});
    auto& info =
        registry.add<GaugeFamily>("plan_info", "The plan.", std::vector<std::string>{"reason"});
    auto& latency = registry.add<HistogramFamily>(
        "latency_seconds", "Latency.", std::vector<std::string>{}, std::vector<double>{0.1, 1});
    registry.add<CallbackGauge>("queue", "Queue.", [] { return 3.0; });
    requests.add({"/v1/judge", "200"});
    requests.add({"/v1/judge", "200"});
    requests.add({"/v1/judge", "429"});
    info.set({"a \"quoted\" \\ reason\nsecond line"}, 1);
    latency.observe({}, 0.05);
    latency.observe({}, 0.5);
    latency.observe({}, 7);
    EXPECT_EQ(registry.render(),
              "# HELP requests_total Requests.\n"
              "# TYPE requests_total counter\n"
              "requests_total{route=\"/v1/judge\",code=\"200\"} 2\n"
              "requests_total{route=\"/v1/judge\",code=\"429\"} 1\n"
              "# HELP plan_info The plan.\n"
              "# TYPE plan_info gauge\n"
              "plan_info{reason=\"a \\\"quoted\\\" \\\\ reason\\nsecond line\"} 1\n"
              "# HELP latency_seconds Latency.\n"
              "# TYPE latency_seconds histogram\n"
              "latency_seconds_bucket{le=\"0.1\"} 1\n"
              "latency_seconds_bucket{le=\"1\"} 2\n"
              "latency_seconds_bucket{le=\"+Inf\"} 3\n"
              "latency_seconds_sum 7.55\n"
              "latency_seconds_count 3\n"
              "# HELP queue Queue.\n"
              "# TYPE queue gauge\n"
              "queue 3\n");
    EXPECT_EQ(requests.value({"/v1/judge", "200"}), 2);
}

TEST(MetricsRegistry, SpecialValuesAreSpelledAsPrometheusReadsThem) {
    EXPECT_EQ(formatSampleValue(INFINITY), "+Inf");
    EXPECT_EQ(formatSampleValue(-INFINITY), "-Inf");
    EXPECT_EQ(formatSampleValue(NAN), "NaN");
    EXPECT_EQ(formatSampleValue(0.25), "0.25");
}

TEST(MetricsRegistry, ClearingAGaugeDropsItsSeries) {
    MetricsRegistry registry;
    auto& info = registry.add<GaugeFamily>("info", "Info.", std::vector<std::string>{"v"});
    info.set({"old"}, 1);
    info.clear();
    info.set({"new"}, 1);
    EXPECT_EQ(registry.render(), "# HELP info Info.\n# TYPE info gauge\ninfo{v=\"new\"} 1\n");
}

} // namespace
} // namespace clue::serve
