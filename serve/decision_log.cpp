// Writing decision log lines.
#include "serve/decision_log.h"

#include "serve/utc_time.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clue::serve {

std::string decisionLine(JudgeRequest& request, const std::string& requestId,
                         const std::string& route, std::chrono::system_clock::time_point when) {
    const std::vector<std::string>& ruleIds = request.plan().ruleIds();
    nlohmann::ordered_json images = nlohmann::ordered_json::array();
    for (const ImageOutcome& outcome : request.outcomes()) {
        const runtime::ImageResult& result = outcome.result;
        nlohmann::ordered_json violated = nlohmann::ordered_json::array();
        nlohmann::ordered_json errors = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < result.rules.size() && i < ruleIds.size(); ++i) {
            if (result.rules[i] == runtime::RuleState::Violated) {
                violated.push_back(ruleIds[i]);
            } else if (result.rules[i] == runtime::RuleState::Error) {
                errors.push_back(ruleIds[i]);
            }
        }
        images.push_back({{"sha256", result.sha256.empty() ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(result.sha256)},
                          {"verdict", runtime::toString(result.verdict)},
                          {"violated", std::move(violated)},
                          {"error_rules", std::move(errors)},
                          {"error", outcome.expired     ? nlohmann::ordered_json("deadline")
                                    : result.imageError ? nlohmann::ordered_json(runtime::toString(
                                                              result.imageError->kind))
                                                        : nlohmann::ordered_json(nullptr)}});
    }
    nlohmann::ordered_json line = {{"time", utcTimestamp(when)},
                                   {"request_id", requestId},
                                   {"route", route},
                                   {"plan_id", request.plan().identity().sha256},
                                   {"images", std::move(images)}};
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

runtime::Expected<std::unique_ptr<DecisionLog>, std::string>
DecisionLog::open(const std::string& path) {
    // O_NONBLOCK: a FIFO nobody reads is refused (ENXIO) instead of blocking the start; the flag
    // is cleared again so that writes to a pipe wait rather than lose lines.
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0600);
    if (fd < 0) {
        const char* why = errno == ENXIO ? "it is a pipe that nothing reads" : std::strerror(errno);
        return path + ": cannot open the decision log: " + why;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return path + ": cannot open the decision log: " + why;
    }
    std::FILE* file = ::fdopen(fd, "a");
    if (file == nullptr) {
        ::close(fd);
        return path + ": cannot open the decision log: " + std::strerror(errno);
    }
    return std::unique_ptr<DecisionLog>(new DecisionLog(file));
}

DecisionLog::~DecisionLog() {
    std::fclose(file_);
}

bool DecisionLog::record(JudgeRequest& request, const std::string& requestId,
                         const std::string& route) {
    const std::string line =
        decisionLine(request, requestId, route, std::chrono::system_clock::now()) + "\n";
    std::lock_guard lock(mutex_);
    return std::fwrite(line.data(), 1, line.size(), file_) == line.size() &&
           std::fflush(file_) == 0;
}

} // namespace clue::serve
