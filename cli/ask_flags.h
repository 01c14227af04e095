// The flags that choose how each image's questions are asked (runtime::AskPolicy), shared by
// judge, eval and serve.
#pragma once

#include "runtime/judge/ask_policy.h"

#include <CLI/CLI.hpp>

#include <string>

namespace clue::cli {

struct AskFlags {
    std::string order = "waves";
    int questionsPerImage = 0;
    int maxRounds = 0;
    std::string decide = "rules";

    void addOptions(CLI::App& command);
    // CLI11 checked every value: the policy is always valid.
    runtime::AskPolicy policy() const;
};

} // namespace clue::cli
