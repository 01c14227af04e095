// Suggestions by edit distance.
#include "compiler/sema/name_suggester.h"

#include "common/edit_distance.h"

#include <fmt/format.h>

namespace clue {

std::string NameSuggester::help(const std::string& unknown, std::string otherwise) {
    if (++lookups_ > maxLookups) {
        return otherwise;
    }
    std::optional<std::string> close = closestMatch(unknown, names_);
    return close ? fmt::format("did you mean '{}'?", *close) : otherwise;
}

} // namespace clue
