// The analyses of one loaded program that lint rules share, each computed on first use and
// kept: a rule that needs none of them costs nothing.
#pragma once

#include "compiler/analysis/rule_implications.h"
#include "compiler/lint/program_ir.h"
#include "compiler/lint/statement_index.h"
#include "compiler/lint/usage_index.h"

#include <map>
#include <memory>
#include <optional>

namespace clue::lint {

// What the `unless` clause of a rule does: by the IR as lowered, `when W unless U`.
struct UnlessEffect {
    bool cancelsRule = false;  // W implies U (and W can hold): the rule never fires
    bool neverApplies = false; // W and U never hold together: the unless changes nothing
};

class ProgramAnalyses {
public:
    // `locked`: the chains of rules without `when` from the lockfiles; null: none.
    ProgramAnalyses(const Program& program, const SourceManager& sources,
                    const objectify::LockedRules* locked = nullptr)
        : program_(program), sources_(sources), locked_(locked) {}

    const Program& program() const { return program_; }
    const ProgramIR& ir();
    const StatementIndex& statements();
    const UsageIndex& usage();
    // Pairs of rules whose formula implies the other's, among rules that are not constant.
    const std::vector<analysis::RuleImplication>& implications();
    // For every rule with an `unless` (by IR rule index).
    const std::map<size_t, UnlessEffect>& unlessEffects();

private:
    const Program& program_;
    const SourceManager& sources_;
    const objectify::LockedRules* locked_;
    std::unique_ptr<ProgramIR> ir_;
    std::optional<StatementIndex> statements_;
    std::optional<UsageIndex> usage_;
    std::optional<std::vector<analysis::RuleImplication>> implications_;
    std::optional<std::map<size_t, UnlessEffect>> unless_;
};

} // namespace clue::lint
