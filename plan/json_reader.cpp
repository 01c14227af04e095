// Typed access to JSON values with errors located by JSON pointer.
#include "plan/json_reader.h"

#include "common/json_input.h"

#include <fmt/format.h>

#include <cmath>

namespace clue::plan {

void JsonReader::fail(const std::string& message) const {
    throw PlanError(pointer_, message);
}

void JsonReader::expect(bool ok, const char* expected) const {
    if (!ok) {
        fail(fmt::format("expected {}, found {}", expected, value_->type_name()));
    }
}

JsonReader JsonReader::at(const std::string& key) const {
    expect(value_->is_object(), "an object");
    auto it = value_->find(key);
    if (it == value_->end()) {
        fail(fmt::format("missing required field '{}'", key));
    }
    return JsonReader(*it, pointer_ + "/" + jsonPointerToken(key));
}

std::optional<JsonReader> JsonReader::optional(const std::string& key) const {
    expect(value_->is_object(), "an object");
    auto it = value_->find(key);
    if (it == value_->end() || it->is_null()) {
        return std::nullopt;
    }
    return JsonReader(*it, pointer_ + "/" + jsonPointerToken(key));
}

JsonReader JsonReader::at(size_t index) const {
    return JsonReader((*value_)[index], pointer_ + "/" + std::to_string(index));
}

size_t JsonReader::arraySize(size_t maxElements) const {
    expect(value_->is_array(), "an array");
    if (value_->size() > maxElements) {
        fail(fmt::format("array has {} elements; at most {} are allowed", value_->size(),
                         maxElements));
    }
    return value_->size();
}

std::string JsonReader::string(size_t maxBytes) const {
    expect(value_->is_string(), "a string");
    const auto& s = value_->get_ref<const std::string&>();
    if (s.size() > maxBytes) {
        fail(fmt::format("string is {} bytes long; at most {} are allowed", s.size(), maxBytes));
    }
    return s;
}

double JsonReader::number() const {
    expect(value_->is_number(), "a number");
    double d = value_->get<double>();
    if (!std::isfinite(d)) {
        fail("expected a finite number");
    }
    return d;
}

double JsonReader::numberIn(double low, double high) const {
    double d = number();
    if (d < low || d > high) {
        fail(fmt::format("{} is out of range [{}, {}]", d, low, high));
    }
    return d;
}

bool JsonReader::boolean() const {
    expect(value_->is_boolean(), "true or false");
    return value_->get<bool>();
}

uint32_t JsonReader::index(size_t limit, const char* what) const {
    expect(value_->is_number_integer(), "an integer index");
    if (value_->is_number_unsigned() ? value_->get<uint64_t>() >= limit : true) {
        fail(fmt::format("index {} is out of range: there are {} {}", value_->dump(), limit, what));
    }
    return static_cast<uint32_t>(value_->get<uint64_t>());
}

} // namespace clue::plan
