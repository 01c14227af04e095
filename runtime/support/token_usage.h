// Token counts of one model call, as the server reports them in `usage`.
#pragma once

namespace clue::runtime {

struct TokenUsage {
    int prompt = 0;
    int completion = 0;

    TokenUsage& operator+=(const TokenUsage& other) {
        prompt += other.prompt;
        completion += other.completion;
        return *this;
    }
    friend bool operator==(const TokenUsage&, const TokenUsage&) = default;
};

} // namespace clue::runtime
