// Names of the question orders, for flags and results.
#include "runtime/judge/ask_policy.h"

#include "common/assert.h"

namespace clue::runtime {

const char* questionOrderName(QuestionOrder order) {
    switch (order) {
    case QuestionOrder::Waves:
        return "waves";
    case QuestionOrder::Adaptive:
        return "adaptive";
    }
    CLUE_UNREACHABLE();
}

std::optional<QuestionOrder> parseQuestionOrder(std::string_view text) {
    for (QuestionOrder order : {QuestionOrder::Waves, QuestionOrder::Adaptive}) {
        if (text == questionOrderName(order)) {
            return order;
        }
    }
    return std::nullopt;
}

const char* decideName(Decide decide) {
    switch (decide) {
    case Decide::Rules:
        return "rules";
    case Decide::Verdict:
        return "verdict";
    }
    CLUE_UNREACHABLE();
}

std::optional<Decide> parseDecide(std::string_view text) {
    for (Decide decide : {Decide::Rules, Decide::Verdict}) {
        if (text == decideName(decide)) {
            return decide;
        }
    }
    return std::nullopt;
}

} // namespace clue::runtime
