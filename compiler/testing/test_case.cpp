// How an expectation reads in reports.
#include "compiler/testing/test_case.h"

#include "common/assert.h"

namespace clue {

std::string describe(const TestExpectation& e) {
    switch (e.kind) {
    case ast::ExpectKind::Safe:
        return "safe";
    case ast::ExpectKind::Unsafe:
        return "unsafe";
    case ast::ExpectKind::Violates:
        return "violates " + e.rule;
    case ast::ExpectKind::NotViolates:
        return "not violates " + e.rule;
    }
    CLUE_UNREACHABLE();
}

} // namespace clue
