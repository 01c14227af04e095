// The question template of the CLUE paper, section 4.
#include "runtime/prompt/yes_no_prompt.h"

namespace clue::runtime {

std::string yesNoQuestion(std::string_view statement) {
    std::string question =
        "Is the following content visible via this image? Answer \"Yes\" or \"No\". Content: ";
    question += statement;
    if (statement.empty() || statement.back() != '.') {
        question += '.';
    }
    return question;
}

} // namespace clue::runtime
