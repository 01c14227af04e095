// One judging request: its images, the plan it started with, and each image's outcome. It
// finishes exactly once: when every image has a result, or when its deadline passes first, in
// which case each image still unjudged gets the fail-closed `error` verdict.
#pragma once

#include "runtime/image/image_loader.h"
#include "runtime/judge/answer_source.h"
#include "runtime/judge/image_result.h"
#include "serve/active_plan.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace clue::serve {

// An image as received: ready to judge, or why it cannot be.
struct PreparedImage {
    std::string name;
    std::optional<runtime::ImageRef> image;
    std::optional<runtime::ImageError> error;
};

// Sniffs and size-checks the bytes as `clue judge` does with a file (runtime::imageFromBytes).
PreparedImage prepareUpload(std::string bytes, std::string name,
                            const runtime::ImageLimits& limits);

struct ImageOutcome {
    runtime::ImageResult result;
    bool expired = false; // the deadline passed before the image was judged
};

class JudgeRequest : public std::enable_shared_from_this<JudgeRequest> {
public:
    // Runs once, on whichever thread finished the request; must not throw.
    using Done = std::function<void(JudgeRequest&)>;

    JudgeRequest(std::shared_ptr<ActivePlan> plan, std::vector<PreparedImage> images, Done done);

    ActivePlan& plan() { return *plan_; }
    const std::shared_ptr<ActivePlan>& planHandle() const { return plan_; }
    std::size_t size() const { return images_.size(); }
    const PreparedImage& image(std::size_t index) const { return images_[index]; }
    // The images that need a judgment (the others already have their error outcome).
    std::vector<std::size_t> judgeable() const;

    // Finishes the request right away when no image needs a judgment.
    void start();
    // Image `index`'s result; the last one finishes the request. Ignored once it finished.
    void complete(std::size_t index, runtime::ImageResult result);
    // The deadline: every image without a result is given the `error` verdict, and the request
    // finishes. Ignored once it finished.
    void expire();
    bool finished() const;
    // Valid once finished; in the order of the images.
    const std::vector<ImageOutcome>& outcomes() const { return outcomes_; }

private:
    void finishLocked(std::unique_lock<std::mutex>& lock);

    std::shared_ptr<ActivePlan> plan_;
    std::vector<PreparedImage> images_;
    Done done_;
    std::chrono::steady_clock::time_point created_ = std::chrono::steady_clock::now();
    mutable std::mutex mutex_;
    std::vector<ImageOutcome> outcomes_;
    std::vector<bool> have_;
    std::size_t missing_ = 0;
    bool finished_ = false;
};

} // namespace clue::serve
