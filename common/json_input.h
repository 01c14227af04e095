// Parsing JSON that comes from outside (plans, model answers, manifests, world files): one
// document, nested at most kMaxJsonDepth deep, and no object with the same key twice, because
// which copy a reader takes would decide what it does (a plan with a second "rules" judged
// everything safe).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clue {

inline constexpr int kMaxJsonDepth = 128;

class JsonInputError : public std::runtime_error {
public:
    JsonInputError(std::string pointer, std::string message, std::size_t byte, bool endedEarly)
        : std::runtime_error(pointer.empty() ? message : pointer + ": " + message),
          pointer_(std::move(pointer)), message_(std::move(message)), byte_(byte),
          endedEarly_(endedEarly) {}

    // The JSON pointer of the offending member ("/rules"), or "" for a syntax error.
    const std::string& pointer() const { return pointer_; }
    // What is wrong, without the pointer: "invalid JSON at line 3, column 7: ..." or
    // "duplicate key \"rules\"".
    const std::string& message() const { return message_; }
    // Where a syntax error was found (bytes read); 0 for a duplicate key or a depth error.
    std::size_t byte() const { return byte_; }
    // The text ended inside the document (truncated).
    bool endedEarly() const { return endedEarly_; }

private:
    std::string pointer_;
    std::string message_;
    std::size_t byte_;
    bool endedEarly_;
};

// Throws JsonInputError.
nlohmann::json parseJsonInput(std::string_view text);

// Nothing instead of an exception; `problem`, when given, gets the error's what().
std::optional<nlohmann::json> tryParseJsonInput(std::string_view text,
                                                std::string* problem = nullptr);

// "/a~1b/0" for the key "a/b" then the index 0: RFC 6901's escaping of one reference token.
std::string jsonPointerToken(std::string_view key);

} // namespace clue
