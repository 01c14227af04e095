// Matching lock entries against rule texts.
#include "compiler/objectify/lock_entry.h"

#include "common/sha256.h"

namespace clue::objectify {

bool LockEntry::matchesText(const std::string& ruleText) const {
    return sha256Hex(ruleText) == textSha256 || ruleText == finalText();
}

} // namespace clue::objectify
