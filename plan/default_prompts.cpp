// Default judge prompts. Changing any text here requires a new version string, because the
// version is part of every score-cache key.
#include "plan/default_prompts.h"

namespace clue::plan {

Prompts defaultPrompts() {
    Prompts p;
    p.version = "clue-judge/1";
    p.yesNo = "Is the following content visible via this image? Answer \"Yes\" or \"No\". "
              "Content: {statement}.";
    p.reasoning = "Is the following content visible via this image? Content: {statement}. "
                  "Think step by step: describe what in the image is relevant to the content, "
                  "then conclude.";
    p.summary = "Summarize your conclusion as JSON with exactly two keys: "
                "{\"rating\": \"Yes\" or \"No\", \"rationale\": \"<one sentence>\"}. "
                "\"Yes\" means the content is visible via the image.";
    return p;
}

std::string fillStatement(std::string_view templ, std::string_view statement) {
    while (!statement.empty() &&
           std::string_view(".!?;:, \t\r\n").find(statement.back()) != std::string_view::npos) {
        statement.remove_suffix(1);
    }
    static constexpr std::string_view placeholder = "{statement}";
    std::string out;
    size_t pos = 0;
    while (true) {
        size_t hit = templ.find(placeholder, pos);
        out += templ.substr(pos, hit - pos);
        if (hit == std::string_view::npos) {
            return out;
        }
        out += statement;
        pos = hit + placeholder.size();
    }
}

} // namespace clue::plan
