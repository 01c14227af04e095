// The decision log (--decision-log FILE): one JSON line per judging request with the time, the
// request id, the route, the plan's hash, and per image its hash, verdict, violated rules and
// rules in error. Never the image bytes or anything a client authenticated with. Appended and
// flushed line by line, so a reader (or a crash) never sees half a line from a finished write.
#pragma once

#include "serve/judge_request.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace clue::serve {

class DecisionLog {
public:
    // Opens `path` for appending (created with mode 0600 when new); an error message when it
    // cannot be.
    static runtime::Expected<std::unique_ptr<DecisionLog>, std::string>
    open(const std::string& path);
    ~DecisionLog();
    DecisionLog(const DecisionLog&) = delete;
    DecisionLog& operator=(const DecisionLog&) = delete;

    // Returns false when the line could not be written.
    bool record(JudgeRequest& request, const std::string& requestId, const std::string& route);

private:
    explicit DecisionLog(std::FILE* file) : file_(file) {}

    std::mutex mutex_;
    std::FILE* file_;
};

// The log's line for `request` (without the line feed).
std::string decisionLine(JudgeRequest& request, const std::string& requestId,
                         const std::string& route, std::chrono::system_clock::time_point when);

} // namespace clue::serve
