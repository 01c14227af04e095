// OpenAI-style error bodies.
#include "tests/sim/api_error.h"

namespace clue::sim {

ApiError::ApiError(int status, std::string message, std::string type,
                   std::optional<std::string> param, std::optional<std::string> code)
    : std::runtime_error(std::move(message)), status_(status), type_(std::move(type)),
      param_(std::move(param)), code_(std::move(code)) {}

nlohmann::ordered_json ApiError::body() const {
    auto optional = [](const std::optional<std::string>& v) {
        return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
    };
    return {{"error",
             {{"message", what()},
              {"type", type_},
              {"param", optional(param_)},
              {"code", optional(code_)}}}};
}

ApiError ApiError::invalid(std::string message, std::optional<std::string> param,
                           std::optional<std::string> code) {
    return ApiError(400, std::move(message), "invalid_request_error", std::move(param),
                    std::move(code));
}

} // namespace clue::sim
