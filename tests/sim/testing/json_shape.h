// The structure of a JSON document without its values, to compare responses with fixtures.
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace clue::sim::testing {

// Objects keep their keys, arrays their first element's shape, scalars become a type name
// ("string", "number", "boolean", "null"; integers and floats are both "number").
nlohmann::ordered_json jsonShape(const nlohmann::ordered_json& document);

// The differences that make `actual` fall short of `documented`: each documented key path that
// `actual` lacks (unless listed in `allowedMissing`, as "a.b[].c") or holds with another type.
// A documented null accepts any type.
std::vector<std::string> shapeShortfalls(const nlohmann::ordered_json& documented,
                                         const nlohmann::ordered_json& actual,
                                         const std::set<std::string>& allowedMissing = {});

} // namespace clue::sim::testing
