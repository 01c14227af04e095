// The catalogue, printed.
#include "compiler/lint/output/rule_listing.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clue::lint {

std::string listRulesText(const Catalogue& catalogue, const LintConfig& config) {
    std::string out = fmt::format("{:<5} {:<27} {:<13} {:<8} {}\n", "code", "name", "category",
                                  "level", "summary");
    for (const auto& rule : catalogue.rules()) {
        const RuleMeta& m = rule->meta();
        out +=
            fmt::format("{:<5} {:<27} {:<13} {:<8} {}\n", m.code, m.name, categoryName(m.category),
                        ruleLevelName(config.levelOf(*rule)), m.summary);
        for (const OptionSpec& o : m.options) {
            out += fmt::format("{:<5} {:<27}   option {} = {}: {}\n", "", "", o.name,
                               formatOptionValue(o.defaultValue), o.summary);
        }
    }
    out += "\nEach rule is explained in docs/lint/NAME.md; set levels and options in the lint "
           "section of clue.yaml.\n";
    return out;
}

nlohmann::json listRulesJson(const Catalogue& catalogue, const LintConfig& config) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& rule : catalogue.rules()) {
        const RuleMeta& m = rule->meta();
        nlohmann::json options = nlohmann::json::array();
        for (const OptionSpec& o : m.options) {
            options.push_back(
                {{"name", o.name},
                 {"type", optionTypeName(o.defaultValue)},
                 {"default",
                  std::visit([](const auto& v) { return nlohmann::json(v); }, o.defaultValue)},
                 {"summary", o.summary}});
        }
        list.push_back({{"code", m.code},
                        {"name", m.name},
                        {"category", categoryName(m.category)},
                        {"level", ruleLevelName(config.levelOf(*rule))},
                        {"defaultLevel", ruleLevelName(m.defaultLevel)},
                        {"summary", m.summary},
                        {"docs", "docs/lint/" + m.name + ".md"},
                        {"options", std::move(options)}});
    }
    return list;
}

} // namespace clue::lint
