// A cursor over a JSON document that knows its JSON pointer, so that every type or range error
// names the exact place in the plan.
#pragma once

#include "plan/plan_error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace clue::plan {

class JsonReader {
public:
    JsonReader(const nlohmann::json& value, std::string pointer)
        : value_(&value), pointer_(std::move(pointer)) {}

    const std::string& pointer() const { return pointer_; }
    const nlohmann::json& raw() const { return *value_; }

    // A required member of an object.
    JsonReader at(const std::string& key) const;
    // An optional member: nothing when missing or null.
    std::optional<JsonReader> optional(const std::string& key) const;
    // An element of an array.
    JsonReader at(size_t index) const;

    size_t arraySize(size_t maxElements) const;
    std::string string(size_t maxBytes) const;
    double number() const;
    // A number within [low, high].
    double numberIn(double low, double high) const;
    bool boolean() const;
    // An integer index in [0, limit); `what` names what it refers to in the error.
    uint32_t index(size_t limit, const char* what) const;

    [[noreturn]] void fail(const std::string& message) const;

private:
    void expect(bool ok, const char* expected) const;

    const nlohmann::json* value_;
    std::string pointer_;
};

} // namespace clue::plan
