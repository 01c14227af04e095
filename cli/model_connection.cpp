// Wiring the answer sources.
#include "cli/model_connection.h"

namespace clue::cli {

using namespace runtime;

ModelConnection::ModelConnection(const BackendConfig& config, const plan::Prompts& prompts,
                                 const std::optional<std::filesystem::path>& cache, bool replay,
                                 std::function<void(const std::string&)> warn) {
    const CacheScope scope{config.model, prompts.version};
    if (replay) {
        ScoreCache::Options options;
        options.readOnly = true;
        cache_ = std::make_unique<ScoreCache>(*cache, options);
        cached_ = std::make_unique<ReplayAnswerSource>(*cache_, scope);
        source_ = cached_.get();
        return;
    }
    client_ = std::make_unique<HttpClient>(config.httpClientOptions());
    backend_ = std::make_unique<OpenAiBackend>(*client_, config.backendOptions());
    model_ = std::make_unique<ModelAnswerSource>(*backend_, prompts);
    source_ = model_.get();
    if (cache) {
        cache_ = std::make_unique<ScoreCache>(*cache);
        cached_ = std::make_unique<CachedAnswerSource>(*model_, *cache_, scope, std::move(warn));
        source_ = cached_.get();
    }
}

ModelConnection::~ModelConnection() {
    if (client_) {
        client_->shutdown();
    }
}

} // namespace clue::cli
