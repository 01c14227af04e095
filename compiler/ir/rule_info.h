// What the IR knows about one rule besides its formula.
#pragma once

#include "compiler/source/source_span.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::ir {

struct RuleInfo {
    std::string id;
    std::string text;
    std::optional<std::string> category;
    std::optional<std::string> severity;
    std::vector<std::string> tags;
    SourceSpan span;      // the whole declaration
    SourceSpan idSpan;    // where diagnostics about the rule point
    std::string location; // "file:line" with the file's relative path, as the plan records it
    // The chain came from a lock entry: the model and prompt version that extracted it.
    std::optional<std::string> objectifiedModel;
    std::string objectifiedPromptVersion;
};

} // namespace clue::ir
