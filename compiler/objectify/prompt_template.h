// A chat prompt written as a template file: messages introduced by "=== role ===" lines, with
// {{name}} placeholders filled in when the prompt is rendered.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clue::objectify {

struct PromptMessage {
    std::string role; // "system", "user" or "assistant"
    std::string text;
};

class PromptTemplate {
public:
    // Lines before the first "=== role ===" line are comments. Each message's text runs to the
    // next role line, without its leading and trailing blank lines. Throws std::invalid_argument
    // for a template with no message, an unknown role or an empty message: the templates are
    // part of the build, so that is a programming error that a test catches.
    static PromptTemplate parse(std::string_view text);

    const std::vector<PromptMessage>& messages() const { return messages_; }
    // The names of every {{placeholder}}, sorted.
    std::vector<std::string> placeholders() const;

    // The messages with each {{name}} replaced by values.at(name). Values are inserted as they
    // are, never scanned for placeholders again. Throws std::out_of_range for a missing value.
    std::vector<PromptMessage> render(const std::map<std::string, std::string>& values) const;

private:
    std::vector<PromptMessage> messages_;
};

} // namespace clue::objectify
