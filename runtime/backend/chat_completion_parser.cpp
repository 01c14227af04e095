// Tolerant, typed parsing of chat-completion bodies: every way a body can be wrong is a
// BackendError with a message that says what was expected.
#include "runtime/backend/chat_completion_parser.h"

#include "common/json_input.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace clue::runtime {
namespace {

using nlohmann::json;

BackendError malformed(std::string what) {
    return {BackendErrorKind::MalformedResponse,
            "the server's answer is not a usable chat completion: " + std::move(what)};
}

std::optional<std::string> describeError(const json& doc) {
    if (!doc.is_object()) {
        return std::nullopt;
    }
    const json* error = nullptr;
    if (auto it = doc.find("error"); it != doc.end() && !it->is_null()) {
        error = &*it;
    } else if (auto object = doc.find("object");
               object != doc.end() && object->is_string() && *object == "error") {
        error = &doc; // vLLM before 0.6: the error fields at the top level
    } else {
        return std::nullopt;
    }
    if (error->is_string()) {
        return error->get<std::string>();
    }
    if (!error->is_object()) {
        return error->dump();
    }
    std::string text = error->contains("message") && (*error)["message"].is_string()
                           ? (*error)["message"].get<std::string>()
                           : error->dump();
    std::string detail;
    for (const char* key : {"type", "code"}) {
        if (auto it = error->find(key); it != error->end() && !it->is_null()) {
            detail += (detail.empty() ? "" : ", ") +
                      (it->is_string() ? it->get<std::string>() : it->dump());
        }
    }
    return detail.empty() ? text : text + " (" + detail + ")";
}

std::optional<std::string> tokenText(const json& entry) {
    const auto token = entry.find("token");
    if (token == entry.end() || !token->is_string()) {
        return std::nullopt;
    }
    std::string text = token->get<std::string>();
    const auto bytes = entry.find("bytes");
    if (text.empty() && bytes != entry.end() && bytes->is_array()) {
        for (const auto& byte : *bytes) {
            if (!byte.is_number_integer() || byte.get<int>() < 0 || byte.get<int>() > 255) {
                return std::nullopt;
            }
            text += static_cast<char>(byte.get<int>());
        }
    }
    return text;
}

// {token, logprob} or llama.cpp's post-sampling {token, prob}.
Expected<TokenLogprob, BackendError> readEntry(const json& entry, const std::string& where) {
    if (!entry.is_object()) {
        return malformed(where + " is not an object");
    }
    auto text = tokenText(entry);
    if (!text) {
        return malformed(where + " has no string `token`");
    }
    constexpr double minusInfinity = -std::numeric_limits<double>::infinity();
    if (auto it = entry.find("logprob"); it != entry.end()) {
        if (it->is_null()) {
            return TokenLogprob{std::move(*text), minusInfinity};
        }
        if (it->is_number() && it->get<double>() <= 1e-6) {
            return TokenLogprob{std::move(*text), std::min(0.0, it->get<double>())};
        }
        return malformed(where + ".logprob is not a number <= 0");
    }
    if (auto it = entry.find("prob"); it != entry.end() && it->is_number()) {
        const double p = it->get<double>();
        if (p >= 0 && p <= 1) {
            return TokenLogprob{std::move(*text), p > 0 ? std::log(p) : minusInfinity};
        }
    }
    return malformed(where + " has no `logprob`");
}

Expected<FirstTokenLogprobs, BackendError> readContentShape(const json& first) {
    FirstTokenLogprobs out;
    auto chosen = readEntry(first, "logprobs.content[0]");
    if (!chosen) {
        return chosen.error();
    }
    out.chosen = std::move(chosen.value());
    const char* listName = first.contains("top_logprobs") ? "top_logprobs" : "top_probs";
    const auto list = first.find(listName);
    if (list == first.end() || list->is_null()) {
        return out;
    }
    if (!list->is_array()) {
        return malformed(std::string("logprobs.content[0].") + listName + " is not an array");
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto entry = readEntry((*list)[i], std::string("logprobs.content[0].") + listName + "[" +
                                               std::to_string(i) + "]");
        if (!entry) {
            return entry.error();
        }
        out.top.push_back(std::move(entry.value()));
    }
    return out;
}

Expected<FirstTokenLogprobs, BackendError> readLegacyShape(const json& logprobs) {
    FirstTokenLogprobs out;
    const json& tops = logprobs["top_logprobs"];
    if (!tops.empty() && tops[0].is_object()) {
        for (const auto& [token, value] : tops[0].items()) {
            if (!value.is_number()) {
                return malformed("logprobs.top_logprobs[0] maps a token to a non-number");
            }
            out.top.push_back({token, std::min(0.0, value.get<double>())});
        }
    }
    const json& tokens = logprobs.value("tokens", json::array());
    const json& values = logprobs.value("token_logprobs", json::array());
    if (!tokens.empty() && tokens[0].is_string() && !values.empty() && values[0].is_number()) {
        out.chosen = TokenLogprob{tokens[0].get<std::string>(), values[0].get<double>()};
    }
    return out;
}

// Nothing when the choice carries no logprobs for a first token.
Expected<std::optional<FirstTokenLogprobs>, BackendError> readLogprobs(const json& choice) {
    const auto logprobs = choice.find("logprobs");
    if (logprobs == choice.end() || logprobs->is_null()) {
        return std::optional<FirstTokenLogprobs>();
    }
    if (!logprobs->is_object()) {
        return malformed("choices[0].logprobs is not an object");
    }
    if (auto content = logprobs->find("content");
        content != logprobs->end() && content->is_array()) {
        if (content->empty()) {
            return std::optional<FirstTokenLogprobs>();
        }
        auto first = readContentShape((*content)[0]);
        if (!first) {
            return first.error();
        }
        return std::optional<FirstTokenLogprobs>(std::move(first.value()));
    }
    if (auto tops = logprobs->find("top_logprobs");
        tops != logprobs->end() && tops->is_array() && !tops->empty()) {
        auto legacy = readLegacyShape(*logprobs);
        if (!legacy) {
            return legacy.error();
        }
        return std::optional<FirstTokenLogprobs>(std::move(legacy.value()));
    }
    return std::optional<FirstTokenLogprobs>();
}

TokenUsage readUsage(const json& doc) {
    TokenUsage usage;
    const auto it = doc.find("usage");
    if (it == doc.end() || !it->is_object()) {
        return usage;
    }
    auto count = [&](const char* key) {
        const auto value = it->find(key);
        return value != it->end() && value->is_number_integer() ? value->get<int>() : 0;
    };
    usage.prompt = count("prompt_tokens");
    usage.completion = count("completion_tokens");
    return usage;
}

Expected<json, BackendError> parseJson(std::string_view body) {
    try {
        return parseJsonInput(body);
    } catch (const JsonInputError& e) {
        if (e.endedEarly()) {
            return malformed("the JSON ends early (" + std::to_string(body.size()) +
                             " bytes; truncated?)");
        }
        return malformed(e.byte() > 0 ? "invalid JSON at byte " + std::to_string(e.byte())
                                      : std::string(e.what()));
    }
}

} // namespace

