// Prompt recognition by the fixed markers of the runtime's contract.
#include "tests/sim/prompt_classifier.h"

#include "common/statement.h"

#include <string_view>

namespace clue::sim {
namespace {

constexpr std::string_view yesNoPrefix =
    "Is the following content visible via this image? Answer \"Yes\" or \"No\". Content: ";
constexpr std::string_view reasoningPrefix =
    "Is the following content visible via this image? Content: ";
constexpr std::string_view reasoningMarker = " Think step by step";
constexpr std::string_view summaryPrefix = "Summarize your conclusion as JSON";

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::string_view trimLeft(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    return s;
}

// The statement of a reasoning prompt, or nothing when `text` is not one.
std::optional<std::string> reasoningStatement(std::string_view text) {
    text = trimLeft(text);
    const std::size_t marker = text.rfind(reasoningMarker);
    if (!startsWith(text, reasoningPrefix) || marker == std::string_view::npos ||
        marker < reasoningPrefix.size()) {
        return std::nullopt;
    }
    return normalizeStatement(text.substr(reasoningPrefix.size(), marker - reasoningPrefix.size()));
}

std::optional<std::string> ruleText(std::string_view text) {
    const std::size_t open = text.find("<rule>");
    const std::size_t close = text.find("</rule>", open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(text.substr(open + 6, close - open - 6));
}

// Objectification tasks by phrase; the first phrase found wins, in this order.
std::optional<RequestKind> objectifyTask(const ChatRequest& request) {
    std::string all;
    for (const ChatMessage& message : request.messages) {
        all += message.text() + "\n";
    }
    if (all.find("Rewrite the rule") != std::string::npos) {
        return RequestKind::ObjectifyRewrite;
    }
    if (all.find("precondition") != std::string::npos) {
        return RequestKind::ObjectifyExtract;
    }
    if (all.find("objectiveness") != std::string::npos) {
        return RequestKind::ObjectifyRate;
    }
    return std::nullopt;
}

std::optional<Prompt> chainOfThought(const ChatRequest& request, std::string_view lastText) {
    if (auto statement = reasoningStatement(lastText)) {
        return Prompt{RequestKind::Reasoning, *statement, {}};
    }
    if (!startsWith(trimLeft(lastText), summaryPrefix)) {
        return std::nullopt;
    }
    for (const ChatMessage& message : request.messages) {
        if (message.role != "user") {
            continue;
        }
        if (auto statement = reasoningStatement(message.text())) {
            return Prompt{RequestKind::Summary, *statement, {}};
        }
    }
    return std::nullopt;
}

} // namespace

Prompt classifyPrompt(const ChatRequest& request) {
    const ChatMessage* last = request.lastUserMessage();
    if (last == nullptr) {
        return {};
    }
    const std::string text = last->text();
    if (auto cot = chainOfThought(request, text)) {
        return *cot;
    }
    const std::string_view trimmed = trimLeft(text);
    if (startsWith(trimmed, yesNoPrefix)) {
        const RequestKind kind = request.hasImage() ? RequestKind::YesNo : RequestKind::Prior;
        return {kind, normalizeStatement(trimmed.substr(yesNoPrefix.size())), {}};
    }
    if (auto rule = ruleText(text)) {
        if (auto task = objectifyTask(request)) {
            return {*task, {}, *rule};
        }
    }
    return {};
}

} // namespace clue::sim
