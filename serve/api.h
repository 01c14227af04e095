// The API's routes: what each answers, apart from the HTTP connection that carries it. A request
// is checked in two steps: its head (route, method, token, draining, declared size) before its
// body is read, then the whole request. Judging routes answer asynchronously, when the images
// are judged or the deadline passes; every admitted request gets exactly one reply.
#pragma once

#include "serve/decision_log.h"
#include "serve/http_message.h"
#include "serve/judge_queue.h"
#include "serve/model_probe.h"
#include "serve/plan_reloader.h"
#include "serve/routes.h"
#include "serve/serve_options.h"
#include "serve/server_metrics.h"

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace clue::serve {

struct RequestHead {
    std::string_view method;
    std::string_view path;
    std::string_view authorization;
    std::optional<std::uint64_t> contentLength; // nothing for a chunked body
};

// A refusal to send without reading the body, or the body limit to read it with.
struct HeadCheck {
    std::optional<Reply> refusal;
    std::size_t bodyLimit = 0;
};

struct ApiParts {
    const ServeOptions& options;
    PlanStore& plans;
    PlanReloader& reloader;
    std::shared_ptr<JudgeQueue> queue;
    ServerMetrics& metrics;
    DecisionLog* decisions; // null without --decision-log
    std::shared_ptr<ModelProbe> probe;
    ServerLog& log;
    boost::asio::io_context& io;
};

class Api {
public:
    // Thread-safe; may be called on any thread, at most once per request.
    using Respond = std::function<void(Reply)>;

    explicit Api(ApiParts parts);

    HeadCheck checkHead(const RequestHead& head, const RouteMatch& match) const;
    void handle(Request request, const RouteMatch& match, Respond respond);

    // From now on judging routes and plan uploads answer 503.
    void drain() { draining_ = true; }
    bool draining() const { return draining_; }

private:
    void judge(Request request, bool batch, Respond respond);
    Reply planInfo() const;
    Reply uploadPlan(const std::string& body);
    Reply readiness() const;

    ApiParts parts_;
    std::atomic<bool> draining_{false};
    std::atomic<std::uint64_t> nextRequest_{1};
    std::string requestPrefix_;
};

// The /v1/plan document of `plan`.
nlohmann::ordered_json planDocument(const ActivePlan& plan);

} // namespace clue::serve
