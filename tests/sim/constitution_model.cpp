// Statements and two-valued rule evaluation over the AST formulas of a constitution.
#include "tests/sim/constitution_model.h"

#include "common/statement.h"

#include <algorithm>

namespace clue::sim {

ConstitutionModel::ConstitutionModel(const Program& program) {
    for (const auto& [name, predicate] : program.predicates) {
        const std::string key = normalizeStatement(predicate->statement.value());
        byName_[name] = key;
        ConstitutionStatement& s = statements_[key];
        s.text = predicate->statement.value();
        if (const ast::PredicateOption* object = predicate->option("object")) {
            s.object = object->stringValue;
        }
        if (const ast::PredicateOption* prior = predicate->option("prior");
            prior && prior->isNumber) {
            s.prior = prior->numberValue;
        }
    }
    for (const auto& unit : program.units) {
        unit->module.forEachRule([this](const ast::RuleDecl& rule) { addRule(rule); });
    }
}

void ConstitutionModel::addRule(const ast::RuleDecl& rule) {
    if (!rule.when) {
        withoutFormula_.push_back(rule.id);
        return;
    }
    rules_.push_back(
        {rule.id, rule.text.value(), rule.category, rule.when.get(), rule.unless.get()});
    std::set<std::string> seen;
    countStatements(*rule.when, seen);
    if (rule.unless) {
        countStatements(*rule.unless, seen);
    }
    for (const std::string& key : seen) {
        statements_[key].ruleCount += 1;
    }
}

void ConstitutionModel::countStatements(const ast::Formula& formula, std::set<std::string>& seen) {
    if (formula.kind == ast::FormulaKind::Ref || formula.kind == ast::FormulaKind::Inline) {
        const std::string key = statementOf(formula);
        if (statements_[key].text.empty()) {
            statements_[key].text = formula.text; // an inline statement
        }
        seen.insert(key);
    }
    for (const auto& child : formula.children) {
        countStatements(*child, seen);
    }
}

std::string ConstitutionModel::statementOf(const ast::Formula& leaf) const {
    if (leaf.kind == ast::FormulaKind::Inline) {
        return normalizeStatement(leaf.text);
    }
    auto it = byName_.find(leaf.name);
    return it == byName_.end() ? normalizeStatement(leaf.name) : it->second;
}

bool ConstitutionModel::holds(const ast::Formula& f, const Assignment& truth) const {
    auto child = [&](const auto& c) {
        return holds(*c, truth);
    };
    switch (f.kind) {
    case ast::FormulaKind::And:
        return std::all_of(f.children.begin(), f.children.end(), child);
    case ast::FormulaKind::Or:
        return std::any_of(f.children.begin(), f.children.end(), child);
    case ast::FormulaKind::Not:
        return !holds(*f.children.front(), truth);
    case ast::FormulaKind::Const:
        return f.value;
    default:
        return truth.count(statementOf(f)) > 0;
    }
}

bool ConstitutionModel::violated(const ConstitutionRule& rule, const Assignment& truth) const {
    return holds(*rule.when, truth) && !(rule.unless && holds(*rule.unless, truth));
}

} // namespace clue::sim
