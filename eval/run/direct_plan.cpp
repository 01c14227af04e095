// One predicate per distinct rule text, one wave.
#include "eval/run/direct_plan.h"

#include "common/statement.h"

#include <map>

namespace clue::eval {

plan::Plan directPlan(const plan::Plan& source) {
    plan::Plan out;
    out.compiler = source.compiler;
    out.source = source.source;
    out.constitution = source.constitution;
    out.prompts = source.prompts;
    out.thresholds = source.thresholds;
    out.thresholds.escalate = false;
    out.categories = source.categories;
    out.schedule.emplace_back();
    std::map<std::string, uint32_t> nodeOfText; // rules with the same text share a question
    for (const plan::Rule& rule : source.rules) {
        auto [it, fresh] = nodeOfText.emplace(rule.text, uint32_t(out.nodes.size()));
        if (fresh) {
            const auto index = uint32_t(out.predicates.size());
            plan::Predicate predicate;
            predicate.statement = rule.text;
            predicate.key = statementHash(rule.text);
            out.predicates.push_back(std::move(predicate));
            out.nodes.push_back({plan::NodeOp::Predicate, index, false, {}});
            out.schedule.front().push_back(index);
        }
        plan::Rule copy = rule;
        copy.root = it->second;
        out.rules.push_back(std::move(copy));
    }
    return out;
}

} // namespace clue::eval
