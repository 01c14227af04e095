// Finding each rule's lock entry, and reporting the rules whose entry is stale.
#include "compiler/objectify/locked_rules.h"

#include "common/statement.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/objectify/lockfile_reader.h"

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

void LockedRules::resolve(const ast::RuleDecl& rule, const Lockfile& lockfile,
                          const std::string& source, DiagnosticEngine& diags) {
    const std::string& text = rule.text.value();
    if (const LockEntry* entry = lockfile.find(rule.id, text)) {
        entries_.emplace(&rule, entry);
        for (const ChainStatement& s : entry->objects) {
            objects_.emplace(normalizeStatement(s.statement), s.object);
        }
    } else if (const LockEntry* stale = lockfile.staleFor(rule.id, text)) {
        reported_.insert(&rule);
        diags
            .error(code::LockEntryStale, rule.idSpan,
                   fmt::format("rule '{}' has no `when`, and its lock entry was made for another "
                               "text: run `clue objectify {}`",
                               rule.id, source))
            .note(fmt::format("the entry was made for \"{}\"", stale->text), stale->span)
            .withHelp("the rule text changed since it was objectified; objectify it again, or "
                      "give it a `when` by hand");
    }
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
