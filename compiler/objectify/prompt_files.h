// The prompt files of compiler/objectify/prompts, built into the library by embed_prompts.cmake.
#pragma once

#include <string_view>

namespace clue::objectify {

// The text of the prompt file `name` ("v1/rate.txt"); empty when there is no such file.
std::string_view promptFile(std::string_view name);

} // namespace clue::objectify
