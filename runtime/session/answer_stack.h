// The answer sources of every verb that asks a model about images (`clue judge`, `clue
// calibrate`, and the server, eval and diff built on them), assembled in one place:
//
//     live, with a cache:  CachedAnswerSource -> ModelAnswerSource -> OpenAiBackend -> HttpClient
//     live, no cache:      ModelAnswerSource -> OpenAiBackend -> HttpClient
//     replay:              ReplayAnswerSource -> ScoreCache (read-only); no server is contacted
//
// A caller fills AnswerStackOptions (the CLI maps its flags to them), opens one stack, and asks
// it for the source of each plan's prompts. One stack serves any number of plans and threads:
// the HTTP client (its connections and its bound on requests in flight) and the cache file are
// shared; each distinct prompt set gets a source of its own, because the prompts decide both the
// questions and whose answers the cache holds (model and prompt version).
#pragma once

#include "plan/plan.h"
#include "runtime/cache/score_cache.h"
#include "runtime/config/backend_config.h"
#include "runtime/judge/answer_source.h"
#include "runtime/session/server_connection.h"
#include "runtime/support/expected.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

namespace clue::runtime {

struct AnswerStackOptions {
    BackendConfig backend; // the server, the model, requests in flight, timeouts, retries
    // The score cache; nothing: every question goes to the server. Opened read-only for a replay.
    std::optional<std::filesystem::path> cacheFile;
    bool replay = false; // answer from `cacheFile` only; a question it cannot answer is an error
    // Cache trouble that fails no judgment (a lock held too long, a damaged file), reported once
    // per source; may be empty.
    std::function<void(const std::string&)> warn;
};

struct AnswerStackError {
    enum class Kind {
        NoModel,            // backend.model is empty: the answers and the cache keys need one
        ReplayWithoutCache, // replay was asked without a cache file
        CacheUnavailable,   // the cache file cannot be opened; the message names it and why
    };
    Kind kind;
    std::string message;
};

class AnswerStack {
public:
    // Opens the cache file (when given) and, unless replaying, the connection to the server.
    // Nothing is contacted yet: the first question does that.
    static Expected<std::unique_ptr<AnswerStack>, AnswerStackError>
    open(AnswerStackOptions options);

    // Shuts the connection down first: questions in flight end with a Cancelled error.
    ~AnswerStack();
    AnswerStack(const AnswerStack&) = delete;
    AnswerStack& operator=(const AnswerStack&) = delete;

    // The source that asks with `prompts` (a plan's), created on first use and kept for the
    // stack's lifetime. Thread-safe, as is the source (see AnswerSource).
    AnswerSource& source(const plan::Prompts& prompts);

    // Whether the server answers now (a server's readiness probe): the preflight's check that it
    // serves the model (unless backend.preflight is off), then one language-prior question
    // (`statement`, no image) with `prompts`, past the cache. A replay has no server: its cache
    // answers, and a miss is an error.
    void probe(const plan::Prompts& prompts, const StatementRef& statement,
               AnswerSource::ScoreCallback done);

    // Before a run (unless backend.preflight is off or this is a replay): the server answers its
    // model list and serves the model; else why not (a dead endpoint, a wrong API base, a model
    // name it does not serve, with the closest it does). Blocks for one request and its retries.
    std::optional<BackendError> preflight();
    // Why the circuit breaker stopped the model calls (backend.maxConsecutiveFailures): every
    // question since failed at once with this error (kind Stopped). Nothing while calls go on.
    std::optional<BackendError> stopped() const;

    const BackendConfig& backend() const { return options_.backend; }
    bool replaying() const { return options_.replay; }

private:
    explicit AnswerStack(AnswerStackOptions options) : options_(std::move(options)) {}

    struct Layers {
        std::unique_ptr<AnswerSource> model; // null for a replay
        std::unique_ptr<AnswerSource> front; // the cache or replay in front of it; may be null
    };
    using PromptsKey = std::tuple<std::string, std::string, std::string, std::string>;

    Layers build(const plan::Prompts& prompts);
    const Layers& layers(const plan::Prompts& prompts);

    AnswerStackOptions options_;
    std::unique_ptr<ScoreCache> cache_;
    std::unique_ptr<ServerConnection> server_; // null for a replay
    std::mutex mutex_;
    std::map<PromptsKey, Layers> sources_;
};

// Where the score cache lives by default: $XDG_CACHE_HOME/clue/scores.sqlite, else
// $HOME/.cache/clue/scores.sqlite, else .clue-cache/scores.sqlite in the current folder. Its
// folder is created (a failure shows when the cache opens the file).
std::filesystem::path defaultCacheFile();

} // namespace clue::runtime
