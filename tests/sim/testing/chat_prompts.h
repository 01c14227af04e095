// Request bodies of the runtime's contract with the simulator (README, "Prompts"), and the score
// read back from a yes/no answer the way the runtime reads it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace clue::sim::testing {

std::string dataUrl(const std::string& png);
nlohmann::ordered_json imagePart(const std::string& png);
nlohmann::ordered_json textPart(const std::string& text);

// The CLUE question (clue::runtime::yesNoQuestion) after the image; without an image when
// `png` is empty (the language-prior query).
nlohmann::ordered_json yesNoRequest(const std::string& png, const std::string& statement,
                                    int topLogprobs = 20);
std::string reasoningQuestion(const std::string& statement);
nlohmann::ordered_json reasoningRequest(const std::string& png, const std::string& statement);
nlohmann::ordered_json summaryRequest(const std::string& png, const std::string& statement,
                                      const std::string& reasoning);
// An objectification prompt: `instruction` (carrying the task phrase), then the rule in tags.
nlohmann::ordered_json objectifyRequest(const std::string& instruction, const std::string& rule);

// M = P(Yes) / (P(Yes) + P(No)) from choices[0].logprobs.content[0].top_logprobs, summing the
// case and whitespace variants of Yes and No.
double yesShare(const nlohmann::ordered_json& response);

} // namespace clue::sim::testing
