// Judging many images: several in flight at once, so that the model server's slots stay busy,
// with results handed back in input order. No thread per request: images advance in the answer
// callbacks, and the calling thread only loads images and hands out results.
#pragma once

#include "runtime/image/image_input.h"
#include "runtime/image/image_loader.h"
#include "runtime/judge/image_judgment.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace clue::runtime {

struct BatchOptions {
    std::size_t imagesInFlight = 32;
    // Images started ahead of the oldest unfinished one, at most; bounds the results held back
    // for input order (0: 4 * imagesInFlight).
    std::size_t reorderWindow = 0;
    ImageLimits limits;
    OnError onError = OnError::Error;
    // How each image's questions are chosen and grouped into rounds (ImageJudgment).
    AskPolicy ask;
};

struct BatchState;

class BatchJudge {
public:
    // Gets each result on the thread that called run(), in input order; `index` is its position.
    using Sink = std::function<void(const ImageResult& result, std::size_t index)>;

    // `judge` must outlive run().
    BatchJudge(PredicateJudge& judge, BatchOptions options);

    // Judges every input; returns when all results went to `sink`. An image that cannot be read,
    // or whose input came with a problem, gets an `error` result and the run goes on. When `sink`
    // (or anything else here) throws, no image is started any more, the images in flight stop at
    // their next round, and the exception is rethrown only once the last of them is done: run()
    // never returns while an answer is in flight, so the judge, its priors and its answer source
    // may be destroyed as soon as it returns (the HTTP client's cancellations then call into
    // nothing that is gone).
    void run(const std::vector<ImageInput>& inputs, const Sink& sink);
    void run(const std::vector<std::filesystem::path>& paths, const Sink& sink);

private:
    void pump(const std::vector<ImageInput>& inputs, const Sink& sink,
              const std::shared_ptr<BatchState>& state);
    void start(const ImageInput& input, std::size_t index,
               const std::shared_ptr<BatchState>& state);

    PredicateJudge& judge_;
    BatchOptions options_;
    QuestionPlan questions_;
};

// Reads an image and prepares what every question about it needs (hash, data URL).
Expected<ImageRef, ImageError> prepareImage(const std::filesystem::path& path,
                                            const ImageLimits& limits);
// The same for an image already loaded (from a file or from bytes a client sent).
ImageRef makeImageRef(LoadedImage image);

} // namespace clue::runtime
