// Images in flight, results in order.
#include "runtime/judge/batch_judge.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>

namespace clue::runtime {

Expected<ImageRef, ImageError> prepareImage(const std::filesystem::path& path,
                                            const ImageLimits& limits) {
    auto loaded = loadImage(path, limits);
    if (!loaded) {
        return loaded.error();
    }
    return makeImageRef(std::move(loaded).value());
}

ImageRef makeImageRef(LoadedImage loaded) {
    auto image = std::make_shared<const LoadedImage>(std::move(loaded));
    return ImageRef{image->sha256, std::make_shared<const std::string>(image->dataUrl()), image};
}

BatchJudge::BatchJudge(PredicateJudge& judge, BatchOptions options)
    : judge_(judge), options_(options), questions_(judge.plan()) {
    options_.imagesInFlight = std::max<std::size_t>(1, options_.imagesInFlight);
    if (options_.reorderWindow == 0) {
        options_.reorderWindow = 4 * options_.imagesInFlight;
    }
    options_.reorderWindow = std::max(options_.reorderWindow, options_.imagesInFlight);
}

// Shared with the completion callbacks, which may still be unwinding after run() got the last
// result: they hold it by shared_ptr.
struct BatchState {
    std::mutex mutex;
    std::condition_variable finished;
    std::map<std::size_t, ImageResult> done; // finished, not yet handed to the sink
    std::size_t inFlight = 0;
    // Set when the run ends early: images in flight ask nothing more (ImageJudgment's `stop`).
    std::shared_ptr<std::atomic<bool>> abandoned = std::make_shared<std::atomic<bool>>(false);

    void complete(std::size_t index, ImageResult result) {
        std::lock_guard lock(mutex);
        done.emplace(index, std::move(result));
        --inFlight;
        finished.notify_one();
    }

    // Stops the images in flight at their next round and waits until each is done.
    void abandon() {
        abandoned->store(true);
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return inFlight == 0; });
    }
};

void BatchJudge::run(const std::vector<std::filesystem::path>& paths, const Sink& sink) {
    run(std::vector<ImageInput>(paths.begin(), paths.end()), sink);
}

void BatchJudge::run(const std::vector<ImageInput>& inputs, const Sink& sink) {
    auto state = std::make_shared<BatchState>();
    try {
        pump(inputs, sink, state);
    } catch (...) {
        state->abandon();
        throw;
    }
}

void BatchJudge::pump(const std::vector<ImageInput>& inputs, const Sink& sink,
                      const std::shared_ptr<BatchState>& state) {
    std::size_t started = 0;
    std::size_t written = 0;
    auto canStart = [&] {
        return started < inputs.size() && state->inFlight < options_.imagesInFlight &&
               started - written < options_.reorderWindow;
    };
    auto canWrite = [&] {
        return !state->done.empty() && state->done.begin()->first == written;
    };

    std::unique_lock lock(state->mutex);
    while (written < inputs.size()) {
        state->finished.wait(lock, [&] { return canStart() || canWrite(); });
        // Start what the limits allow; loading happens without the lock.
        while (canStart()) {
            const std::size_t index = started++;
            ++state->inFlight;
            lock.unlock();
            start(inputs[index], index, state);
            lock.lock();
        }
        // Hand out what is ready, in order, without holding the lock during the sink.
        while (canWrite()) {
            ImageResult result = std::move(state->done.begin()->second);
            state->done.erase(state->done.begin());
            lock.unlock();
            sink(result, written);
            lock.lock();
            ++written;
        }
    }
}

void BatchJudge::start(const ImageInput& input, std::size_t index,
                       const std::shared_ptr<BatchState>& state) {
    if (input.problem) {
        state->complete(index, unreadableImage(*input.problem));
        return;
    }
    const std::filesystem::path& path = input.path;
    auto image = prepareImage(path, options_.limits);
    if (!image) {
        state->complete(index, unreadableImage(std::move(image.error())));
        return;
    }
    auto judgment = std::make_shared<ImageJudgment>(
        judge_, questions_, std::move(image.value()), path, options_.onError,
        [state, index](ImageResult result) { state->complete(index, std::move(result)); },
        options_.ask, state->abandoned);
    judgment->start();
}

} // namespace clue::runtime
