// Finding each rule's lock entry, and reporting the rules whose entry is stale.
#include "compiler/objectify/locked_rules.h"

#include "common/assert.h"
#include "common/statement.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/objectify/lockfile_reader.h"
#include "compiler/objectify/prompt_set.h"

#include <fmt/format.h>

namespace clue::objectify {

LockedRules LockedRules::load(const Program& program, SourceManager& sources,
                              DiagnosticEngine& diags) {
    LockedRules locked;
    for (const auto& unit : program.units) {
        locked.loadUnit(*unit, sources, diags);
    }
    return locked;
}

void LockedRules::loadUnit(const SourceUnit& unit, SourceManager& sources,
                           DiagnosticEngine& diags) {
    std::vector<const ast::RuleDecl*> open;
    for (const ast::RuleDecl* rule : unit.module.rules()) {
        if (!rule->when) {
            open.push_back(rule);
        }
    }
    if (open.empty()) {
        return;
    }
    std::string path = lockfilePath(unit.path);
    std::optional<Lockfile> lockfile = readLockfile(path, sources, diags);
    if (!lockfile) {
        reported_.insert(open.begin(), open.end()); // E080 said why
        return;
    }
    lockfiles_.push_back(std::make_unique<Lockfile>(std::move(*lockfile)));
    if (!lockfiles_.back()->empty()) {
        contents_.emplace_back(sources.contents(lockfiles_.back()->entries().front().span.file));
    }
    for (const ast::RuleDecl* rule : open) {
        resolve(*rule, *lockfiles_.back(), unit.path, diags);
    }
}

// Compile requires the current prompts and no model: it asks none, and the plan records the
// entry's model.
void LockedRules::resolve(const ast::RuleDecl& rule, const Lockfile& lockfile,
                          const std::string& source, DiagnosticEngine& diags) {
    LockLookup found = lockfile.lookup(rule.id, rule.text.value(), {kPromptVersion, std::nullopt});
    switch (found.state) {
    case LockState::Fresh:
        entries_.emplace(&rule, found.entry);
        for (const ChainStatement& s : found.entry->objects) {
            objects_.emplace(normalizeStatement(s.statement), s.object);
        }
        return;
    case LockState::Missing:
        return; // lowering reports E070, naming the command to run
    case LockState::TextChanged:
        reportStale(rule, source, "was made for another text", diags)
            .note(fmt::format("the entry was made for \"{}\"", found.entry->text),
                  found.entry->span)
            .withHelp("the rule text changed since it was objectified; objectify it again, or "
                      "give it a `when` by hand");
        return;
    case LockState::PromptsChanged:
        reportStale(rule, source,
                    fmt::format("was made with the prompts {}, not {}", found.entry->promptVersion,
                                kPromptVersion),
                    diags)
            .note("the entry is here", found.entry->span)
            .withHelp("this clue objectifies with other prompts; objectify the rule again and "
                      "review the new chain");
        return;
    case LockState::ModelChanged:
        break; // compile requires no model
    }
    CLUE_UNREACHABLE();
}

Diagnostic& LockedRules::reportStale(const ast::RuleDecl& rule, const std::string& source,
                                     const std::string& why, DiagnosticEngine& diags) {
    reported_.insert(&rule);
    return diags.error(code::LockEntryStale, rule.idSpan,
                       fmt::format("rule '{}' has no `when`, and its lock entry {}: run `clue "
                                   "objectify {}`",
                                   rule.id, why, source));
}

const LockEntry* LockedRules::entryOf(const ast::RuleDecl& rule) const {
    auto it = entries_.find(&rule);
    return it == entries_.end() ? nullptr : it->second;
}

std::string LockedRules::objectOf(const std::string& statement) const {
    auto it = objects_.find(normalizeStatement(statement));
    return it == objects_.end() ? std::string() : it->second;
}

} // namespace clue::objectify
