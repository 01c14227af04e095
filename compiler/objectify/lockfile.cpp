// Finding, replacing and ordering lock entries.
#include "compiler/objectify/lockfile.h"

#include <algorithm>
#include <tuple>

namespace clue::objectify {

std::string lockfilePath(const std::string& sourcePath) {
    return sourcePath + ".lock";
}

const LockEntry* Lockfile::find(const std::string& id, const std::string& text) const {
    const LockEntry* other = nullptr;
    for (const LockEntry& entry : entries_) {
        if (entry.matchesText(text)) {
            if (entry.ruleId == id) {
                return &entry;
            }
            other = other ? other : &entry;
        }
    }
    return other;
}

const LockEntry* Lockfile::staleFor(const std::string& id, const std::string& text) const {
    for (const LockEntry& entry : entries_) {
        if (entry.ruleId == id && !entry.matchesText(text)) {
            return &entry;
        }
    }
    return nullptr;
}

LockLookup Lockfile::lookup(const std::string& id, const std::string& text,
                            const LockRequirement& need) const {
    const LockEntry* entry = find(id, text);
    if (entry == nullptr) {
        const LockEntry* stale = staleFor(id, text);
        return {stale ? LockState::TextChanged : LockState::Missing, stale};
    }
    if (entry->promptVersion != need.promptVersion) {
        return {LockState::PromptsChanged, entry};
    }
    if (need.model && entry->model != *need.model) {
        return {LockState::ModelChanged, entry};
    }
    return {LockState::Fresh, entry};
}

void Lockfile::put(LockEntry entry) {
    std::erase_if(entries_, [&](const LockEntry& old) {
        return old.ruleId == entry.ruleId ||
               (old.textSha256 == entry.textSha256 && old.model == entry.model &&
                old.promptVersion == entry.promptVersion);
    });
    entries_.push_back(std::move(entry));
}

void Lockfile::keepOnly(const std::set<std::string>& ruleIds) {
    std::erase_if(entries_, [&](const LockEntry& e) { return !ruleIds.contains(e.ruleId); });
}

std::vector<const LockEntry*> Lockfile::sorted() const {
    std::vector<const LockEntry*> order;
    for (const LockEntry& entry : entries_) {
        order.push_back(&entry);
    }
    std::sort(order.begin(), order.end(), [](const LockEntry* a, const LockEntry* b) {
        return std::tie(a->ruleId, a->model, a->promptVersion, a->textSha256) <
               std::tie(b->ruleId, b->model, b->promptVersion, b->textSha256);
    });
    return order;
}

} // namespace clue::objectify
