// What a chat request asks the simulated model, recognised from its prompt (README, "Prompts").
#pragma once

#include <array>
#include <string>

namespace clue::sim {

enum class RequestKind {
    YesNo,            // the CLUE yes/no question about an image
    Prior,            // the same question without an image: the language prior M(None, c)
    Reasoning,        // chain-of-thought step 1: think step by step
    Summary,          // chain-of-thought step 2: summarize the conclusion as JSON
    ObjectifyRate,    // rate a rule's objectiveness
    ObjectifyRewrite, // rewrite a rule to be more objective
    ObjectifyExtract, // extract a rule's precondition chain
    Other,            // anything else
};

inline constexpr std::array<RequestKind, 8> allRequestKinds = {RequestKind::YesNo,
                                                               RequestKind::Prior,
                                                               RequestKind::Reasoning,
                                                               RequestKind::Summary,
                                                               RequestKind::ObjectifyRate,
                                                               RequestKind::ObjectifyRewrite,
                                                               RequestKind::ObjectifyExtract,
                                                               RequestKind::Other};

// "yesno", "prior", "reasoning", "summary", "objectify_rate", "objectify_rewrite",
// "objectify_extract", "other": the names used by /sim/stats and by fault rules.
const char* requestKindName(RequestKind kind);

// A recognised prompt: its kind and what it is about.
struct Prompt {
    RequestKind kind = RequestKind::Other;
    std::string statement; // normalized; YesNo, Prior, Reasoning and Summary
    std::string rule;      // the text between <rule> and </rule>; objectification prompts
};

} // namespace clue::sim
