// Parsing and rendering of prompt template files.
#include "compiler/objectify/prompt_template.h"

#include <set>
#include <stdexcept>

namespace clue::objectify {
namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";

// "=== user ===" gives "user"; any other line gives "".
std::string roleOf(std::string_view line) {
    if (line.size() < 8 || line.substr(0, 4) != "=== " || line.substr(line.size() - 4) != " ===") {
        return {};
    }
    return std::string(line.substr(4, line.size() - 8));
}

std::string withoutBlankEdges(const std::vector<std::string_view>& lines) {
    size_t first = 0, last = lines.size();
    while (first < last && lines[first].find_first_not_of(" \t") == std::string_view::npos) {
        ++first;
    }
    while (last > first && lines[last - 1].find_first_not_of(" \t") == std::string_view::npos) {
        --last;
    }
    std::string text;
    for (size_t i = first; i < last; ++i) {
        text.append(lines[i]).append(i + 1 < last ? "\n" : "");
    }
    return text;
}

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return lines;
}

} // namespace

PromptTemplate PromptTemplate::parse(std::string_view text) {
    PromptTemplate result;
    std::vector<std::string_view> body;
    std::string role;
    auto flush = [&] {
        if (!role.empty()) {
            std::string message = withoutBlankEdges(body);
            if (message.empty()) {
                throw std::invalid_argument("prompt template: an empty " + role + " message");
            }
            result.messages_.push_back({role, std::move(message)});
        }
        body.clear();
    };
    for (std::string_view line : splitLines(text)) {
        std::string next = roleOf(line);
        if (next.empty()) {
            body.push_back(line);
            continue;
        }
        if (next != "system" && next != "user" && next != "assistant") {
            throw std::invalid_argument("prompt template: unknown role '" + next + "'");
        }
        flush();
        role = next;
    }
    flush();
    if (result.messages_.empty()) {
        throw std::invalid_argument("prompt template: no message");
    }
    return result;
}

std::vector<std::string> PromptTemplate::placeholders() const {
    std::set<std::string> names;
    for (const PromptMessage& message : messages_) {
        size_t at = 0;
        while ((at = message.text.find(kOpen, at)) != std::string::npos) {
            size_t end = message.text.find(kClose, at);
            if (end == std::string::npos) {
                break;
            }
            names.insert(message.text.substr(at + 2, end - at - 2));
            at = end + 2;
        }
    }
    return {names.begin(), names.end()};
}

std::vector<PromptMessage>
PromptTemplate::render(const std::map<std::string, std::string>& values) const {
    std::vector<PromptMessage> rendered;
    for (const PromptMessage& message : messages_) {
        std::string text;
        size_t at = 0;
        for (size_t open; (open = message.text.find(kOpen, at)) != std::string::npos;) {
            size_t close = message.text.find(kClose, open);
            if (close == std::string::npos) {
                break;
            }
            text.append(message.text, at, open - at);
            text += values.at(message.text.substr(open + 2, close - open - 2));
            at = close + 2;
        }
        text.append(message.text, at);
        rendered.push_back({message.role, std::move(text)});
    }
    return rendered;
}

} // namespace clue::objectify
