// Every way a plan gets installed (start, SIGHUP, --watch, PUT /v1/plan) goes through here, so
// that each success and each refusal is logged and counted the same way.
#pragma once

#include "serve/plan_store.h"
#include "serve/server_log.h"
#include "serve/server_metrics.h"

#include <atomic>
#include <string_view>

namespace clue::serve {

class PlanReloader {
public:
    PlanReloader(PlanStore& plans, ServerMetrics& metrics, ServerLog& log, std::string model)
        : plans_(plans), metrics_(metrics), log_(log), model_(std::move(model)) {}

    // `trigger` says why, for the log ("start", "SIGHUP", "file change").
    PlanStore::Loaded fromFile(const std::filesystem::path& path, std::string_view trigger);
    PlanStore::Loaded fromUpload(const std::string& text);

private:
    PlanStore::Loaded report(PlanStore::Loaded loaded, std::string_view trigger);

    PlanStore& plans_;
    ServerMetrics& metrics_;
    ServerLog& log_;
    std::string model_;
    std::atomic<bool> first_{true};
};

} // namespace clue::serve
