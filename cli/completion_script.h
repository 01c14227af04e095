// Shell completion scripts for `clue completion bash|zsh|fish`, written from the verbs and
// options the CLI registers, so that they never fall out of step with it.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace clue::cli {

// The script for `shell` ("bash", "zsh" or "fish"); nothing for another shell.
std::optional<std::string> completionScript(const CLI::App& app, const std::string& shell);

} // namespace clue::cli
