// The counters served at GET /sim/stats: what the simulator was asked and what it did.
#pragma once

#include "tests/sim/fault_rule.h"
#include "tests/sim/request_kind.h"
#include "tests/sim/slot_scheduler.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace clue::sim {

class SimStats {
public:
    // A chat request that passed validation, as recognised.
    void recordRequest(const Prompt& prompt, bool withImage, bool unknownImage,
                       bool perturbedImage = false);
    void recordInvalid();
    // A valid embeddings request: how many texts and images it embeds, and how many of the
    // images the world does not know.
    void recordEmbeddings(std::size_t texts, std::size_t images, std::size_t unknownImages);
    void recordTokens(int prompt, int completion);
    void recordFault(FaultKind kind);
    void recordStatus(int status);
    void reset();

    nlohmann::ordered_json toJson(const SlotScheduler::Snapshot& queue) const;

private:
    struct Counters {
        std::uint64_t total = 0;
        std::uint64_t invalid = 0;
        std::map<RequestKind, std::uint64_t> byKind;
        std::map<std::string, std::map<RequestKind, std::uint64_t>> byStatement;
        std::uint64_t withImage = 0;
        std::uint64_t withoutImage = 0;
        std::uint64_t unknownImages = 0;
        std::uint64_t perturbedImages = 0;
        std::uint64_t promptTokens = 0;
        std::uint64_t completionTokens = 0;
        std::map<FaultKind, std::uint64_t> faults;
        std::map<int, std::uint64_t> statuses;
        std::uint64_t embeddingRequests = 0;
        std::uint64_t embeddedTexts = 0;
        std::uint64_t embeddedImages = 0;
        std::uint64_t embeddedUnknownImages = 0;
    };

    mutable std::mutex mutex_;
    Counters c_;
};

} // namespace clue::sim
