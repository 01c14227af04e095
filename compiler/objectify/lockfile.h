// NAME.clue.lock: the objectification results for the rules of NAME.clue, one entry per rule,
// each keyed by the hash of the rule text, the model and the prompt version.
#pragma once

#include "compiler/objectify/lock_entry.h"

#include <set>
#include <string>
#include <vector>

namespace clue::objectify {

inline constexpr const char* kLockfileVersion = "clue.lock/v1";

// The lockfile beside a source file: "policy.clue" gives "policy.clue.lock".
std::string lockfilePath(const std::string& sourcePath);

class Lockfile {
public:
    const std::vector<LockEntry>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }

    // The entry made for rule `id` with text `text` (any model and prompts): the one for `id`
    // if there is one, else any entry for the same text.
    const LockEntry* find(const std::string& id, const std::string& text) const;
    // An entry for rule `id` made for another text: what is left after the rule text changed.
    const LockEntry* staleFor(const std::string& id, const std::string& text) const;

    // Adds `entry` in place of every entry for the same rule or the same key.
    void put(LockEntry entry);
    // Drops the entries of rules that are not in `ruleIds`.
    void keepOnly(const std::set<std::string>& ruleIds);
    // Adds an entry as read, with no replacing (the reader checks for duplicate keys).
    void add(LockEntry entry) { entries_.push_back(std::move(entry)); }

    // Entries sorted by rule id, then model, prompt version and text hash: the written order.
    std::vector<const LockEntry*> sorted() const;

private:
    std::vector<LockEntry> entries_;
};

// The lockfile's text: a comment naming `sourceName`, then the entries in sorted order. The
// same entries always give the same bytes.
std::string writeLockfile(const Lockfile& lockfile, const std::string& sourceName);

} // namespace clue::objectify
