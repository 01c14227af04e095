// Admission and dispatch of images: at most `inFlight` images are judged at once and at most
// `waiting` more wait in one FIFO queue. A request whose images do not fit is refused whole
// (the caller answers 429 with Retry-After, or 503 once draining), so the queue never grows
// without bound and no admitted image is dropped.
#pragma once

#include "runtime/judge/ask_policy.h"
#include "serve/judge_request.h"

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace clue::serve {

struct QueueLimits {
    std::size_t inFlight = 32;
    std::size_t waiting = 128;
    runtime::AskPolicy ask; // as ImageJudgment's
};

class JudgeQueue : public std::enable_shared_from_this<JudgeQueue> {
public:
    // Runs a task on a thread of the server's pool: judgments start there, not on the model
    // client's thread, whose callbacks must stay short.
    using Executor = std::function<void(std::function<void()>)>;
    enum class Admission { Accepted, Full, Draining };

    JudgeQueue(QueueLimits limits, Executor executor);

    // Admits every judgeable image of `request`, or none.
    Admission submit(const std::shared_ptr<JudgeRequest>& request);
    // Takes the request's images that have not started out of the queue (its deadline passed).
    void withdraw(const JudgeRequest& request);
    // From now on every submission is refused with Draining; admitted images still run.
    void drain();

    std::size_t waiting() const;
    std::size_t running() const;
    // How long a refused client should wait: the queue's expected drain time, 1 to 60 s.
    std::chrono::seconds retryAfter() const;
    const QueueLimits& limits() const { return limits_; }

private:
    struct Job {
        std::shared_ptr<JudgeRequest> request;
        std::size_t index;
    };

    void pump();
    void start(Job job);
    // Frees a slot; `elapsed` is the judgment's time, nothing when it was skipped.
    void finished(std::optional<std::chrono::microseconds> elapsed);

    QueueLimits limits_;
    Executor executor_;
    mutable std::mutex mutex_;
    std::deque<Job> queue_;
    std::size_t running_ = 0;
    bool draining_ = false;
    double meanImageSeconds_ = 0; // moving average of finished judgments
};

} // namespace clue::serve
