// Checking the server's settings against each other.
#include "serve/serve_options.h"

namespace clue::serve {

std::optional<std::string> checkOptions(const ServeOptions& options) {
    if (options.threads < 1) {
        return "--threads must be at least 1";
    }
    if (options.imagesInFlight < 1 || options.maxBatchImages < 1 || options.maxConnections < 1) {
        return "--images-in-flight, --max-batch and --max-connections must be at least 1";
    }
    if (options.maxBatchImages > options.imagesInFlight + options.queuedImages) {
        return "--max-batch (" + std::to_string(options.maxBatchImages) +
               ") is more than --images-in-flight plus --queue (" +
               std::to_string(options.imagesInFlight + options.queuedImages) +
               "): such a batch could never be admitted";
    }
    if (options.maxBufferedBytes < 3 * options.maxBodyBytes) {
        return "--max-buffered-bytes must hold at least three bodies of --max-body-bytes (a body "
               "lives on as its image and data URL)";
    }
    if (options.timeout.count() <= 0) {
        return "--timeout must be positive";
    }
    return std::nullopt;
}

} // namespace clue::serve
