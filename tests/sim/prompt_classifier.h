// Recognises the prompts of the runtime's contract (README, "Prompts") in a chat request.
#pragma once

#include "tests/sim/chat_request.h"
#include "tests/sim/request_kind.h"

namespace clue::sim {

Prompt classifyPrompt(const ChatRequest& request);

} // namespace clue::sim
