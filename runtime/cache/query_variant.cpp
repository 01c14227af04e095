// Names of query variants.
#include "runtime/cache/query_variant.h"

#include <array>

namespace clue::runtime {
namespace {

// Indexed by QueryVariant.
constexpr std::array<std::string_view, 4> kNames = {"image", "no-image", "masked", "reasoning"};

} // namespace

std::string_view toString(QueryVariant variant) {
    return kNames[static_cast<std::size_t>(variant)];
}

std::optional<QueryVariant> parseQueryVariant(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) {
            return static_cast<QueryVariant>(i);
        }
    }
    return std::nullopt;
}

} // namespace clue::runtime
