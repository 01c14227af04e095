// The regular expressions that clue.yaml gives lint (id-naming's patterns), compiled with RE2:
// matching takes time linear in the name and bounded memory, whatever the pattern or the name.
#pragma once

#include <re2/re2.h>

#include <optional>
#include <string>

namespace clue::lint {

// Quiet (errors are reported by the caller) and with a small memory budget.
RE2::Options namePatternOptions();

// Why `pattern` is not a usable regular expression, or nothing when it is.
std::optional<std::string> namePatternError(const std::string& pattern);

} // namespace clue::lint
