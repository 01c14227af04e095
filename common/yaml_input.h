// Loading YAML that comes from outside (clue.yaml, lockfiles, world files): yaml-cpp keeps both
// copies of a key given twice and its lookups take the first, so a second `when:` or `endpoint:`
// would be silently ignored. Refused here, like duplicate JSON keys (common/json_input.h).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string_view>

namespace clue {

// Nodes visited for the check, aliases counted each time they are used: a bound on
// "billion laughs" expansions.
inline constexpr std::size_t kMaxYamlNodes = 4'000'000;

// YAML::Load, then a walk over every mapping. Throws YAML::Exception with the mark of the second
// copy of a duplicated key ("duplicate key 'when': ..."), or of the root when there are more than
// kMaxYamlNodes nodes.
YAML::Node loadYamlInput(std::string_view text);

} // namespace clue
