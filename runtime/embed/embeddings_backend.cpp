// The embeddings backend: request bodies out, checked vectors back, secrets never shown.
#include "runtime/embed/embeddings_backend.h"

#include "runtime/backend/call_failure.h"
#include "runtime/embed/embedding_request_builder.h"
#include "runtime/support/future_of.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

namespace clue::runtime {
namespace {

using ParsedResult = Expected<ParsedEmbeddings, BackendError>;

EmbeddingResult readAnswer(const HttpResult& result, const std::string& url, std::string_view key,
                           std::size_t count) {
    if (!result.httpOk()) {
        return finished(httpFailure(result, url), result, key);
    }
    ParsedResult parsed = parseEmbeddingResponse(result.body, count);
    if (!parsed) {
        return finished(parsed.error(), result, key);
    }
    EmbeddingAnswer answer{std::move(parsed->vectors), statsOf(result)};
    answer.stats.usage = parsed->usage;
    return answer;
}

// The batches of one embedTexts call: each answer lands in its place; the last one to arrive
// delivers the whole, or the first failure.
struct TextBatches {
    TextBatches(std::size_t batches, EmbeddingsBackend::Callback whenDone)
        : answers(batches), remaining(batches), done(std::move(whenDone)) {}

    void deliver(std::size_t batch, EmbeddingResult result) {
        std::unique_lock lock(mutex);
        if (result) {
            answers[batch] = std::move(result.value());
        } else if (!failure) {
            failure = std::move(result.error());
        }
        if (--remaining > 0) {
            return;
        }
        lock.unlock();
        done(failure ? EmbeddingResult(std::move(*failure)) : EmbeddingResult(joined()));
    }

    EmbeddingAnswer joined() {
        EmbeddingAnswer whole;
        for (auto& answer : answers) {
            std::move(answer.vectors.begin(), answer.vectors.end(),
                      std::back_inserter(whole.vectors));
            whole.stats.attempts += answer.stats.attempts;
            whole.stats.httpStatus = answer.stats.httpStatus;
            whole.stats.elapsed = std::max(whole.stats.elapsed, answer.stats.elapsed);
            whole.stats.bytesSent += answer.stats.bytesSent;
            whole.stats.bytesReceived += answer.stats.bytesReceived;
            whole.stats.usage += answer.stats.usage;
        }
        return whole;
    }

    std::mutex mutex;
    std::vector<EmbeddingAnswer> answers;
    std::size_t remaining;
    std::optional<BackendError> failure;
    EmbeddingsBackend::Callback done;
};

} // namespace

EmbeddingsBackend::EmbeddingsBackend(HttpClient& client, EmbeddingsBackendOptions options,
                                     CircuitBreaker* breaker)
    : client_(client), options_(std::move(options)), breaker_(breaker) {
    options_.endpoint = apiBase(std::move(options_.endpoint));
}

std::string EmbeddingsBackend::embeddingsUrl() const {
    return options_.endpoint + "/embeddings";
}

void EmbeddingsBackend::send(std::string body, std::size_t count, Callback done) {
    if (breaker_ != nullptr) {
        if (auto refused = breaker_->refusal()) {
            done(std::move(*refused));
            return;
        }
    }
    HttpRequest request;
    request.url = embeddingsUrl();
    request.headers = {"Content-Type: application/json", "Accept: application/json"};
    request.body = std::move(body);
    request.bearerToken = options_.apiKey;
    request.totalTimeout = options_.requestTimeout;
    request.maxResponseBytes = (16u << 10) + kEmbeddingReplyBytesPerVector * count;
    request.retryIf = [count](long, std::string_view answer) -> std::optional<std::string> {
        auto parsed = parseEmbeddingResponse(answer, count);
        if (!parsed && parsed.error().kind != BackendErrorKind::ServerError) {
            return parsed.error().message;
        }
        return std::nullopt;
    };
    if (breaker_ != nullptr) {
        request.abandonIf = [breaker = breaker_] {
            return breaker->open();
        };
    }
    client_.submit(std::move(request), [this, count, url = embeddingsUrl(), key = options_.apiKey,
                                        done = std::move(done)](HttpResult result) {
        EmbeddingResult answer = readAnswer(result, url, key, count);
        if (breaker_ != nullptr) {
            if (!answer && answer.error().kind == BackendErrorKind::Cancelled) {
                if (auto refused = breaker_->refusal()) {
                    done(std::move(*refused)); // abandoned because the breaker opened
                    return;
                }
            }
            breaker_->record(answer ? nullptr : &answer.error());
        }
        done(std::move(answer));
    });
}

void EmbeddingsBackend::embedTexts(const std::vector<std::string>& texts, Callback done) {
    if (texts.empty()) {
        done(EmbeddingAnswer{});
        return;
    }
    const std::size_t batches =
        (texts.size() + kTextsPerEmbeddingRequest - 1) / kTextsPerEmbeddingRequest;
    auto state = std::make_shared<TextBatches>(batches, std::move(done));
    for (std::size_t b = 0; b < batches; ++b) {
        const auto first =
            texts.begin() + static_cast<std::ptrdiff_t>(b * kTextsPerEmbeddingRequest);
        const auto last = texts.begin() + static_cast<std::ptrdiff_t>(std::min(
                                              texts.size(), (b + 1) * kTextsPerEmbeddingRequest));
        const std::vector<std::string> batch(first, last);
        send(buildTextEmbeddingBody(options_.protocol, options_.model, batch), batch.size(),
             [state, b](EmbeddingResult result) { state->deliver(b, std::move(result)); });
    }
}

std::future<EmbeddingResult> EmbeddingsBackend::embedTexts(const std::vector<std::string>& texts) {
    return futureOf<EmbeddingResult>([&](Callback done) { embedTexts(texts, std::move(done)); });
}

void EmbeddingsBackend::embedImage(std::string_view imageDataUrl, Callback done) {
    send(buildImageEmbeddingBody(options_.protocol, options_.model, imageDataUrl), 1,
         std::move(done));
}

std::future<EmbeddingResult> EmbeddingsBackend::embedImage(std::string_view imageDataUrl) {
    return futureOf<EmbeddingResult>(
        [&](Callback done) { embedImage(imageDataUrl, std::move(done)); });
}

} // namespace clue::runtime
