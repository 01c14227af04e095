// A request's outcomes, complete or cut off by its deadline.
#include "serve/judge_request.h"

#include "runtime/judge/batch_judge.h"

namespace clue::serve {

PreparedImage prepareUpload(std::string bytes, std::string name,
                            const runtime::ImageLimits& limits) {
    PreparedImage prepared;
    prepared.name = name;
    auto loaded = runtime::imageFromBytes(std::move(bytes), name, limits);
    if (loaded) {
        prepared.image = runtime::makeImageRef(std::move(loaded).value());
    } else {
        prepared.error = std::move(loaded.error());
        if (name.empty()) { // the loader's message starts with the name, "" here: give it one
            prepared.error->message = "the image" + prepared.error->message;
        }
    }
    return prepared;
}

JudgeRequest::JudgeRequest(std::shared_ptr<ActivePlan> plan, std::vector<PreparedImage> images,
                           Done done)
    : plan_(std::move(plan)), images_(std::move(images)), done_(std::move(done)),
      outcomes_(images_.size()), have_(images_.size(), false) {
    for (std::size_t i = 0; i < images_.size(); ++i) {
        if (images_[i].error) {
            outcomes_[i].result = runtime::unreadableImage(*images_[i].error);
            have_[i] = true;
        } else {
            ++missing_;
        }
    }
}

std::vector<std::size_t> JudgeRequest::judgeable() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < images_.size(); ++i) {
        if (images_[i].image) {
            out.push_back(i);
        }
    }
    return out;
}

void JudgeRequest::start() {
    std::unique_lock lock(mutex_);
    if (missing_ == 0 && !finished_) {
        finishLocked(lock);
    }
}

void JudgeRequest::complete(std::size_t index, runtime::ImageResult result) {
    std::unique_lock lock(mutex_);
    if (finished_ || have_[index]) {
        return;
    }
    outcomes_[index].result = std::move(result);
    have_[index] = true;
    if (--missing_ == 0) {
        finishLocked(lock);
    }
}

void JudgeRequest::expire() {
    std::unique_lock lock(mutex_);
    if (finished_) {
        return;
    }
    const std::size_t rules = plan_->plan().rules.size();
    const auto waited = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - created_);
    for (std::size_t i = 0; i < images_.size(); ++i) {
        if (have_[i]) {
            continue;
        }
        runtime::ImageResult& result = outcomes_[i].result;
        result.path = images_[i].name;
        result.sha256 = images_[i].image->sha256;
        result.rules.assign(rules, runtime::RuleState::Error);
        result.verdict = runtime::Verdict::Error; // fail closed: never `safe`
        result.elapsed = waited;
        outcomes_[i].expired = true;
        have_[i] = true;
    }
    missing_ = 0;
    finishLocked(lock);
}

bool JudgeRequest::finished() const {
    std::lock_guard lock(mutex_);
    return finished_;
}

void JudgeRequest::finishLocked(std::unique_lock<std::mutex>& lock) {
    finished_ = true;
    Done done = std::move(done_);
    lock.unlock();
    if (done) {
        done(*this);
    }
}

} // namespace clue::serve
