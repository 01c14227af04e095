// The settings of `clue serve` (docs/cli/serve.md): where it listens, its limits, and its
// optional features. The CLI fills them from flags.
#pragma once

#include "runtime/image/image_loader.h"
#include "runtime/judge/ask_policy.h"
#include "runtime/judge/predicate_judge.h"
#include "serve/listen_address.h"
#include "serve/token_set.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace clue::serve {

struct ServeOptions {
    std::filesystem::path planFile;
    ListenAddress listen;
    int threads = 2; // HTTP threads
    // Bodies larger than this are refused with 413 before they are read.
    std::size_t maxBodyBytes = 20u << 20;
    std::size_t maxBatchImages = 16;
    std::size_t imagesInFlight = 32; // judged at once
    std::size_t queuedImages = 128;  // admitted and waiting; beyond, 429
    std::size_t maxConnections = 1024;
    // Request data held in memory at once (bodies, decoded images, data URLs); beyond, 429.
    std::size_t maxBufferedBytes = std::size_t(1) << 30;
    runtime::AskPolicy ask; // how each image's questions are asked
    // Per request, from its last byte read to its answer; unjudged images end in `error`.
    std::chrono::milliseconds timeout{30'000};
    // How long a client may take to send a request, and a keep-alive connection may stay idle.
    std::chrono::milliseconds readTimeout{30'000};
    std::chrono::milliseconds probeInterval{10'000};
    runtime::ImageLimits imageLimits;
    runtime::JudgeSettings judge;
    std::optional<std::filesystem::path> decisionLog;
    bool watch = false; // reload the plan file when it changes
    // Accept a plan of no rules (refused otherwise: it would answer `safe` for every image).
    bool allowEmpty = false;
    std::chrono::milliseconds watchInterval{1'000};
    TokenSet tokens; // empty: no authentication
};

// What is wrong with `options` (a batch that could never be admitted, a zero limit), or nothing.
std::optional<std::string> checkOptions(const ServeOptions& options);

} // namespace clue::serve
