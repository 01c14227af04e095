// Where the judge gets its answers: the model (through the cache or not), or the cache alone
// (replay). One interface, so the executor never knows which it talks to.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/cache/query_variant.h"
#include "runtime/image/image_loader.h"
#include "runtime/support/expected.h"
#include "runtime/support/token_usage.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace clue::runtime {

// What one answer cost: model calls made for it (0 when the cache answered), cache hits, tokens.
struct AnswerCost {
    int calls = 0;
    int cacheHits = 0;
    TokenUsage tokens;

    AnswerCost& operator+=(const AnswerCost& other) {
        calls += other.calls;
        cacheHits += other.cacheHits;
        tokens += other.tokens;
        return *this;
    }
};

// The statement a question is about; `key` is its statementHash, the cache's identity.
struct StatementRef {
    std::string statement;
    std::string key;
};

// One image as the judge sends it: its identity, and the data URL built once for all questions.
struct ImageRef {
    std::string sha256;
    std::shared_ptr<const std::string> dataUrl;
    std::shared_ptr<const LoadedImage> loaded; // the bytes, for a RegionEditor
};

// A one-token yes/no question. `variant` says which: Image (M(x,c)), NoImage (M(None,c)) or
// Masked (the image with the central object's region edited out, or cropped to it).
struct ScoreQuery {
    QueryVariant variant = QueryVariant::Image;
    StatementRef statement;
    ImageRef image; // unused for NoImage
    // Masked: the edited image that is actually sent; `image` still keys the cache.
    std::shared_ptr<const std::string> editedDataUrl;
};

struct ScoreAnswer {
    double score = 0; // P(Yes) / (P(Yes) + P(No))
    bool approximate = false;
    AnswerCost cost;
};

// The two-step chain-of-thought about one statement on one image.
struct ReasonQuery {
    StatementRef statement;
    ImageRef image;
};

struct RatingAnswer {
    bool yes = false;
    std::string rationale;
    AnswerCost cost;
};

// A question that could not be answered, with what trying cost.
struct AnswerError {
    BackendError error;
    AnswerCost cost;
};

using ScoreResult = Expected<ScoreAnswer, AnswerError>;
using RatingResult = Expected<RatingAnswer, AnswerError>;

// Thread-safe. A callback runs exactly once, either before the call returns (a cached answer) or
// later on another thread (the HTTP client's loop): keep it short and never throw from it.
class AnswerSource {
public:
    using ScoreCallback = std::function<void(ScoreResult)>;
    using RatingCallback = std::function<void(RatingResult)>;

    virtual ~AnswerSource() = default;
    virtual void score(const ScoreQuery& query, ScoreCallback done) = 0;
    virtual void reason(const ReasonQuery& query, RatingCallback done) = 0;
};

} // namespace clue::runtime
