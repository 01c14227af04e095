// The metric families of the server and what each event adds to them.
#include "serve/server_metrics.h"

#include "serve/active_plan.h"

namespace clue::serve {
namespace {

// Request latency: from a cached answer (milliseconds) to a deadline (a minute).
const std::vector<double> kLatencyBounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                            1,     2.5,  5,     10,   30,  60,   120};

// Reload failure reasons are free text: kept short in a label.
std::string shortened(const std::string& text) {
    constexpr std::size_t kMax = 240;
    return text.size() <= kMax ? text : text.substr(0, kMax) + "...";
}

} // namespace

ServerMetrics::ServerMetrics(const LiveGauges& gauges)
    : requests_(registry_.add<CounterFamily>("clue_serve_http_requests_total",
                                             "HTTP requests answered, by route and status code.",
                                             std::vector<std::string>{"route", "code"})),
      latency_(registry_.add<HistogramFamily>(
          "clue_serve_http_request_duration_seconds",
          "Time from a request's last byte read to its answer, by route.",
          std::vector<std::string>{"route"}, kLatencyBounds)),
      images_(registry_.add<CounterFamily>("clue_serve_images_total",
                                           "Images answered, by verdict.",
                                           std::vector<std::string>{"verdict"})),
      imageSeconds_(registry_.add<HistogramFamily>(
          "clue_serve_image_judgment_seconds", "Time one image's judgment took (judged images).",
          std::vector<std::string>{}, kLatencyBounds)),
      rulesFired_(registry_.add<CounterFamily>("clue_serve_rule_violations_total",
                                               "Rules found violated, by rule id.",
                                               std::vector<std::string>{"rule"})),
      modelCalls_(registry_.add<CounterFamily>("clue_serve_model_calls_total",
                                               "Calls made to the model server for answered "
                                               "images.",
                                               std::vector<std::string>{})),
      cacheHits_(registry_.add<CounterFamily>("clue_serve_cache_hits_total",
                                              "Questions answered by the score cache.",
                                              std::vector<std::string>{})),
      tokens_(registry_.add<CounterFamily>("clue_serve_model_tokens_total",
                                           "Tokens the model server reported, by kind.",
                                           std::vector<std::string>{"kind"})),
      errors_(registry_.add<CounterFamily>(
          "clue_serve_image_errors_total",
          "Images answered `error`, by cause: the image's problem (not-an-image, too-large, ...), "
          "model (a question could not be answered) or deadline.",
          std::vector<std::string>{"kind"})),
      reloads_(registry_.add<CounterFamily>("clue_serve_plan_reloads_total",
                                            "Plan reloads, by result (success or failure).",
                                            std::vector<std::string>{"result"})),
      reloadFailure_(registry_.add<GaugeFamily>(
          "clue_serve_plan_reload_failure_info",
          "The reason of the last refused plan (1 while no reload succeeded after it).",
          std::vector<std::string>{"reason"})),
      planInfo_(registry_.add<GaugeFamily>("clue_serve_plan_info",
                                           "The active plan: 1, with its name, version and hash.",
                                           std::vector<std::string>{"name", "version", "sha256"})),
      planLoadedAt_(registry_.add<GaugeFamily>("clue_serve_plan_loaded_timestamp_seconds",
                                               "When the active plan was loaded (Unix time).",
                                               std::vector<std::string>{})),
      decisionLogErrors_(registry_.add<CounterFamily>(
          "clue_serve_decision_log_errors_total", "Decision log lines that could not be written.",
          std::vector<std::string>{})) {
    registry_.add<CallbackGauge>("clue_serve_queue_images",
                                 "Images admitted and waiting for a judging slot.",
                                 gauges.queuedImages);
    registry_.add<CallbackGauge>("clue_serve_images_in_flight", "Images being judged.",
                                 gauges.imagesInFlight);
    registry_.add<CallbackGauge>("clue_serve_requests_in_flight",
                                 "HTTP requests read and not yet answered.",
                                 gauges.requestsInFlight);
    registry_.add<CallbackGauge>("clue_serve_connections", "Open client connections.",
                                 gauges.connections);
    registry_.add<CallbackGauge>("clue_serve_model_up",
                                 "1 when the model server answered the last readiness probe.",
                                 gauges.modelUp);
    reloads_.add({"success"}, 0);
    reloads_.add({"failure"}, 0);
    modelCalls_.add({}, 0);
    cacheHits_.add({}, 0);
    decisionLogErrors_.add({}, 0);
}

void ServerMetrics::request(const std::string& route, int status,
                            std::chrono::duration<double> elapsed) {
    requests_.add({route, std::to_string(status)});
    latency_.observe({route}, elapsed.count());
}

void ServerMetrics::image(const runtime::ImageResult& result,
                          const std::vector<std::string>& ruleIds, bool expired) {
    images_.add({std::string(runtime::toString(result.verdict))});
    for (std::size_t i = 0; i < result.rules.size() && i < ruleIds.size(); ++i) {
        if (result.rules[i] == runtime::RuleState::Violated) {
            rulesFired_.add({ruleIds[i]});
        }
    }
    modelCalls_.add({}, result.cost.calls);
    cacheHits_.add({}, result.cost.cacheHits);
    tokens_.add({"prompt"}, static_cast<double>(result.cost.tokens.prompt));
    tokens_.add({"completion"}, static_cast<double>(result.cost.tokens.completion));
    if (expired) {
        errors_.add({"deadline"});
    } else if (result.imageError) {
        errors_.add({std::string(runtime::toString(result.imageError->kind))});
    } else if (result.failed()) {
        errors_.add({"model"});
    }
    if (!expired && !result.imageError) {
        imageSeconds_.observe({}, std::chrono::duration<double>(result.elapsed).count());
    }
}

void ServerMetrics::planLoaded(const PlanIdentity& plan, const std::string& name,
                               const std::string& version) {
    planInfo_.clear();
    planInfo_.set({name, version, plan.sha256}, 1);
    planLoadedAt_.set({}, std::chrono::duration<double>(plan.loadedAt.time_since_epoch()).count());
}

void ServerMetrics::reloadSucceeded() {
    reloads_.add({"success"});
    reloadFailure_.clear();
}

void ServerMetrics::reloadFailed(const std::string& reason) {
    reloads_.add({"failure"});
    reloadFailure_.clear();
    reloadFailure_.set({shortened(reason)}, 1);
}

void ServerMetrics::decisionLogFailed() {
    decisionLogErrors_.add({});
}

} // namespace clue::serve
