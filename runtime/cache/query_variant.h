// Which question a cached answer answers: the image, no image (the language prior), the image
// with the central object's region masked, or the chain-of-thought reasoning.
#pragma once

#include <optional>
#include <string_view>

namespace clue::runtime {

enum class QueryVariant { Image, NoImage, Masked, Reasoning };

// "image", "no-image", "masked", "reasoning": stable, stored in caches and evidence.
std::string_view toString(QueryVariant variant);
std::optional<QueryVariant> parseQueryVariant(std::string_view name);

} // namespace clue::runtime
