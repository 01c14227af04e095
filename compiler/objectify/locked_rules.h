// The precondition chains that `clue compile` takes from lockfiles: for each rule without a
// `when`, the formula of the entry made for its text in the lockfile beside its file
// (NAME.clue.lock). Reading them needs no network and never asks a model.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/objectify/lockfile.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clue::objectify {

class LockedRules {
public:
    // Reads the lockfile of every file of `program` that has a rule without `when`. Reports
    // E080 for a malformed lockfile and E081 for a rule whose entry is not fresh
    // (Lockfile::lookup): made for another text, or with other prompts.
    // A rule with no entry at all is left to lowering, which names the command to run.
    static LockedRules load(const Program& program, SourceManager& sources,
                            DiagnosticEngine& diags);

    // The entry whose chain stands for the rule's missing `when`, or null.
    const LockEntry* entryOf(const ast::RuleDecl& rule) const;
    // Whether the rule's lock entry was already reported as an error (stale, malformed).
    bool reported(const ast::RuleDecl& rule) const { return reported_.contains(&rule); }
    // The central object the lock entries give a statement (compared normalized), or "".
    std::string objectOf(const std::string& statement) const;
    // The text of every lockfile read, in the order read: it belongs in the source digest.
    const std::vector<std::string>& contents() const { return contents_; }

private:
    void loadUnit(const SourceUnit& unit, SourceManager& sources, DiagnosticEngine& diags);
    void resolve(const ast::RuleDecl& rule, const Lockfile& lockfile, const std::string& source,
                 DiagnosticEngine& diags);
    Diagnostic& reportStale(const ast::RuleDecl& rule, const std::string& source,
                            const std::string& why, DiagnosticEngine& diags);

    std::vector<std::unique_ptr<Lockfile>> lockfiles_;
    std::map<const ast::RuleDecl*, const LockEntry*> entries_;
    std::set<const ast::RuleDecl*> reported_;
    std::map<std::string, std::string> objects_; // normalized statement -> central object
    std::vector<std::string> contents_;
};

} // namespace clue::objectify
