// Option lookup by name, typed.
#include "compiler/lint/rule_options.h"

#include <stdexcept>

namespace clue::lint {

RuleOptions::RuleOptions(const std::vector<OptionSpec>& specs) {
    for (const OptionSpec& spec : specs) {
        values_.emplace(spec.name, spec.defaultValue);
    }
}

void RuleOptions::set(const std::string& name, OptionValue value) {
    values_[name] = std::move(value);
}

const OptionValue& RuleOptions::value(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) {
        throw std::logic_error("lint rule reads undeclared option '" + std::string(name) + "'");
    }
    return it->second;
}

long long RuleOptions::integer(std::string_view name) const {
    return std::get<long long>(value(name));
}
bool RuleOptions::boolean(std::string_view name) const {
    return std::get<bool>(value(name));
}
const std::string& RuleOptions::string(std::string_view name) const {
    return std::get<std::string>(value(name));
}
const std::vector<std::string>& RuleOptions::list(std::string_view name) const {
    return std::get<std::vector<std::string>>(value(name));
}

} // namespace clue::lint
