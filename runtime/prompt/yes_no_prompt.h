// The CLUE precondition question, asked with one generated token and read from its logprobs.
#pragma once

#include <string>
#include <string_view>

namespace clue::runtime {

// `Is the following content visible via this image? Answer "Yes" or "No". Content: <c>.`
// A statement that already ends in a period gets no second one.
std::string yesNoQuestion(std::string_view statement);

} // namespace clue::runtime
