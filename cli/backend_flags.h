// Flags shared by the verbs that talk to a model server (judge, calibrate): where it is, which
// model, the API key's variable, requests in flight, and the score cache.
#pragma once

#include "runtime/config/backend_config.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace clue::cli {

struct BackendFlags {
    std::string endpoint;
    std::string model;
    std::string apiKeyEnv;
    int concurrency = 0; // 0: clue.yaml's backend.concurrency

    void addOptions(CLI::App& command);
};

// Defaults, then clue.yaml (the nearest one from the current folder up), then CLUE_ENDPOINT,
// CLUE_MODEL and CLUE_API_KEY, then the flags. Prints every settings problem to `errors`;
// returns nothing when one is an error or when no model is set. Never prints the key.
std::optional<runtime::BackendConfig> resolveBackend(const BackendFlags& flags,
                                                     std::ostream& errors);

struct CacheFlags {
    std::string path;
    bool disabled = false;

    void addOptions(CLI::App& command);
    // The cache file to use, or nothing with --no-cache. The default's folder is created.
    std::optional<std::filesystem::path> resolve() const;
};

// $XDG_CACHE_HOME/clue/scores.sqlite, else $HOME/.cache/clue/scores.sqlite, else
// .clue-cache/scores.sqlite in the current folder.
std::filesystem::path defaultCachePath();

} // namespace clue::cli
