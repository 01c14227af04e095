// --order, --questions-per-image and --max-rounds.
#include "cli/ask_flags.h"

namespace clue::cli {

void AskFlags::addOptions(CLI::App& command) {
    command
        .add_option("--order", order,
                    "How each image's next questions are chosen: waves (the plan's schedule) or "
                    "adaptive (the question expected to settle most rules, after each answer)")
        ->check(CLI::IsMember({"waves", "adaptive"}))
        ->capture_default_str();
    command
        .add_option("--questions-per-image", questionsPerImage,
                    "Questions about one image asked at once, at most (default 0: no limit; by "
                    "waves, N takes the first N in the plan's order; 1: one at a time)")
        ->check(CLI::Range(0, 100000));
    command
        .add_option("--max-rounds", maxRounds,
                    "Rounds of questions per image, at most; the last asks every question still "
                    "needed (default 0: no limit)")
        ->check(CLI::Range(0, 100000));
    command
        .add_option("--decide", decide,
                    "Stop once every rule is settled (rules), or once the verdict is (verdict: "
                    "at the first violated rule; the rules left open are not_evaluated)")
        ->check(CLI::IsMember({"rules", "verdict"}))
        ->capture_default_str();
}

runtime::AskPolicy AskFlags::policy() const {
    runtime::AskPolicy policy;
    policy.order = runtime::parseQuestionOrder(order).value_or(runtime::QuestionOrder::Waves);
    policy.questionsAtOnce = std::size_t(questionsPerImage);
    policy.maxRounds = std::size_t(maxRounds);
    policy.decide = runtime::parseDecide(decide).value_or(runtime::Decide::Rules);
    return policy;
}

} // namespace clue::cli
