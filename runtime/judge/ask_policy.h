// How one image's questions are chosen and grouped into rounds: by the plan's waves or
// adaptively (adaptive_choice.h), how many at once at most, and in how many rounds at most.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace clue::runtime {

enum class QuestionOrder {
    Waves,    // the earliest wave of the plan's schedule that still has a needed question
    Adaptive, // after each answer, the open question that is expected to settle most rules
};

// When an image's questions stop: once every rule is settled, or once the verdict is.
enum class Decide {
    Rules,   // every rule settled (or failed): each rule's state is known
    Verdict, // also stop at the first violated rule; the rules left open are `not_evaluated`
};

const char* questionOrderName(QuestionOrder order);
const char* decideName(Decide decide);
std::optional<Decide> parseDecide(std::string_view text);
// "waves" or "adaptive"; nothing for anything else.
std::optional<QuestionOrder> parseQuestionOrder(std::string_view text);

struct AskPolicy {
    QuestionOrder order = QuestionOrder::Waves;
    // Questions about one image in flight at once, at most; 0: no limit. By waves, a limit asks
    // the first N still needed in plan order instead of a whole wave.
    std::size_t questionsAtOnce = 0;
    // Rounds per image, at most; 0: no limit. The last allowed round asks every question still
    // needed at once, so an image never takes more rounds than this.
    std::size_t maxRounds = 0;
    Decide decide = Decide::Rules;
};

} // namespace clue::runtime
