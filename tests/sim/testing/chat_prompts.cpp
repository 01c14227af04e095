// Builders for the contract's prompts.
#include "tests/sim/testing/chat_prompts.h"

#include "common/base64.h"
#include "runtime/prompt/yes_no_prompt.h"

#include <cmath>

namespace clue::sim::testing {
namespace {

using json = nlohmann::ordered_json;

std::string foldedToken(std::string token) {
    std::string out;
    for (char c : token) {
        if (c != ' ' && c != '\n' && c != '\t') {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

json userMessage(const std::string& png, const std::string& text) {
    json content = json::array();
    if (!png.empty()) {
        content.push_back(imagePart(png));
    }
    content.push_back(textPart(text));
    return {{"role", "user"}, {"content", content}};
}

} // namespace

std::string dataUrl(const std::string& png) {
    return "data:image/png;base64," + base64Encode(png);
}

json imagePart(const std::string& png) {
    return {{"type", "image_url"}, {"image_url", {{"url", dataUrl(png)}}}};
}

json textPart(const std::string& text) {
    return {{"type", "text"}, {"text", text}};
}

json yesNoRequest(const std::string& png, const std::string& statement, int topLogprobs) {
    return {{"model", "clue-sim"},
            {"messages", json::array({userMessage(png, runtime::yesNoQuestion(statement))})},
            {"max_tokens", 1},
            {"temperature", 0},
            {"logprobs", true},
            {"top_logprobs", topLogprobs}};
}

std::string reasoningQuestion(const std::string& statement) {
    const bool period = !statement.empty() && statement.back() == '.';
    return "Is the following content visible via this image? Content: " + statement +
           (period ? "" : ".") +
           " Think step by step: describe what in the image is relevant to the content, then "
           "conclude.";
}

json reasoningRequest(const std::string& png, const std::string& statement) {
    return {{"messages", json::array({userMessage(png, reasoningQuestion(statement))})},
            {"max_tokens", 512},
            {"temperature", 0}};
}

json summaryRequest(const std::string& png, const std::string& statement,
                    const std::string& reasoning) {
    const std::string ask = "Summarize your conclusion as JSON with the keys \"rating\" (\"Yes\" "
                            "or \"No\") and \"rationale\" (one sentence). Answer with the JSON "
                            "only.";
    return {{"messages", json::array({userMessage(png, reasoningQuestion(statement)),
                                      {{"role", "assistant"}, {"content", reasoning}},
                                      userMessage("", ask)})},
            {"max_tokens", 256},
            {"temperature", 0}};
}

json objectifyRequest(const std::string& instruction, const std::string& rule) {
    return {{"messages", json::array({{{"role", "user"},
                                       {"content", instruction + "\n<rule>" + rule + "</rule>"}}})},
            {"max_tokens", 1024},
            {"temperature", 0}};
}

double yesShare(const json& response) {
    double yes = 0;
    double no = 0;
    for (const json& entry : response["choices"][0]["logprobs"]["content"][0]["top_logprobs"]) {
        const std::string token = foldedToken(entry["token"].get<std::string>());
        const double p = std::exp(entry["logprob"].get<double>());
        yes += token == "yes" ? p : 0;
        no += token == "no" ? p : 0;
    }
    return yes + no > 0 ? yes / (yes + no) : 0.5;
}

} // namespace clue::sim::testing
