// Assembling the answer sources, and the default cache location.
#include "runtime/session/answer_stack.h"

#include "runtime/backend/model_list.h"
#include "runtime/judge/cached_answer_source.h"
#include "runtime/judge/model_answer_source.h"
#include "runtime/judge/replay_answer_source.h"

#include <cstdlib>

namespace clue::runtime {

namespace fs = std::filesystem;

Expected<std::unique_ptr<AnswerStack>, AnswerStackError>
AnswerStack::open(AnswerStackOptions options) {
    using Kind = AnswerStackError::Kind;
    if (auto missing = options.backend.missingSetting()) {
        return AnswerStackError{Kind::NoModel, *missing};
    }
    if (options.replay && !options.cacheFile) {
        return AnswerStackError{Kind::ReplayWithoutCache,
                                "a replay answers from the score cache, and none was given"};
    }
    std::unique_ptr<AnswerStack> stack(new AnswerStack(std::move(options)));
    const AnswerStackOptions& o = stack->options_;
    if (o.cacheFile) {
        try {
            ScoreCache::Options cacheOptions;
            cacheOptions.readOnly = o.replay;
            stack->cache_ = std::make_unique<ScoreCache>(*o.cacheFile, cacheOptions);
        } catch (const CacheError& e) {
            return AnswerStackError{Kind::CacheUnavailable, e.what()};
        }
    }
    if (!o.replay) {
        stack->server_ = std::make_unique<ServerConnection>(o.backend);
    }
    return stack;
}

AnswerStack::~AnswerStack() {
    if (server_) {
        server_->shutdown();
    }
}

AnswerStack::Layers AnswerStack::build(const plan::Prompts& prompts) {
    const CacheScope scope{options_.backend.model, prompts.version};
    Layers layers;
    if (options_.replay) {
        layers.front = std::make_unique<ReplayAnswerSource>(*cache_, scope);
        return layers;
    }
    layers.model = std::make_unique<ModelAnswerSource>(server_->backend(), prompts);
    if (cache_) {
        layers.front =
            std::make_unique<CachedAnswerSource>(*layers.model, *cache_, scope, options_.warn);
    }
    return layers;
}

const AnswerStack::Layers& AnswerStack::layers(const plan::Prompts& prompts) {
    std::lock_guard lock(mutex_);
    PromptsKey key{prompts.version, prompts.yesNo, prompts.reasoning, prompts.summary};
    auto it = sources_.find(key);
    if (it == sources_.end()) {
        it = sources_.emplace(std::move(key), build(prompts)).first;
    }
    return it->second; // never erased: the reference stays valid
}

AnswerSource& AnswerStack::source(const plan::Prompts& prompts) {
    const Layers& found = layers(prompts);
    return found.front ? *found.front : *found.model;
}

void AnswerStack::probe(const plan::Prompts& prompts, const StatementRef& statement,
                        AnswerSource::ScoreCallback done) {
    const Layers& found = layers(prompts);
    ScoreQuery query;
    query.variant = QueryVariant::NoImage;
    query.statement = statement;
    if (!found.model || !options_.backend.preflight) {
        (found.model ? *found.model : *found.front).score(query, std::move(done));
        return;
    }
    // The preflight first: a server that answers but no longer serves the model is not ready.
    checkModelServed(server_->backend(), [model = found.model.get(), query, done = std::move(done)](
                                             std::optional<BackendError> problem) mutable {
        if (problem) {
            done(AnswerError{std::move(*problem), {}});
        } else {
            model->score(query, std::move(done));
        }
    });
}

std::optional<BackendError> AnswerStack::preflight() {
    return server_ ? server_->preflight() : std::nullopt;
}

std::optional<BackendError> AnswerStack::stopped() const {
    return server_ ? server_->stopped() : std::nullopt;
}

fs::path defaultCacheFile() {
    fs::path file;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
        file = fs::path(xdg) / "clue" / "scores.sqlite";
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
        file = fs::path(home) / ".cache" / "clue" / "scores.sqlite";
    } else {
        file = fs::path(".clue-cache") / "scores.sqlite";
    }
    std::error_code ignored; // a failure shows when the cache opens the file
    fs::create_directories(file.parent_path(), ignored);
    return file;
}

} // namespace clue::runtime
