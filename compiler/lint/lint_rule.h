// The interface of a lint rule: its metadata and a check that only reports findings.
#pragma once

#include "compiler/lint/rule_meta.h"
#include "compiler/lint/rule_options.h"

namespace clue::lint {

class FindingSink;
class LintContext;

class LintRule {
public:
    explicit LintRule(RuleMeta meta) : meta_(std::move(meta)) {}
    virtual ~LintRule() = default;
    LintRule(const LintRule&) = delete;
    LintRule& operator=(const LintRule&) = delete;

    const RuleMeta& meta() const { return meta_; }
    const std::string& code() const { return meta_.code; }
    const std::string& name() const { return meta_.name; }

    // Reports this rule's findings about the file `context` lints. Rules of the Suppression
    // category run after all others, when every suppression knows whether it was used.
    virtual void check(const LintContext& context, const RuleOptions& options,
                       FindingSink& sink) const = 0;

private:
    RuleMeta meta_;
};

} // namespace clue::lint
