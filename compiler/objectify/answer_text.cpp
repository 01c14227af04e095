// Text clean-up shared by the answer parsers.
#include "compiler/objectify/answer_text.h"

#include "common/utf8.h"

#include <algorithm>
#include <cctype>

namespace clue::objectify {

std::string_view trimSpace(std::string_view s) {
    size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string collapseSpace(std::string_view s) {
    std::string out;
    for (char c : trimSpace(s)) {
        bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (!space) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    return out;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

std::string_view unfenced(std::string_view answer) {
    answer = trimSpace(answer);
    if (answer.substr(0, 3) != "```") {
        return answer;
    }
    size_t firstLine = answer.find('\n');
    if (firstLine == std::string_view::npos) {
        return {};
    }
    answer.remove_prefix(firstLine + 1);
    size_t close = answer.rfind("```");
    return trimSpace(close == std::string_view::npos ? answer : answer.substr(0, close));
}

std::optional<std::string> textProblem(std::string_view text) {
    if (findInvalidUtf8(text)) {
        return "it is not valid UTF-8";
    }
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            return "it contains a control character";
        }
    }
    return std::nullopt;
}

} // namespace clue::objectify
