// Flags shared by the verbs that talk to a model server (judge, calibrate): where it is, which
// model, the API key's variable, requests in flight, and the score cache. They map to the
// runtime's AnswerStackOptions; the runtime assembles the sources.
#pragma once

#include "runtime/config/backend_config.h"
#include "runtime/session/answer_stack.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace clue::cli {

// --no-preflight and --max-consecutive-failures: whether a run checks the server first, and when
// the circuit breaker stops it (judge, calibrate, objectify).
struct FailFastFlags {
    bool noPreflight = false;
    int maxConsecutiveFailures = -1; // -1: clue.yaml's backend.max_consecutive_failures

    void addOptions(CLI::App& command); // both
    void addPreflightOption(CLI::App& command);
    void applyTo(runtime::BackendConfig& config) const;
};

struct BackendFlags {
    std::string config; // --config FILE; empty: clue.yaml from the working directory up
    std::string endpoint;
    std::string model;
    std::string apiKeyEnv;
    int concurrency = 0;    // 0: clue.yaml's backend.concurrency
    FailFastFlags failFast; // its options are added by the verbs that run to an end

    void addOptions(CLI::App& command);
};

// Defaults, then clue.yaml (--config, or the nearest one from the working directory up), then
// CLUE_ENDPOINT, CLUE_MODEL and CLUE_API_KEY, then the flags. Prints every settings problem to
// `errors` as a diagnostic; returns nothing when one is an error or when no model is set. Never
// prints the key.
std::optional<runtime::BackendConfig> resolveBackend(const BackendFlags& flags,
                                                     std::ostream& errors);

struct CacheFlags {
    std::string path;
    bool disabled = false;

    void addOptions(CLI::App& command);
    // The cache file to use (runtime::defaultCacheFile() when no --cache), or nothing with
    // --no-cache.
    std::optional<std::filesystem::path> resolve() const;
};

// The answer stack of `config` and the cache flags, with --replay or not; nothing after printing
// why it cannot be opened (--replay with --no-cache, a cache file that cannot be opened). Cache
// warnings go to standard error.
std::unique_ptr<runtime::AnswerStack> openAnswerStack(const runtime::BackendConfig& config,
                                                      const CacheFlags& cache, bool replay);

// Whether the preflight (AnswerStack::preflight, ServerConnection::preflight) found no
// `problem`; false after printing it.
bool preflightPasses(const std::optional<runtime::BackendError>& problem);

// Prints, once, why the circuit breaker stopped the run (AnswerStack::stopped,
// ServerConnection::stopped), if it did.
void reportStopped(const std::optional<runtime::BackendError>& stopped);

} // namespace clue::cli
