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

struct BackendFlags {
    std::string config; // --config FILE; empty: clue.yaml from the working directory up
    std::string endpoint;
    std::string model;
    std::string apiKeyEnv;
    int concurrency = 0; // 0: clue.yaml's backend.concurrency

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

} // namespace clue::cli