Expected<ParsedCompletion, BackendError> parseChatCompletion(std::string_view body) {
    auto parsed = parseJson(body);
    if (!parsed) {
        return parsed.error();
    }
    const json& doc = parsed.value();
    if (auto error = describeError(doc)) {
        return BackendError{BackendErrorKind::ServerError,
                            "the server reported an error: " + *error};
    }
    if (!doc.is_object()) {
        return malformed("the body is not a JSON object");
    }
    const auto choices = doc.find("choices");
    if (choices == doc.end() || !choices->is_array()) {
        return malformed("it has no `choices` array");
    }
    if (choices->empty()) {
        return BackendError{BackendErrorKind::NoChoices, "the server returned no choices"};
    }
    const json& choice = (*choices)[0];
    if (!choice.is_object()) {
        return malformed("choices[0] is not an object");
    }
    ParsedCompletion out;
    const auto message = choice.find("message");
    if (message != choice.end() && message->is_object()) {
        const auto content = message->find("content");
        if (content != message->end() && content->is_string()) {
            out.content = content->get<std::string>();
        }
    } else if (choice.contains("text") && choice["text"].is_string()) {
        out.content = choice["text"].get<std::string>(); // a text-completion body
    } else {
        return malformed("choices[0] has no `message`");
    }
    if (auto reason = choice.find("finish_reason"); reason != choice.end() && reason->is_string()) {
        out.finishReason = reason->get<std::string>();
    }
    out.usage = readUsage(doc);
    auto logprobs = readLogprobs(choice);
    if (!logprobs) {
        return logprobs.error();
    }
    out.firstToken = std::move(logprobs.value());
    return out;
}

std::optional<std::string> describeErrorBody(std::string_view body) {
    const auto doc = tryParseJsonInput(body);
    return doc ? describeError(*doc) : std::nullopt;
}

} // namespace clue::runtime
