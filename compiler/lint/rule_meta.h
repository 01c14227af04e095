// What every lint rule declares about itself: a stable code and name, a category, a default
// level, a one-line summary and the options it reads from clue.yaml.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace clue::lint {

enum class Category { Suppression, Subjectivity, Structure, Logic, Style, Testing };
const char* categoryName(Category category);
// The categories in catalogue order.
std::vector<Category> allCategories();

// `Off` turns a rule off; the others are the level of its findings.
enum class RuleLevel { Off, Warning, Error };
const char* ruleLevelName(RuleLevel level);

using OptionValue = std::variant<long long, bool, std::string, std::vector<std::string>>;

struct OptionSpec {
    std::string name; // kebab-case, as written in clue.yaml
    OptionValue defaultValue;
    std::string summary;
    long long min = 0; // integers only
    long long max = 0;
    bool regex = false; // strings only: must be a valid regular expression (RE2 syntax)
};

// "integer", "boolean", "string" or "list of strings".
const char* optionTypeName(const OptionValue& value);
// The value as clue.yaml would spell it: 8, true, "^[a-z]+$", [a, b].
std::string formatOptionValue(const OptionValue& value);

struct RuleMeta {
    std::string code; // "L103"
    std::string name; // "compound-predicate"
    Category category = Category::Style;
    RuleLevel defaultLevel = RuleLevel::Warning;
    std::string summary;
    std::vector<OptionSpec> options;
};

} // namespace clue::lint
