// Strict parsing of embeddings bodies: every way one can be wrong is a BackendError that says
// what was expected, because a wrong vector would silently skip a rule.
#include "runtime/embed/embedding_response_parser.h"

#include "common/base64.h"
#include "common/json_input.h"
#include "runtime/backend/chat_completion_parser.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <optional>

namespace clue::runtime {
namespace {

using nlohmann::json;

BackendError malformed(const std::string& what) {
    return {BackendErrorKind::MalformedResponse,
            "the server's answer is not a usable embeddings response: " + what};
}

std::optional<Embedding> numbersOf(const json& array) {
    Embedding out;
    out.reserve(array.size());
    for (const json& value : array) {
        if (!value.is_number()) {
            return std::nullopt;
        }
        out.push_back(value.get<float>());
    }
    return out;
}

// Nothing when the vector is usable; else why not.
std::optional<std::string> problemOf(const Embedding& vector) {
    if (vector.empty() || vector.size() > kMaxEmbeddingDimensions) {
        return "it has " + std::to_string(vector.size()) + " dimensions (expected 1 to " +
               std::to_string(kMaxEmbeddingDimensions) + ")";
    }
    double norm = 0;
    for (float x : vector) {
        if (!std::isfinite(x)) {
            return std::string("it holds a value that is not a finite number");
        }
        norm += static_cast<double>(x) * x;
    }
    return norm > 0 ? std::nullopt : std::optional<std::string>("it is all zeros");
}

Expected<Embedding, BackendError> vectorOf(const json& item, std::size_t position) {
    const std::string where = "data[" + std::to_string(position) + "].embedding";
    const auto it = item.find("embedding");
    std::optional<Embedding> vector;
    if (it != item.end() && it->is_array()) {
        vector = numbersOf(*it);
    } else if (it != item.end() && it->is_string()) {
        vector = float32Base64Decode(it->get<std::string>());
    }
    if (!vector) {
        return malformed(where + " is not an array of numbers or base64 float32");
    }
    if (auto problem = problemOf(*vector)) {
        return malformed(where + " cannot be used: " + *problem);
    }
    return std::move(*vector);
}

// The input an item embeds: its `index`, else its position.
Expected<std::size_t, BackendError> indexOf(const json& item, std::size_t position,
                                            std::size_t expected) {
    const auto it = item.find("index");
    if (it == item.end()) {
        return position;
    }
    if (!it->is_number_unsigned() || it->get<std::uint64_t>() >= expected) {
        return malformed("data[" + std::to_string(position) +
                         "].index is not an input index (0 to " + std::to_string(expected - 1) +
                         ")");
    }
    return static_cast<std::size_t>(it->get<std::uint64_t>());
}

TokenUsage usageOf(const json& doc) {
    TokenUsage usage;
    const auto it = doc.find("usage");
    if (it != doc.end() && it->is_object()) {
        const auto prompt = it->find("prompt_tokens");
        if (prompt != it->end() && prompt->is_number_unsigned() &&
            prompt->get<std::uint64_t>() < (1u << 31)) {
            usage.prompt = static_cast<int>(prompt->get<std::uint64_t>());
        }
    }
    return usage;
}

Expected<ParsedEmbeddings, BackendError> readData(const json& data, std::size_t expected) {
    if (data.size() != expected) {
        return malformed("`data` holds " + std::to_string(data.size()) + " embeddings for " +
                         std::to_string(expected) + " inputs");
    }
    std::vector<std::optional<Embedding>> slots(expected);
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (!data[i].is_object()) {
            return malformed("data[" + std::to_string(i) + "] is not an object");
        }
        auto index = indexOf(data[i], i, expected);
        if (!index) {
            return index.error();
        }
        if (slots[index.value()]) {
            return malformed("two embeddings for input " + std::to_string(index.value()));
        }
        auto vector = vectorOf(data[i], i);
        if (!vector) {
            return vector.error();
        }
        slots[index.value()] = std::move(vector.value());
    }
    ParsedEmbeddings parsed;
    const std::size_t dimensions = slots.front()->size();
    for (auto& slot : slots) {
        if (slot->size() != dimensions) {
            return malformed("the embeddings differ in their number of dimensions");
        }
        parsed.vectors.push_back(std::move(*slot));
    }
    return parsed;
}

} // namespace

Expected<ParsedEmbeddings, BackendError> parseEmbeddingResponse(std::string_view body,
                                                                std::size_t expected) {
    std::string problem;
    const auto doc = tryParseJsonInput(body, &problem);
    if (!doc) {
        return malformed(problem);
    }
    if (auto error = describeErrorBody(body)) {
        return BackendError{BackendErrorKind::ServerError, *error};
    }
    const auto data = doc->is_object() ? doc->find("data") : doc->end();
    if (!doc->is_object() || data == doc->end() || !data->is_array()) {
        return malformed("no `data` array");
    }
    auto parsed = readData(*data, expected);
    if (parsed) {
        parsed->usage = usageOf(*doc);
    }
    return parsed;
}

} // namespace clue::runtime
