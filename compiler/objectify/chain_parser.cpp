// Parsing and validation of extraction answers: the JSON chain and each of its statements.
#include "common/json_in_text.h"
#include "common/json_input.h"
#include "common/utf8.h"
#include "compiler/objectify/answer_parser.h"
#include "compiler/objectify/answer_text.h"
#include "compiler/objectify/statement_checks.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clue::objectify {
namespace {

using nlohmann::json;

// The JSON object in the answer (jsonObjectsIn: the whole answer, a fenced block, or an object
// with prose around it): the first that has a "chain", else the first that reads at all. Nothing,
// with `problem` set, when there is none or one is not strict JSON (a key twice included).
std::optional<json> findJson(std::string_view answer, std::string& problem) {
    const std::vector<std::string_view> candidates = jsonObjectsIn(answer);
    std::optional<json> first;
    for (std::string_view candidate : candidates) {
        std::optional<json> object;
        try {
            object = parseJsonObject(candidate);
        } catch (const JsonInputError& e) {
            problem = std::string("it is not a JSON object (") + e.what() + ")";
            return std::nullopt;
        }
        if (object && object->contains("chain")) {
            return object;
        }
        if (object && !first) {
            first = std::move(object);
        }
    }
    if (!first) {
        problem = "it is not a JSON object";
        std::string why;
        if (!candidates.empty() && !tryParseJsonInput(candidates.front(), &why)) {
            problem += " (" + why + ")";
        }
    }
    return first;
}

// The statement without white space runs and final punctuation.
std::string cleanStatement(std::string_view text) {
    std::string s = collapseSpace(text);
    while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',')) {
        s.pop_back();
    }
    return s;
}

std::optional<std::string> statementProblem(const std::string& s, const AnswerLimits& limits) {
    if (s.empty()) {
        return "is empty";
    }
    if (auto problem = textProblem(s)) {
        return *problem;
    }
    if (size_t length = countCodePoints(s); length > limits.maxStatementLength) {
        return fmt::format("has {} characters, over the limit of {}", length,
                           limits.maxStatementLength);
    }
    if (auto joiner = compoundJoiner(s)) {
        return fmt::format("joins two facts with \"{}\"; split them into separate steps or "
                           "alternatives",
                           *joiner);
    }
    if (auto cue = negationCue(s)) {
        return fmt::format("is negative (\"{}\"); state what is visible instead", *cue);
    }
    return std::nullopt;
}

Checked<ChainStatement> readAlternative(const json& item, const AnswerLimits& limits) {
    if (!item.is_object() || !item.contains("statement") || !item["statement"].is_string()) {
        return Checked<ChainStatement>::fail("is not an object with a \"statement\" string");
    }
    ChainStatement statement{cleanStatement(item["statement"].get<std::string>()), {}};
    if (auto problem = statementProblem(statement.statement, limits)) {
        return Checked<ChainStatement>::fail(
            fmt::format("\"{}\" {}", statement.statement, *problem));
    }
    if (item.contains("object")) {
        if (!item["object"].is_string()) {
            return Checked<ChainStatement>::fail("has an \"object\" that is not a string");
        }
        statement.object = collapseSpace(item["object"].get<std::string>());
        if (textProblem(statement.object) ||
            countCodePoints(statement.object) > limits.maxObjectLength) {
            return Checked<ChainStatement>::fail(fmt::format(
                "has an object that is not a short word or two: \"{}\"", statement.object));
        }
    }
    return {statement, {}};
}

Checked<ChainStep> readStep(const json& step, const AnswerLimits& limits) {
    if (!step.is_object() || !step.contains("any") || !step["any"].is_array()) {
        return Checked<ChainStep>::fail("is not an object with an \"any\" array");
    }
    if (step["any"].empty()) {
        return Checked<ChainStep>::fail("is empty: it has no alternative");
    }
    ChainStep alternatives;
    for (size_t i = 0; i < step["any"].size(); ++i) {
        Checked<ChainStatement> alternative = readAlternative(step["any"][i], limits);
        if (!alternative.value) {
            return Checked<ChainStep>::fail(
                fmt::format("alternative {}: {}", i + 1, alternative.problem));
        }
        alternatives.push_back(std::move(*alternative.value));
    }
    return {alternatives, {}};
}

} // namespace

Checked<Chain> parseChain(std::string_view answer, const AnswerLimits& limits) {
    if (auto problem = textProblem(answer)) {
        return Checked<Chain>::fail("the answer is unusable: " + *problem);
    }
    std::string problem;
    std::optional<json> parsed = findJson(answer, problem);
    if (!parsed) {
        return Checked<Chain>::fail(problem);
    }
    if (!parsed->is_object() || !parsed->contains("chain") || !(*parsed)["chain"].is_array()) {
        return Checked<Chain>::fail("the JSON has no \"chain\" array");
    }
    const json& steps = (*parsed)["chain"];
    if (steps.empty()) {
        return Checked<Chain>::fail("the chain is empty: it has no step");
    }
    Chain chain;
    for (size_t i = 0; i < steps.size(); ++i) {
        Checked<ChainStep> step = readStep(steps[i], limits);
        if (!step.value) {
            return Checked<Chain>::fail(fmt::format("step {} {}", i + 1, step.problem));
        }
        chain.steps.push_back(std::move(*step.value));
    }
    return {chain, {}};
}

} // namespace clue::objectify
