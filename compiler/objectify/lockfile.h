// NAME.clue.lock: the objectification results for the rules of NAME.clue, one entry per rule,
// each keyed by the hash of the rule text, the model and the prompt version.
#pragma once

#include "compiler/objectify/lock_entry.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clue::objectify {

inline constexpr const char* kLockfileVersion = "clue.lock/v1";

// The lockfile beside a source file: "policy.clue" gives "policy.clue.lock".
std::string lockfilePath(const std::string& sourcePath);

// What a lock entry must have been made with to stand for a rule now.
struct LockRequirement {
    std::string promptVersion; // the prompts this clue objectifies with (kPromptVersion)
    // The model that would be asked; nothing: an entry of any model will do. `clue objectify`
    // requires the model it is set to ask; `clue compile` asks no model and requires none (the
    // plan records the entry's model).
    std::optional<std::string> model;
};

// What a lockfile holds for one rule.
enum class LockState {
    Fresh,          // an entry for the rule's text, the prompt version and the model required
    Missing,        // no entry for the rule at all
    TextChanged,    // only an entry for another text of the rule: the rule was edited
    PromptsChanged, // an entry for the text, made with other prompts
    ModelChanged,   // an entry for the text and prompts, made with another model
};

struct LockLookup {
    LockState state = LockState::Missing;
    const LockEntry* entry = nullptr; // the fresh entry, or the one found stale; null if Missing
};

class Lockfile {
public:
    const std::vector<LockEntry>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }

    // The entry made for rule `id` with text `text` (any model and prompts): the one for `id`
    // if there is one, else any entry for the same text.
    const LockEntry* find(const std::string& id, const std::string& text) const;
    // An entry for rule `id` made for another text: what is left after the rule text changed.
    const LockEntry* staleFor(const std::string& id, const std::string& text) const;
    // The freshness rule, the one `clue objectify` and `clue compile` share: the entry of rule
    // `id` with text `text` is fresh when it was made for that text (or its accepted rewrite),
    // with `need`'s prompt version, and with `need`'s model when one is required.
    LockLookup lookup(const std::string& id, const std::string& text,
                      const LockRequirement& need) const;

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
