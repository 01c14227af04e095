// Head checks, routing, and the routes that answer at once.
#include "serve/api.h"

#include "common/assert.h"
#include "plan/plan_loader.h"
#include "serve/utc_time.h"

#include <fmt/format.h>

namespace clue::serve {
namespace {

constexpr std::size_t kSmallBody = 64 * 1024; // what a GET may carry (and is ignored)

Reply metricsReply(std::string text) {
    Reply reply;
    reply.contentType = "text/plain; version=0.0.4; charset=utf-8";
    reply.body = std::move(text);
    return reply;
}

} // namespace

Api::Api(ApiParts parts)
    : parts_(std::move(parts)),
      requestPrefix_(fmt::format("{:x}", std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count())) {}

nlohmann::ordered_json planDocument(const ActivePlan& active) {
    const plan::Plan& p = active.plan();
    const PlanIdentity& id = active.identity();
    auto orNull = [](const std::optional<std::string>& value) {
        return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
    };
    return {{"id", id.sha256},
            {"name", orNull(p.constitution.name)},
            {"version", orNull(p.constitution.version)},
            {"sha256", id.sha256},
            {"loaded_at", utcTimestamp(id.loadedAt)},
            {"origin", id.origin},
            {"path",
             id.path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(id.path)},
            {"compiler", p.compiler},
            {"optimization", p.optimization.level},
            {"rules", p.rules.size()},
            {"predicates", p.predicates.size()},
            {"calibration_model", orNull(p.calibrationModel)}};
}

HeadCheck Api::checkHead(const RequestHead& head, const RouteMatch& match) const {
    HeadCheck check;
    if (match.route == Route::Unknown) {
        check.refusal = errorReply(404, "not-found", "no such route");
        return check;
    }
    if (!match.methodAllowed) {
        check.refusal =
            errorReply(405, "method-not-allowed",
                       fmt::format("{} takes {}", routeLabel(match.route), match.allow));
        check.refusal->headers.emplace_back("Allow", std::string(match.allow));
        return check;
    }
    const ServeOptions& options = parts_.options;
    if (needsToken(match.route) && !options.tokens.empty() &&
        !options.tokens.accepts(head.authorization)) {
        check.refusal = errorReply(401, "unauthorized", "a valid bearer token is required");
        check.refusal->headers.emplace_back("WWW-Authenticate", "Bearer realm=\"clue\"");
        return check;
    }
    const bool upload = match.route == Route::Plan && head.method == "PUT";
    if (upload && options.tokens.empty()) {
        check.refusal = errorReply(403, "forbidden",
                                   "plan uploads are open only with --auth-tokens; send SIGHUP "
                                   "to reload the plan file instead");
        return check;
    }
    const bool judging = match.route == Route::Judge || match.route == Route::JudgeBatch;
    if ((judging || upload) && draining_) {
        check.refusal = errorReply(503, "draining", "the server is shutting down");
        check.refusal->close = true;
        return check;
    }
    check.bodyLimit = upload ? plan::kMaxPlanBytes : judging ? options.maxBodyBytes : kSmallBody;
    if (head.contentLength && *head.contentLength > check.bodyLimit) {
        check.refusal = errorReply(413, "body-too-large",
                                   fmt::format("the body is {} bytes; the limit is {} bytes",
                                               *head.contentLength, check.bodyLimit));
    }
    return check;
}

void Api::handle(Request request, const RouteMatch& match, Respond respond) {
    switch (match.route) {
    case Route::Judge:
    case Route::JudgeBatch:
        judge(std::move(request), match.route == Route::JudgeBatch, std::move(respond));
        return;
    case Route::Plan:
        respond(request.method == "PUT" ? uploadPlan(request.body) : planInfo());
        return;
    case Route::Healthz:
        respond(jsonReply(200, {{"status", "ok"}}));
        return;
    case Route::Readyz:
        respond(readiness());
        return;
    case Route::Metrics:
        respond(metricsReply(parts_.metrics.render()));
        return;
    case Route::Unknown:
        break;
    }
    CLUE_UNREACHABLE(); // checkHead() answered unknown routes
}

Reply Api::planInfo() const {
    return jsonReply(200, planDocument(*parts_.plans.current()));
}

Reply Api::uploadPlan(const std::string& body) {
    auto loaded = parts_.reloader.fromUpload(body);
    if (!loaded) {
        return errorReply(422, "plan-refused", loaded.error() + "; the active plan stays");
    }
    return jsonReply(200, planDocument(*loaded.value()));
}

Reply Api::readiness() const {
    const bool modelUp = parts_.probe->up();
    const bool ready = modelUp && !draining_;
    nlohmann::ordered_json body = {{"ready", ready},
                                   {"plan", parts_.plans.current()->identity().sha256},
                                   {"model", modelUp ? "up" : "down"},
                                   {"draining", draining_.load()}};
    if (!modelUp) {
        body["problem"] = parts_.probe->problem();
    }
    return jsonReply(ready ? 200 : 503, body);
}

} // namespace clue::serve
