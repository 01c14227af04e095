// libFuzzer target for the chat-completion parser and the yes/no score (docs/fuzzing.md): any
// body either parses or is refused with a BackendError. A parsed first token's score, when it has
// one, is a finite number in [0, 1] whose Yes and No masses are probabilities: the decision rule
// compares it with thresholds, and anything else would be a verdict out of garbage.
#include "runtime/backend/chat_completion_parser.h"
#include "runtime/backend/yes_no_score.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, double value) {
    std::fprintf(stderr, "chat_completion_fuzzer: %s: %g\n", what, value);
    std::abort();
}

bool isProbability(double p) {
    return std::isfinite(p) && p >= 0 && p <= 1;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace clue::runtime;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    describeErrorBody(body);
    const auto parsed = parseChatCompletion(body);
    if (!parsed) {
        if (parsed.error().message.empty()) {
            fail("an error without a message", 0);
        }
        return 0;
    }
    if (!parsed->firstToken) {
        return 0;
    }
    const auto score = scoreYesNo(*parsed->firstToken);
    if (!score) {
        return 0;
    }
    if (!isProbability(score->score)) {
        fail("a score outside [0, 1]", score->score);
    }
    if (!isProbability(score->pYes) || !isProbability(score->pNo)) {
        fail("a Yes or No mass outside [0, 1]", score->pYes + 10 * score->pNo);
    }
    return 0;
}
