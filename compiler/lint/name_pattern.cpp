// RE2 settings for the patterns of clue.yaml.
#include "compiler/lint/name_pattern.h"

namespace clue::lint {

RE2::Options namePatternOptions() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(1 << 20);
    return options;
}

std::optional<std::string> namePatternError(const std::string& pattern) {
    RE2 compiled(pattern, namePatternOptions());
    if (compiled.ok()) {
        return std::nullopt;
    }
    return compiled.error();
}

} // namespace clue::lint
