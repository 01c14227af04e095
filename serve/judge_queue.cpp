// The bounded queue in front of the judge.
#include "serve/judge_queue.h"

#include "runtime/judge/image_judgment.h"

#include <algorithm>
#include <cmath>

namespace clue::serve {

JudgeQueue::JudgeQueue(QueueLimits limits, Executor executor)
    : limits_(limits), executor_(std::move(executor)) {
    limits_.inFlight = std::max<std::size_t>(1, limits_.inFlight);
}

JudgeQueue::Admission JudgeQueue::submit(const std::shared_ptr<JudgeRequest>& request) {
    const std::vector<std::size_t> images = request->judgeable();
    {
        std::lock_guard lock(mutex_);
        if (draining_) {
            return Admission::Draining;
        }
        if (running_ + queue_.size() + images.size() > limits_.inFlight + limits_.waiting) {
            return Admission::Full;
        }
        for (std::size_t index : images) {
            queue_.push_back({request, index});
        }
    }
    request->start(); // finishes at once when no image needs judging
    pump();
    return Admission::Accepted;
}

void JudgeQueue::withdraw(const JudgeRequest& request) {
    std::lock_guard lock(mutex_);
    std::erase_if(queue_, [&](const Job& job) { return job.request.get() == &request; });
}

void JudgeQueue::drain() {
    std::lock_guard lock(mutex_);
    draining_ = true;
}

std::size_t JudgeQueue::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t JudgeQueue::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

std::chrono::seconds JudgeQueue::retryAfter() const {
    std::lock_guard lock(mutex_);
    const double backlog = static_cast<double>(queue_.size() + running_);
    const double seconds = meanImageSeconds_ * backlog / static_cast<double>(limits_.inFlight);
    return std::chrono::seconds(std::clamp<long>(std::lround(std::ceil(seconds)), 1, 60));
}

// Starts what the in-flight bound allows, outside the lock (a start may finish at once).
void JudgeQueue::pump() {
    std::vector<Job> ready;
    {
        std::lock_guard lock(mutex_);
        while (running_ < limits_.inFlight && !queue_.empty()) {
            ready.push_back(std::move(queue_.front()));
            queue_.pop_front();
            ++running_;
        }
    }
    for (Job& job : ready) {
        executor_([self = shared_from_this(), job = std::move(job)]() mutable {
            self->start(std::move(job));
        });
    }
}

void JudgeQueue::start(Job job) {
    JudgeRequest& request = *job.request;
    if (request.finished()) { // its deadline passed while it waited for this thread
        finished(std::nullopt);
        return;
    }
    const PreparedImage& image = request.image(job.index);
    ActivePlan& plan = request.plan();
    // The callback holds the request, and so the plan, until the judgment ends.
    auto judgment = std::make_shared<runtime::ImageJudgment>(
        plan.judge(), plan.questions(), *image.image, image.name, runtime::OnError::Error,
        [self = shared_from_this(), request = job.request,
         index = job.index](runtime::ImageResult result) {
            const auto elapsed = result.elapsed;
            request->complete(index, std::move(result));
            self->finished(elapsed);
        },
        limits_.ask);
    judgment->start();
}

void JudgeQueue::finished(std::optional<std::chrono::microseconds> elapsed) {
    {
        std::lock_guard lock(mutex_);
        --running_;
        if (elapsed) {
            const double seconds = std::chrono::duration<double>(*elapsed).count();
            meanImageSeconds_ =
                meanImageSeconds_ == 0 ? seconds : 0.9 * meanImageSeconds_ + 0.1 * seconds;
        }
    }
    pump();
}

} // namespace clue::serve
