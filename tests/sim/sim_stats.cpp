// Counters, kept under one lock: a few increments per request.
#include "tests/sim/sim_stats.h"

namespace clue::sim {
namespace {

using nlohmann::ordered_json;

ordered_json kindCounts(const std::map<RequestKind, std::uint64_t>& counts, bool all) {
    ordered_json out = ordered_json::object();
    for (RequestKind kind : allRequestKinds) {
        auto it = counts.find(kind);
        if (all || it != counts.end()) {
            out[requestKindName(kind)] = it == counts.end() ? 0 : it->second;
        }
    }
    return out;
}

ordered_json queueJson(const SlotScheduler::Snapshot& q) {
    return {{"slots", q.slots},
            {"served", q.served},
            {"waited", q.waited},
            {"wait_ms_total", q.totalWaitMs},
            {"wait_ms_max", q.maxWaitMs},
            {"max_in_service", q.maxInService},
            {"max_queue_length", q.maxQueueLength},
            {"in_service", q.inService},
            {"queued", q.queued}};
}

} // namespace

void SimStats::recordRequest(const Prompt& prompt, bool withImage, bool unknownImage,
                             bool perturbedImage) {
    std::lock_guard lock(mutex_);
    ++c_.total;
    ++c_.byKind[prompt.kind];
    if (!prompt.statement.empty()) {
        ++c_.byStatement[prompt.statement][prompt.kind];
    }
    ++(withImage ? c_.withImage : c_.withoutImage);
    c_.unknownImages += unknownImage ? 1 : 0;
    c_.perturbedImages += perturbedImage ? 1 : 0;
}

void SimStats::recordInvalid() {
    std::lock_guard lock(mutex_);
    ++c_.total;
    ++c_.invalid;
}

void SimStats::recordEmbeddings(std::size_t texts, std::size_t images, std::size_t unknownImages) {
    std::lock_guard lock(mutex_);
    ++c_.embeddingRequests;
    c_.embeddedTexts += texts;
    c_.embeddedImages += images;
    c_.embeddedUnknownImages += unknownImages;
}

void SimStats::recordTokens(int prompt, int completion) {
    std::lock_guard lock(mutex_);
    c_.promptTokens += static_cast<std::uint64_t>(prompt);
    c_.completionTokens += static_cast<std::uint64_t>(completion);
}

void SimStats::recordFault(FaultKind kind) {
    std::lock_guard lock(mutex_);
    ++c_.faults[kind];
}

void SimStats::recordStatus(int status) {
    std::lock_guard lock(mutex_);
    ++c_.statuses[status];
}

void SimStats::reset() {
    std::lock_guard lock(mutex_);
    c_ = Counters{};
}

ordered_json SimStats::toJson(const SlotScheduler::Snapshot& queue) const {
    std::lock_guard lock(mutex_);
    ordered_json requests = {{"total", c_.total}, {"invalid", c_.invalid}};
    requests.update(kindCounts(c_.byKind, true));
    ordered_json statements = ordered_json::object();
    for (const auto& [statement, counts] : c_.byStatement) {
        statements[statement] = kindCounts(counts, false);
    }
    ordered_json faults = ordered_json::object();
    for (FaultKind kind : allFaultKinds) {
        auto it = c_.faults.find(kind);
        faults[faultKindName(kind)] = it == c_.faults.end() ? 0 : it->second;
    }
    ordered_json statuses = ordered_json::object();
    for (const auto& [status, count] : c_.statuses) {
        statuses[std::to_string(status)] = count;
    }
    return {{"requests", requests},
            {"with_image", c_.withImage},
            {"without_image", c_.withoutImage},
            {"unknown_images", c_.unknownImages},
            {"perturbed_images", c_.perturbedImages},
            {"tokens", {{"prompt", c_.promptTokens}, {"completion", c_.completionTokens}}},
            {"queue", queueJson(queue)},
            {"faults", faults},
            {"statuses", statuses},
            {"statements", statements},
            {"embeddings",
             {{"requests", c_.embeddingRequests},
              {"texts", c_.embeddedTexts},
              {"images", c_.embeddedImages},
              {"unknown_images", c_.embeddedUnknownImages}}}};
}

} // namespace clue::sim
