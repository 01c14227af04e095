// The CLUE precondition question, asked with one generated token and read from its logprobs.
#pragma once

#include <string>
#include <string_view>

namespace clue::runtime {

// The default yes/no question for `statement`:
// `Is the following content visible via this image? Answer "Yes" or "No". Content: <c>.`
// Final punctuation of the statement is trimmed, so there is exactly one period.
std::string yesNoQuestion(std::string_view statement);

} // namespace clue::runtime
