// What the corpus generator needs of a checked constitution: its statements (predicates and
// inline strings, by normalized text) and its rules' formulas, evaluated over sampled truth.
#pragma once

#include "compiler/sema/program.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clue::sim {

// Statement truth for one image: a statement not listed is false.
using Assignment = std::set<std::string>; // normalized statements that are visible

struct ConstitutionStatement {
    std::string text;            // as declared
    std::string object;          // the predicate's `object`, if any
    std::optional<double> prior; // the predicate's `prior`, if any
    int ruleCount = 0;           // rules whose formulas mention it
};

struct ConstitutionRule {
    std::string id;
    std::string text;     // the rule's full text, as written
    std::string category; // empty at top level
    const ast::Formula* when = nullptr;
    const ast::Formula* unless = nullptr;
};

class ConstitutionModel {
public:
    explicit ConstitutionModel(const Program& program);

    // Normalized statement of a Ref or Inline leaf.
    std::string statementOf(const ast::Formula& leaf) const;
    bool holds(const ast::Formula& formula, const Assignment& truth) const;
    // `when` and not `unless`.
    bool violated(const ConstitutionRule& rule, const Assignment& truth) const;

    const std::map<std::string, ConstitutionStatement>& statements() const { return statements_; }
    const std::vector<ConstitutionRule>& rules() const { return rules_; } // source order
    const std::vector<std::string>& rulesWithoutFormula() const { return withoutFormula_; }

private:
    void addRule(const ast::RuleDecl& rule);
    void countStatements(const ast::Formula& formula, std::set<std::string>& seen);

    std::map<std::string, std::string> byName_; // predicate name -> normalized statement
    std::map<std::string, ConstitutionStatement> statements_;
    std::vector<ConstitutionRule> rules_;
    std::vector<std::string> withoutFormula_;
};

} // namespace clue::sim
