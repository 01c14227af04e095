// The failure paths of CLUE_ASSERT and CLUE_UNREACHABLE: say where, then abort.
#include "common/assert.h"

#include <cstdio>
#include <cstdlib>

namespace clue::detail {

void assertionFailed(const char* condition, const char* file, int line) {
    std::fprintf(stderr, "clue: internal error: assertion '%s' failed at %s:%d\n", condition, file,
                 line);
    std::abort();
}

void unreachableReached(const char* file, int line) {
    std::fprintf(stderr, "clue: internal error: unreachable code reached at %s:%d\n", file, line);
    std::abort();
}

} // namespace clue::detail
