// Reading an OpenAI-compatible chat-completion response body: content, usage, the first
// generated token's logprobs, and error bodies, across vLLM, SGLang, llama.cpp, Ollama and OpenAI.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/support/expected.h"
#include "runtime/support/token_usage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

struct TokenLogprob {
    std::string token;
    double logprob = 0; // natural log; -infinity when the server gave null
};

// The first generated token and the most likely alternatives at its position.
struct FirstTokenLogprobs {
    std::optional<TokenLogprob> chosen;
    std::vector<TokenLogprob> top;
};

struct ParsedCompletion {
    std::string content;      // choices[0].message.content ("" when null)
    std::string finishReason; // "" when absent
    TokenUsage usage;
    // Absent when the server sent no logprobs (none asked, or not enabled on the server).
    std::optional<FirstTokenLogprobs> firstToken;
};

// Accepted logprob shapes, first to match:
// - `choices[0].logprobs.content[0]` with `token`, `logprob` and `top_logprobs` [{token, logprob}]
//   (OpenAI, vLLM, SGLang, Ollama, llama.cpp; llama.cpp adds `id`, and with post_sampling_probs
//   sends `prob` / `top_probs` instead, which are read too);
// - the legacy completions shape `choices[0].logprobs.{tokens, token_logprobs, top_logprobs}`
//   where top_logprobs[0] maps token to logprob (vLLM before 0.4 answered chat this way).
// An empty `token` with a `bytes` array is decoded from the bytes (llama.cpp cuts a token's text
// at an incomplete UTF-8 sequence; `bytes` keeps them all).
Expected<ParsedCompletion, BackendError> parseChatCompletion(std::string_view body);

// The message of an error body: OpenAI's {"error": {"message", "type", "code"}}, a bare
// {"error": "..."}, or vLLM's older {"object": "error", "message", ...}. Nothing otherwise.
std::optional<std::string> describeErrorBody(std::string_view body);

} // namespace clue::runtime
