// The option values one lint rule runs with: its declared defaults, overridden by clue.yaml.
#pragma once

#include "compiler/lint/rule_meta.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clue::lint {

class RuleOptions {
public:
    RuleOptions() = default;
    explicit RuleOptions(const std::vector<OptionSpec>& specs);

    // Replaces a declared option's value; the caller has checked the type.
    void set(const std::string& name, OptionValue value);

    // The value of a declared option. Asking for an undeclared one is a programming error
    // (std::logic_error), since every rule declares what it reads.
    long long integer(std::string_view name) const;
    bool boolean(std::string_view name) const;
    const std::string& string(std::string_view name) const;
    const std::vector<std::string>& list(std::string_view name) const;

private:
    const OptionValue& value(std::string_view name) const;
    std::map<std::string, OptionValue, std::less<>> values_;
};

} // namespace clue::lint
