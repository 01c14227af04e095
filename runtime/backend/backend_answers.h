// What a successful model call returns, with the cost of getting it.
#pragma once

#include "runtime/backend/yes_no_score.h"
#include "runtime/support/token_usage.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace clue::runtime {

struct CallStats {
    int attempts = 0;    // HTTP attempts, retries and a response_format fallback included
    long httpStatus = 0; // of the final response
    std::chrono::microseconds elapsed{}; // from submission to the answer
    std::int64_t bytesSent = 0;
    std::int64_t bytesReceived = 0;
    TokenUsage usage; // as the server reported it in `usage`
};

struct YesNoAnswer {
    YesNoScore score;
    CallStats stats;
};

struct ChatAnswer {
    std::string content;
    std::string finishReason;
    // The server rejected response_format (HTTP 400/422) and the schema went in the prompt.
    bool schemaInPrompt = false;
    CallStats stats;
};

} // namespace clue::runtime
