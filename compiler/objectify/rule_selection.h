// Which rules of a file `clue objectify` asks the model about, and which chains `--write` puts
// back into the source: decisions on the lockfile's freshness rule (Lockfile::lookup).
#pragma once

#include "compiler/ast/module.h"
#include "compiler/objectify/lockfile.h"
#include "compiler/objectify/rule_outcome.h"
#include "compiler/objectify/source_writer.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::objectify {

// What happens to one rule of the file.
enum class Disposition {
    Objectify, // asked: no fresh entry, or --force
    HasWhen,   // skipped: the rule has its own `when`
    Fresh,     // skipped: the lockfile holds a fresh entry
};

// One rule of the file through a run.
struct SelectedRule {
    const ast::RuleDecl* rule = nullptr;
    Disposition disposition = Disposition::Objectify;
    bool textChanged = false;           // asked because its entry was made for an older text
    std::optional<RuleOutcome> outcome; // set once it was objectified
};

struct SelectionOptions {
    std::string onlyRule; // --rule: this rule only; empty: every rule
    bool force = false;   // objectify even rules with a fresh entry or their own `when`
    LockRequirement need; // what makes an entry fresh: the prompts, and the model to ask
};

// The rules of `module` in source order with what happens to each; empty when `onlyRule` names
// no rule of the module.
std::vector<SelectedRule> selectRules(const ast::Module& module, const Lockfile& lockfile,
                                      const SelectionOptions& options);

// The chains `--write` puts into the source, from `lockfile` as it is after the run: each rule
// without `when` that has a fresh entry, and each rule whose `when` --force replaced.
std::vector<ChainWrite> chainsToWrite(const std::vector<SelectedRule>& rules,
                                      const Lockfile& lockfile, const LockRequirement& need);

} // namespace clue::objectify
