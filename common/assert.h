// Saying what cannot happen: CLUE_ASSERT for an invariant, CLUE_UNREACHABLE for the end of an
// exhaustive switch, so that the day it stops being exhaustive fails loudly instead of falling
// back to a default. Both are checked in every build (a wrong fallback in a safety judge is worse
// than a crash), and both are for programming errors only: what users cause is a diagnostic.
#pragma once

namespace clue::detail {

[[noreturn]] void assertionFailed(const char* condition, const char* file, int line);
[[noreturn]] void unreachableReached(const char* file, int line);

} // namespace clue::detail

#define CLUE_ASSERT(condition)                                                                     \
    ((condition) ? static_cast<void>(0)                                                            \
                 : ::clue::detail::assertionFailed(#condition, __FILE__, __LINE__))

#define CLUE_UNREACHABLE() ::clue::detail::unreachableReached(__FILE__, __LINE__)
