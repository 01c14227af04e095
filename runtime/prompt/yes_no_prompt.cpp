// The default yes/no question, from the plan's default prompt templates.
#include "runtime/prompt/yes_no_prompt.h"

#include "plan/default_prompts.h"

namespace clue::runtime {

std::string yesNoQuestion(std::string_view statement) {
    static const std::string templ = plan::defaultPrompts().yesNo;
    return plan::fillStatement(templ, statement);
}

} // namespace clue::runtime
