// Reading the `objectify` section of clue.yaml.
#include "compiler/objectify/objectify_config.h"

#include <type_traits>

namespace clue::objectify {

ObjectifySettings loadObjectifySettings(const ProjectConfig& project,
                                        std::vector<ConfigIssue>& issues) {
    ObjectifySettings settings;
    ConfigSection section(project.section(kObjectifySection), std::string(kObjectifySection),
                          project.file(), issues);
    if (!section.present()) {
        return settings;
    }
    section.expectOnly({"threshold", "rounds", "attempts", "concurrency", "max_statement_length"});
    auto set = [&](std::string_view key, long long min, long long max, auto& target) {
        if (auto value = section.integer(key, min, max)) {
            target = static_cast<std::remove_reference_t<decltype(target)>>(*value);
        }
    };
    set("threshold", 1, 10, settings.threshold);
    set("rounds", 0, 10, settings.rounds);
    set("attempts", 1, 10, settings.attempts);
    set("concurrency", 1, 64, settings.concurrency);
    set("max_statement_length", 20, 1000, settings.limits.maxStatementLength);
    return settings;
}

} // namespace clue::objectify
