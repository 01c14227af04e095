// Shape extraction and comparison.
#include "tests/sim/testing/json_shape.h"

namespace clue::sim::testing {
namespace {

using json = nlohmann::ordered_json;

const char* typeName(const json& value) {
    if (value.is_null()) {
        return "null";
    }
    if (value.is_boolean()) {
        return "boolean";
    }
    if (value.is_number()) {
        return "number";
    }
    if (value.is_string()) {
        return "string";
    }
    return value.is_array() ? "array" : "object";
}

void compare(const json& documented, const json& actual, const std::string& path,
             const std::set<std::string>& allowedMissing, std::vector<std::string>& out) {
    if (documented.is_null()) {
        return;
    }
    if (std::string(typeName(documented)) != typeName(actual)) {
        out.push_back(path + ": " + typeName(actual) + " instead of " + typeName(documented));
        return;
    }
    if (documented.is_object()) {
        for (const auto& [key, value] : documented.items()) {
            const std::string child = path.empty() ? key : path + "." + key;
            if (!actual.contains(key)) {
                if (allowedMissing.count(child) == 0) {
                    out.push_back(child + ": missing");
                }
                continue;
            }
            compare(value, actual[key], child, allowedMissing, out);
        }
    } else if (documented.is_array() && !documented.empty() && !actual.empty()) {
        compare(documented.front(), actual.front(), path + "[]", allowedMissing, out);
    }
}

} // namespace

json jsonShape(const json& document) {
    if (document.is_object()) {
        json out = json::object();
        for (const auto& [key, value] : document.items()) {
            out[key] = jsonShape(value);
        }
        return out;
    }
    if (document.is_array()) {
        return document.empty() ? json::array() : json::array({jsonShape(document.front())});
    }
    return typeName(document);
}

std::vector<std::string> shapeShortfalls(const json& documented, const json& actual,
                                         const std::set<std::string>& allowedMissing) {
    std::vector<std::string> out;
    compare(documented, actual, "", allowedMissing, out);
    return out;
}

} // namespace clue::sim::testing
