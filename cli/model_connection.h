// What `clue judge` and `clue calibrate` ask their questions through: the HTTP client, the
// OpenAI-compatible backend and the plan's prompts, behind the score cache, or the cache alone
// for a replay.
#pragma once

#include "runtime/cache/score_cache.h"
#include "runtime/config/backend_config.h"
#include "runtime/http/http_client.h"
#include "runtime/judge/cached_answer_source.h"
#include "runtime/judge/model_answer_source.h"
#include "runtime/judge/replay_answer_source.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace clue::cli {

class ModelConnection {
public:
    // Without `cache`, every question goes to the server. With `replay`, no server is contacted
    // and `cache` is opened read-only. Throws runtime::CacheError when the cache cannot be opened.
    ModelConnection(const runtime::BackendConfig& config, const plan::Prompts& prompts,
                    const std::optional<std::filesystem::path>& cache, bool replay,
                    std::function<void(const std::string&)> warn);
    ~ModelConnection(); // shuts the HTTP client down first: no callback outlives the sources

    runtime::AnswerSource& source() { return *source_; }

private:
    std::unique_ptr<runtime::HttpClient> client_;
    std::unique_ptr<runtime::OpenAiBackend> backend_;
    std::unique_ptr<runtime::ModelAnswerSource> model_;
    std::unique_ptr<runtime::ScoreCache> cache_;
    std::unique_ptr<runtime::AnswerSource> cached_;
    runtime::AnswerSource* source_ = nullptr;
};

} // namespace clue::cli
