// Image results as JSON, fields in a fixed order.
#include "runtime/judge/result_json.h"

#include "common/escaped_text.h"

#include <cmath>

namespace clue::runtime {
namespace {

using Json = nlohmann::ordered_json;

Json optionalNumber(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

double milliseconds(std::chrono::microseconds elapsed) {
    return std::round(static_cast<double>(elapsed.count())) / 1000.0;
}

Json tokensJson(const TokenUsage& tokens) {
    return {{"prompt", tokens.prompt}, {"completion", tokens.completion}};
}

Json scoresJson(const ScoreEvidence& scores) {
    Json out;
    out["image"] = optionalNumber(scores.image);
    out["prior"] = optionalNumber(scores.prior);
    out["prior_source"] = scores.priorOrigin ? Json(toString(*scores.priorOrigin)) : Json(nullptr);
    out["masked"] = optionalNumber(scores.masked);
    out["crop"] = optionalNumber(scores.crop);
    out["approximate"] = scores.approximate;
    return out;
}

Json regionJson(const RegionEvidence& region) {
    const Box& box = region.detection.box;
    return {{"edit", toString(region.edit)},
            {"box", {{"x", box.x}, {"y", box.y}, {"width", box.width}, {"height", box.height}}},
            {"confidence", region.detection.confidence}};
}

Json failureJson(const PredicateFailure& failure) {
    return {{"stage", toString(failure.stage)},
            {"kind", toString(failure.error.kind)},
            {"message", escapeInvalidUtf8(failure.error.message)},
            {"attempts", failure.error.attempts}};
}

Json predicateJson(const PredicateEvidence& evidence, const plan::Plan& plan) {
    Json out;
    out["predicate"] = evidence.predicate;
    out["statement"] = plan.predicates[evidence.predicate].statement;
    out["round"] = evidence.round;
    out["wave"] = evidence.wave;
    out["value"] = evidence.value ? Json(*evidence.value) : Json(nullptr);
    out["path"] = evidence.path ? Json(toString(*evidence.path)) : Json(nullptr);
    out["scores"] = scoresJson(evidence.scores);
    out["region"] = evidence.region ? regionJson(*evidence.region) : Json(nullptr);
    out["rationale"] = evidence.rationale ? Json(*evidence.rationale) : Json(nullptr);
    out["error"] = evidence.failure ? failureJson(*evidence.failure) : Json(nullptr);
    out["calls"] = evidence.cost.calls;
    out["cache_hits"] = evidence.cost.cacheHits;
    out["tokens"] = tokensJson(evidence.cost.tokens);
    out["time_ms"] = milliseconds(evidence.elapsed);
    return out;
}

} // namespace

Json resultJson(const ImageResult& result, const plan::Plan& plan) {
    Json out;
    // A file name may hold any bytes; JSON holds UTF-8 text (docs/cli/judge.md, "path").
    out["path"] = escapeFileName(result.path.string());
    out["sha256"] = result.sha256.empty() ? Json(nullptr) : Json(result.sha256);
    out["verdict"] = toString(result.verdict);
    out["on_error"] = result.policyApplied ? Json(toString(*result.policyApplied)) : Json(nullptr);
    Json violated = Json::array();
    Json rules = Json::object();
    for (size_t i = 0; i < result.rules.size(); ++i) {
        if (result.rules[i] == RuleState::Violated) {
            violated.push_back(plan.rules[i].id);
        }
        rules[plan.rules[i].id] = toString(result.rules[i]);
    }
    out["violated"] = std::move(violated);
    out["rules"] = std::move(rules);
    out["error"] = result.imageError
                       ? Json({{"kind", toString(result.imageError->kind)},
                               {"message", escapeInvalidUtf8(result.imageError->message)}})
                       : Json(nullptr);
    Json predicates = Json::array();
    for (const PredicateEvidence& evidence : result.predicates) {
        predicates.push_back(predicateJson(evidence, plan));
    }
    out["predicates"] = std::move(predicates);
    out["rounds"] = result.rounds;
    out["calls"] = result.cost.calls;
    out["cache_hits"] = result.cost.cacheHits;
    out["tokens"] = tokensJson(result.cost.tokens);
    out["time_ms"] = milliseconds(result.elapsed);
    return out;
}

} // namespace clue::runtime
