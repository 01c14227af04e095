// An error answered with OpenAI's error body: {"error": {"message", "type", "param", "code"}}.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace clue::sim {

class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string message, std::string type,
             std::optional<std::string> param = std::nullopt,
             std::optional<std::string> code = std::nullopt);

    int status() const { return status_; }
    nlohmann::ordered_json body() const;

    // A 400 invalid_request_error about `param`.
    static ApiError invalid(std::string message, std::optional<std::string> param = std::nullopt,
                            std::optional<std::string> code = std::nullopt);

private:
    int status_;
    std::string type_;
    std::optional<std::string> param_;
    std::optional<std::string> code_;
};

} // namespace clue::sim
