// Names of the request kinds.
#include "tests/sim/request_kind.h"

namespace clue::sim {

const char* requestKindName(RequestKind kind) {
    switch (kind) {
    case RequestKind::YesNo:
        return "yesno";
    case RequestKind::Prior:
        return "prior";
    case RequestKind::Reasoning:
        return "reasoning";
    case RequestKind::Summary:
        return "summary";
    case RequestKind::ObjectifyRate:
        return "objectify_rate";
    case RequestKind::ObjectifyRewrite:
        return "objectify_rewrite";
    case RequestKind::ObjectifyExtract:
        return "objectify_extract";
    case RequestKind::Other:
        return "other";
    }
    return "other";
}

} // namespace clue::sim
