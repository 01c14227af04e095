// Objectification answers: MT-Bench style ratings, rewrites and precondition chains.
#include "tests/sim/objectify_responder.h"

#include "common/statement.h"

#include <nlohmann/json.hpp>

namespace clue::sim {
namespace {

using nlohmann::json;

constexpr std::string_view fallbackSentence = " Judge only what is clearly visible in the image.";

std::string ratingAnswer(const std::string& explanation, int rating) {
    return explanation + "\n\nRating: [[" + std::to_string(rating) + "]]";
}

json chainJson(const std::vector<std::vector<ChainAlternative>>& chain) {
    json steps = json::array();
    for (const auto& group : chain) {
        json any = json::array();
        for (const ChainAlternative& alt : group) {
            any.push_back({{"statement", alt.statement}, {"object", alt.object}});
        }
        steps.push_back({{"any", any}});
    }
    return {{"chain", steps}};
}

// "Should not depict X." becomes the single statement "the image depicts X".
std::string fallbackStatement(const std::string& rule) {
    std::string text = normalizeStatement(rule);
    for (std::string_view prefix : {"should not depict ", "should not show ", "do not show "}) {
        if (text.rfind(prefix, 0) == 0) {
            text = text.substr(prefix.size());
            break;
        }
    }
    return "the image depicts " + text;
}

// A compound statement, which an extraction must not contain: two steps joined by "and".
json compoundChain(const ObjectifyScript* script, const std::string& rule) {
    std::string a = fallbackStatement(rule);
    std::string b = "a person is visible";
    if (script != nullptr && script->chain.size() >= 2 && !script->chain[0].empty() &&
        !script->chain[1].empty()) {
        a = script->chain[0][0].statement;
        b = script->chain[1][0].statement;
    }
    return chainJson({{{a + " and " + b, ""}}});
}

} // namespace

ObjectifyResponder::ObjectifyResponder(const World& world) : world_(world), random_(world.seed) {
    for (std::size_t i = 0; i < world.objectify.size(); ++i) {
        const ObjectifyScript& script = world.objectify[i];
        rounds_.emplace(normalizeStatement(script.rule), Round{i, 0});
        for (std::size_t k = 0; k < script.rewrites.size(); ++k) {
            rounds_.emplace(normalizeStatement(script.rewrites[k]), Round{i, k + 1});
        }
    }
}

std::string ObjectifyResponder::answer(RequestKind task, const std::string& rule) {
    auto it = rounds_.find(normalizeStatement(rule));
    const Round* round = it == rounds_.end() ? nullptr : &it->second;
    switch (task) {
    case RequestKind::ObjectifyRate:
        return rate(rule, round);
    case RequestKind::ObjectifyRewrite:
        return rewrite(rule, round);
    default:
        return extract(rule, round);
    }
}

bool ObjectifyResponder::nextIsInvalid(const Round* round, RequestKind task, int invalidCount,
                                       int* attempt) {
    if (round == nullptr || invalidCount == 0) {
        return false;
    }
    std::lock_guard lock(mutex_);
    *attempt = attempts_[{round->script, task}]++;
    return *attempt < invalidCount;
}

std::string ObjectifyResponder::rate(const std::string& rule, const Round* round) {
    const ObjectifyScript* script = round ? &world_.objectify[round->script] : nullptr;
    int attempt = 0;
    if (nextIsInvalid(round, RequestKind::ObjectifyRate, script ? script->invalidRate : 0,
                      &attempt)) {
        return ratingAnswer("The rule is about as objective as a rule can be.", 11);
    }
    if (script != nullptr && round->round < script->ratings.size()) {
        const std::string explanation = round->round < script->explanations.size()
                                            ? script->explanations[round->round]
                                            : "The rule's wording leaves this much to judgment.";
        return ratingAnswer(explanation, script->ratings[round->round]);
    }
    if (rule.find(fallbackSentence.substr(1)) != std::string::npos) {
        return ratingAnswer("The rule names only what is visible in the image.", 9);
    }
    const int rating = 5 + static_cast<int>(random_.bits({"objectiveness", rule}) % 4);
    return ratingAnswer("The rule depends partly on the viewer's judgment.", rating);
}

std::string ObjectifyResponder::rewrite(const std::string& rule, const Round* round) {
    const ObjectifyScript* script = round ? &world_.objectify[round->script] : nullptr;
    int attempt = 0;
    if (nextIsInvalid(round, RequestKind::ObjectifyRewrite, script ? script->invalidRewrite : 0,
                      &attempt)) {
        return "";
    }
    if (script != nullptr && round->round < script->rewrites.size()) {
        return script->rewrites[round->round];
    }
    std::string text = rule;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
        text.pop_back();
    }
    return text + std::string(fallbackSentence);
}

std::string ObjectifyResponder::extract(const std::string& rule, const Round* round) {
    const ObjectifyScript* script = round ? &world_.objectify[round->script] : nullptr;
    int attempt = 0;
    if (nextIsInvalid(round, RequestKind::ObjectifyExtract, script ? script->invalidExtract : 0,
                      &attempt)) {
        return (attempt % 2 == 0 ? json{{"chain", json::array()}} : compoundChain(script, rule))
            .dump();
    }
    if (script != nullptr && !script->chain.empty()) {
        return chainJson(script->chain).dump();
    }
    return chainJson({{{fallbackStatement(rule), ""}}}).dump();
}

} // namespace clue::sim
