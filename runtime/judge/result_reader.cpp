// Field by field, with the plan at hand.
#include "runtime/judge/result_reader.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace clue::runtime {
namespace {

using nlohmann::json;

struct BadField {
    std::string message;
};

const json& member(const json& object, const char* key) {
    static const json null;
    auto it = object.find(key);
    return it == object.end() ? null : *it;
}

std::string text(const json& object, const char* key) {
    const json& v = member(object, key);
    if (!v.is_string()) {
        throw BadField{std::string("'") + key + "' must be a string"};
    }
    return v.get<std::string>();
}

int count(const json& object, const char* key) {
    const json& v = member(object, key);
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 1 << 30) {
        throw BadField{std::string("'") + key + "' must be a count"};
    }
    return v.get<int>();
}

std::optional<double> probability(const json& object, const char* key) {
    const json& v = member(object, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() <= 1)) {
        throw BadField{std::string("'scores.") + key + "' must be a number in [0, 1] or null"};
    }
    return v.get<double>();
}

std::chrono::microseconds elapsed(const json& object) {
    const json& v = member(object, "time_ms");
    if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() < 1e12)) {
        throw BadField{"'time_ms' must be a non-negative number"};
    }
    return std::chrono::microseconds(std::llround(v.get<double>() * 1000));
}

AnswerCost costOf(const json& object) {
    AnswerCost cost;
    cost.calls = count(object, "calls");
    cost.cacheHits = count(object, "cache_hits");
    const json& tokens = member(object, "tokens");
    if (!tokens.is_object()) {
        throw BadField{"'tokens' must be an object"};
    }
    cost.tokens.prompt = count(tokens, "prompt");
    cost.tokens.completion = count(tokens, "completion");
    return cost;
}

PredicateFailure failureOf(const json& error) {
    PredicateFailure failure;
    const std::string stage = text(error, "stage");
    for (JudgmentStage s : {JudgmentStage::Image, JudgmentStage::Prior, JudgmentStage::Detector,
                            JudgmentStage::Region, JudgmentStage::Reasoning}) {
        failure.stage = toString(s) == stage ? s : failure.stage;
    }
    failure.error.message = text(error, "message");
    return failure;
}

PredicateEvidence predicateOf(const json& p, const plan::Plan& plan) {
    if (!p.is_object()) {
        throw BadField{"each of 'predicates' must be an object"};
    }
    PredicateEvidence e;
    const int index = count(p, "predicate");
    if (std::size_t(index) >= plan.predicates.size() ||
        text(p, "statement") != plan.predicates[std::size_t(index)].statement) {
        throw BadField{"predicate " + std::to_string(index) +
                       " is not the plan's (were these "
                       "results made with another plan?)"};
    }
    e.predicate = uint32_t(index);
    if (const json& value = member(p, "value"); value.is_boolean()) {
        e.value = value.get<bool>();
    }
    if (const json& path = member(p, "path"); !path.is_null()) {
        e.path = path.is_string() ? parseDecisionPath(path.get<std::string>()) : std::nullopt;
        if (!e.path || !e.value || valueOf(*e.path) != *e.value) {
            throw BadField{"predicate " + std::to_string(index) + ": 'path' and 'value' disagree"};
        }
    }
    const json& scores = member(p, "scores");
    if (!scores.is_object()) {
        throw BadField{"predicate " + std::to_string(index) + ": 'scores' must be an object"};
    }
    e.scores.image = probability(scores, "image");
    e.scores.prior = probability(scores, "prior");
    if (const json& origin = member(scores, "prior_source"); origin.is_string()) {
        for (PriorOrigin o : {PriorOrigin::Plan, PriorOrigin::Asked, PriorOrigin::Shared}) {
            e.scores.priorOrigin =
                toString(o) == origin.get<std::string>() ? std::optional(o) : e.scores.priorOrigin;
        }
    }
    e.scores.masked = probability(scores, "masked");
    e.scores.crop = probability(scores, "crop");
    if (const json& error = member(p, "error"); error.is_object()) {
        e.failure = failureOf(error);
    }
    e.cost = costOf(p);
    return e;
}

void readRules(const json& line, const plan::Plan& plan, ImageResult& result) {
    const json& rules = member(line, "rules");
    if (!rules.is_object() || rules.size() != plan.rules.size()) {
        throw BadField{"'rules' must name the state of each of the plan's " +
                       std::to_string(plan.rules.size()) + " rules"};
    }
    for (const plan::Rule& rule : plan.rules) {
        const json& state = member(rules, rule.id.c_str());
        const std::string name = state.is_string() ? state.get<std::string>() : "";
        const auto parsed = parseRuleState(name);
        if (!parsed) {
            throw BadField{"rule '" + rule.id +
                           "' has no state (clear, violated, error or not_evaluated)"};
        }
        result.rules.push_back(*parsed);
    }
    const auto has = [&](RuleState s) {
        return std::find(result.rules.begin(), result.rules.end(), s) != result.rules.end();
    };
    if (has(RuleState::NotEvaluated) && !has(RuleState::Violated)) {
        throw BadField{"a rule is not_evaluated but none is violated (--decide verdict stops "
                       "only at a violated rule)"};
    }
}

void readImageError(const json& error, ImageResult& result) {
    const auto kind = parseImageErrorKind(text(error, "kind"));
    if (!kind) {
        throw BadField{"'error.kind' names no image error"};
    }
    result.imageError = ImageError{*kind, result.path, text(error, "message")};
}

// The verdict the rules and the policy give must be the one the line claims.
void checkVerdict(const json& line, ImageResult& result) {
    const std::string claimed = text(line, "verdict");
    std::optional<OnError> policy;
    if (const json& p = member(line, "on_error"); !p.is_null()) {
        policy = p.is_string() ? parseOnError(p.get<std::string>()) : std::nullopt;
        if (!policy) {
            throw BadField{"'on_error' must be null, error, unsafe or safe"};
        }
    }
    if (result.imageError) {
        result.verdict = Verdict::Error;
    } else {
        applyVerdict(result, policy.value_or(OnError::Error));
    }
    if (toString(result.verdict) != claimed) {
        throw BadField{"the verdict '" + claimed + "' is not what its rule states give ('" +
                       std::string(toString(result.verdict)) + "')"};
    }
}

} // namespace

Expected<ImageResult, std::string> resultFromJson(const json& line, const plan::Plan& plan) {
    if (!line.is_object()) {
        return std::string("not a JSON object");
    }
    try {
        ImageResult result;
        result.path = text(line, "path");
        if (const json& sha = member(line, "sha256"); sha.is_string()) {
            result.sha256 = sha.get<std::string>();
        }
        if (const json& error = member(line, "error"); error.is_object()) {
            readImageError(error, result);
        } else {
            readRules(line, plan, result);
        }
        const json& predicates = member(line, "predicates");
        if (!predicates.is_array()) {
            throw BadField{"'predicates' must be an array"};
        }
        for (const json& p : predicates) {
            result.predicates.push_back(predicateOf(p, plan));
        }
        checkVerdict(line, result);
        result.cost = costOf(line);
        result.elapsed = elapsed(line);
        return result;
    } catch (const BadField& bad) {
        return bad.message;
    } catch (const json::exception& e) {
        return std::string("malformed: ") + e.what();
    }
}

} // namespace clue::runtime
