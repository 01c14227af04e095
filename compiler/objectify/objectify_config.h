// The `objectify` section of clue.yaml: the loop's threshold, rounds, attempts, concurrency and
// answer limits. The model and its server come from the `backend` section.
//
// objectify:
//   threshold: 9            # rules rated under this are rewritten (1-10)
//   rounds: 3               # rewrite rounds per rule at most (0-10)
//   attempts: 3             # answers asked per question, retries of unusable ones included (1-10)
//   concurrency: 4          # rules objectified at once (1-64)
//   max_statement_length: 150   # characters per extracted statement (20-1000)
#pragma once

#include "common/project_config.h"
#include "compiler/objectify/objectify_settings.h"

#include <string_view>
#include <vector>

namespace clue::objectify {

inline constexpr std::string_view kObjectifySection = "objectify";

// Defaults overridden by the section; problems go to `issues` with their line.
ObjectifySettings loadObjectifySettings(const ProjectConfig& project,
                                        std::vector<ConfigIssue>& issues);

} // namespace clue::objectify
