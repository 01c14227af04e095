// The versioned objectification prompts. The version string goes into every lock entry, so a
// change of wording, examples or schema must come with a new prompts/vN folder and version.
#pragma once

#include "compiler/objectify/prompt_template.h"

#include <nlohmann/json.hpp>

#include <string>

namespace clue::objectify {

// The version of the prompts in use; lock entries made with another version are not fresh.
inline constexpr const char* kPromptVersion = "objectify/1";

struct PromptSet {
    std::string version;
    PromptTemplate rate;          // {{rule}}
    PromptTemplate rewrite;       // {{rule}}, {{rating}}, {{explanation}}, {{threshold}}
    PromptTemplate extract;       // {{rule}}, {{max_statement_length}}
    PromptTemplate retry;         // {{problem}}, {{rule}}
    nlohmann::json extractSchema; // sent as response_format json_schema

    // The prompts of kPromptVersion, parsed once from the files built into the library.
    static const PromptSet& current();
};

} // namespace clue::objectify
