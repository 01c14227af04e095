// The metrics of `clue serve` (docs/cli/serve.md lists them): requests by route and status,
// latency, images by verdict, rules fired, model calls, cache hits, errors, queue depth, work in
// flight, and plan reloads with the last failure's reason.
#pragma once

#include "runtime/judge/image_result.h"
#include "serve/metrics_registry.h"

#include <chrono>
#include <functional>
#include <string>

namespace clue::serve {

struct PlanIdentity;

// Read when scraped, from whoever owns the numbers.
struct LiveGauges {
    std::function<double()> queuedImages;
    std::function<double()> imagesInFlight;
    std::function<double()> requestsInFlight;
    std::function<double()> connections;
    std::function<double()> modelUp; // 1 when the model answered its last probe
};

class ServerMetrics {
public:
    explicit ServerMetrics(const LiveGauges& gauges);

    // One answered HTTP request: `route` is a fixed label (routeLabel()), never the raw path.
    void request(const std::string& route, int status, std::chrono::duration<double> elapsed);
    // One image's judgment (including an unreadable image or a missed deadline).
    void image(const runtime::ImageResult& result, const std::vector<std::string>& ruleIds,
               bool expired);
    void planLoaded(const PlanIdentity& plan, const std::string& name, const std::string& version);
    void reloadSucceeded();
    void reloadFailed(const std::string& reason);
    void decisionLogFailed();

    std::string render() const { return registry_.render(); }

private:
    MetricsRegistry registry_;
    CounterFamily& requests_;
    HistogramFamily& latency_;
    CounterFamily& images_;
    HistogramFamily& imageSeconds_;
    CounterFamily& rulesFired_;
    CounterFamily& modelCalls_;
    CounterFamily& cacheHits_;
    CounterFamily& tokens_;
    CounterFamily& errors_;
    CounterFamily& reloads_;
    GaugeFamily& reloadFailure_;
    GaugeFamily& planInfo_;
    GaugeFamily& planLoadedAt_;
    CounterFamily& decisionLogErrors_;
};

} // namespace clue::serve
