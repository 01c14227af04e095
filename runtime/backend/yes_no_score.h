// CLUE's score M = P(Yes) / (P(Yes) + P(No)) from the first generated token's top logprobs.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/backend/chat_completion_parser.h"
#include "runtime/support/expected.h"

#include <string_view>

namespace clue::runtime {

struct YesNoScore {
    double score = 0; // M in [0, 1]
    // Probability summed over every listed variant of each answer; for an answer absent from the
    // list, the bound used in its place (the listed tokens' remaining mass).
    double pYes = 0;
    double pNo = 0;
    // One answer was absent from the list and bounded by the remaining mass.
    bool approximate = false;
    int listedTokens = 0; // distinct tokens considered
};

enum class YesNoToken { Yes, No, Other };

// "Yes", " yes", "YES", "\u2581Yes" (sentencepiece), "\u0120yes" (GPT-2 byte-level) are Yes:
// the token is trimmed of whitespace and of the markers \u2581, \u0120 and \u010a, then compared
// with "yes" and "no" ignoring ASCII case. "Yes." or "Yesterday" are Other.
YesNoToken classifyYesNoToken(std::string_view token);

// Sums every Yes and every No variant among the top tokens (the chosen token counts when the top
// list lacks it; an entry listed twice, same text and logprob, counts once).
// - Both present: M = pYes / (pYes + pNo).
// - One absent: its probability is bounded by 1 - (sum over the listed tokens) and the score is
//   marked approximate.
// - Both absent, or no probability on either: NoYesNo error.
Expected<YesNoScore, BackendError> scoreYesNo(const FirstTokenLogprobs& logprobs);

} // namespace clue::runtime
