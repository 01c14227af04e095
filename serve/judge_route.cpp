// POST /v1/judge and /v1/judge/batch: take the images out, admit them or refuse at once, and
// answer when they are judged or the deadline passes, on the plan the request started with.
#include "serve/answer_json.h"
#include "serve/api.h"
#include "serve/image_payload.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <fmt/format.h>

namespace clue::serve {
namespace {

namespace net = boost::asio;
using Strand = net::strand<net::io_context::executor_type>;

Reply refusedAtAdmission(JudgeQueue::Admission admission, const JudgeQueue& queue) {
    if (admission == JudgeQueue::Admission::Draining) {
        Reply reply = errorReply(503, "draining", "the server is shutting down");
        reply.close = true;
        return reply;
    }
    const auto wait = queue.retryAfter();
    Reply reply =
        errorReply(429, "overloaded",
                   fmt::format("{} images are waiting and {} being judged, the most this server "
                               "takes; retry after {} s",
                               queue.waiting(), queue.running(), wait.count()));
    reply.headers.emplace_back("Retry-After", std::to_string(wait.count()));
    return reply;
}

} // namespace

void Api::judge(Request request, bool batch, Respond respond) {
    const ServeOptions& options = parts_.options;
    auto payloads =
        extractImages(request.contentType, std::move(request.body), batch, options.maxBatchImages);
    if (!payloads) {
        const RequestProblem& p = payloads.error();
        respond(errorReply(p.status, p.code, p.message));
        return;
    }
    std::vector<PreparedImage> images;
    for (ImagePayload& payload : payloads.value()) {
        images.push_back(
            prepareUpload(std::move(payload.bytes), std::move(payload.name), options.imageLimits));
    }
    if (!batch && images.front().error) {
        const runtime::ImageError& error = *images.front().error;
        parts_.metrics.image(runtime::unreadableImage(error), {}, false);
        respond(errorReply(422, runtime::toString(error.kind), error.message));
        return;
    }
    const std::string requestId = fmt::format("{}-{}", requestPrefix_, nextRequest_.fetch_add(1));
    auto strand = std::make_shared<Strand>(net::make_strand(parts_.io));
    auto timer = std::make_shared<net::steady_timer>(*strand, options.timeout);
    const std::string route = batch ? "/v1/judge/batch" : "/v1/judge";
    // Runs once, on whichever thread finished the request; the reply is built on the strand.
    auto finish = [this, strand, timer, batch, respond, requestId, route](JudgeRequest& done) {
        net::post(*strand, [this, timer, batch, respond, requestId, route,
                            request = done.shared_from_this()] {
            timer->cancel();
            for (const ImageOutcome& outcome : request->outcomes()) {
                parts_.metrics.image(outcome.result, request->plan().ruleIds(), outcome.expired);
            }
            if (parts_.decisions != nullptr &&
                !parts_.decisions->record(*request, requestId, route)) {
                parts_.metrics.decisionLogFailed();
            }
            const auto deadline = parts_.options.timeout;
            Reply reply = jsonReply(
                200, batch ? batchAnswer(*request, deadline)
                           : imageAnswer(request->outcomes().front(), request->plan(), deadline));
            reply.headers.emplace_back("X-Request-Id", requestId);
            respond(std::move(reply));
        });
    };
    auto judged = std::make_shared<JudgeRequest>(parts_.plans.current(), std::move(images), finish);
    // Admission and the deadline on the strand, so that the timer is only touched there.
    net::dispatch(*strand, [this, judged, timer, respond] {
        const auto admission = parts_.queue->submit(judged);
        if (admission != JudgeQueue::Admission::Accepted) {
            respond(refusedAtAdmission(admission, *parts_.queue));
            return;
        }
        timer->async_wait([queue = parts_.queue, judged](boost::system::error_code ec) {
            if (!ec) {
                queue->withdraw(*judged);
                judged->expire();
            }
        });
    });
}

} // namespace clue::serve
