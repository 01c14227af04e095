// Names of categories, levels and option types, as clue.yaml, docs and outputs spell them.
#include "compiler/lint/rule_meta.h"

#include "common/assert.h"

#include <fmt/format.h>

namespace clue::lint {

const char* categoryName(Category category) {
    switch (category) {
    case Category::Suppression:
        return "suppression";
    case Category::Subjectivity:
        return "subjectivity";
    case Category::Structure:
        return "structure";
    case Category::Logic:
        return "logic";
    case Category::Style:
        return "style";
    case Category::Testing:
        return "testing";
    }
    CLUE_UNREACHABLE();
}

std::vector<Category> allCategories() {
    return {Category::Suppression, Category::Subjectivity, Category::Structure,
            Category::Logic,       Category::Style,        Category::Testing};
}

const char* ruleLevelName(RuleLevel level) {
    switch (level) {
    case RuleLevel::Off:
        return "off";
    case RuleLevel::Warning:
        return "warning";
    case RuleLevel::Error:
        return "error";
    }
    CLUE_UNREACHABLE();
}

const char* optionTypeName(const OptionValue& value) {
    switch (value.index()) {
    case 0:
        return "integer";
    case 1:
        return "boolean";
    case 2:
        return "string";
    case 3:
        return "list of strings";
    }
    CLUE_UNREACHABLE();
}

std::string formatOptionValue(const OptionValue& value) {
    if (const auto* n = std::get_if<long long>(&value)) {
        return std::to_string(*n);
    }
    if (const auto* b = std::get_if<bool>(&value)) {
        return *b ? "true" : "false";
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        return fmt::format("\"{}\"", *s);
    }
    return fmt::format("[{}]", fmt::join(std::get<std::vector<std::string>>(value), ", "));
}

} // namespace clue::lint
