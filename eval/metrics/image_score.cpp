// Degrees of truth and interval evaluation of the plan's formulas.
#include "eval/metrics/image_score.h"

#include "common/assert.h"

#include <algorithm>

namespace clue::eval {
namespace {

using runtime::DecisionPath;

constexpr double kMargin = 1e-6; // keeps a degree strictly on its side of 0.5

struct Bounds {
    double lo = 0;
    double hi = 1;
};

double unit(double x) {
    return std::clamp(x, 0.0, 1.0);
}

// The debiased evidence in [-1, 1]: (s - p) over the room above the prior, or below it.
double debiasedEvidence(double score, double prior) {
    if (score >= prior) {
        return prior < 1 ? (score - prior) / (1 - prior) : 0;
    }
    return prior > 0 ? (score - prior) / prior : 0;
}

// Decided by the debiased rule (on the image or the crop): above 0.75 when true, below 0.25 when
// false; in between, the undecided band placed by `yes`.
double debiasedDegree(double e, bool value, bool decided, const plan::Thresholds& t) {
    const double satisfied = t.satisfied;
    const double notSatisfied = -t.notSatisfied;
    if (decided && value) {
        return 0.75 + 0.25 * unit((e - satisfied) / (1 - satisfied));
    }
    if (decided) {
        return 0.25 - 0.25 * unit((-e - notSatisfied) / (1 - notSatisfied));
    }
    const double x = unit((e + notSatisfied) / (satisfied + notSatisfied));
    return (value ? 0.5 : 0.25) + 0.25 * x;
}

double rawDegree(const runtime::PredicateEvidence& ev, const plan::Thresholds& t) {
    const auto& s = ev.scores;
    const bool value = *ev.value;
    if (!ev.path || !s.image) {
        return value ? 0.75 : 0.25;
    }
    const double prior = s.prior.value_or(0.5);
    switch (*ev.path) {
    case DecisionPath::PlainTrue:
    case DecisionPath::PlainFalse:
        return *s.image;
    case DecisionPath::DebiasedTrue:
    case DecisionPath::DebiasedFalse:
        return debiasedDegree(debiasedEvidence(*s.image, prior), value, true, t);
    case DecisionPath::CropTrue:
    case DecisionPath::CropFalse:
        return debiasedDegree(debiasedEvidence(s.crop.value_or(*s.image), prior), value, true, t);
    case DecisionPath::RegionTrue:
        return 0.75 + 0.25 * unit((*s.image - s.masked.value_or(0) - t.region) / (1 - t.region));
    case DecisionPath::ReasoningYes:
    case DecisionPath::ReasoningNo:
    case DecisionPath::UndecidedTrue:
    case DecisionPath::UndecidedFalse:
        return debiasedDegree(debiasedEvidence(*s.image, prior), value, false, t);
    }
    CLUE_UNREACHABLE();
}

Bounds evaluate(const plan::Plan& plan, const std::vector<Bounds>& predicates, uint32_t node,
                std::vector<std::optional<Bounds>>& memo) {
    if (memo[node]) {
        return *memo[node];
    }
    const plan::Node& n = plan.nodes[node];
    Bounds b;
    switch (n.op) {
    case plan::NodeOp::Const:
        b = n.value ? Bounds{1, 1} : Bounds{0, 0};
        break;
    case plan::NodeOp::Predicate:
        b = predicates[n.predicate];
        break;
    case plan::NodeOp::Not: {
        const Bounds c = evaluate(plan, predicates, n.children.front(), memo);
        b = {1 - c.hi, 1 - c.lo};
        break;
    }
    case plan::NodeOp::And:
    case plan::NodeOp::Or: {
        const bool isAnd = n.op == plan::NodeOp::And;
        b = isAnd ? Bounds{1, 1} : Bounds{0, 0};
        for (uint32_t child : n.children) {
            const Bounds c = evaluate(plan, predicates, child, memo);
            b.lo = isAnd ? std::min(b.lo, c.lo) : std::max(b.lo, c.lo);
            b.hi = isAnd ? std::min(b.hi, c.hi) : std::max(b.hi, c.hi);
        }
        break;
    }
    }
    memo[node] = b;
    return b;
}

} // namespace

std::optional<double> predicateDegree(const runtime::PredicateEvidence& evidence,
                                      const plan::Thresholds& thresholds) {
    if (!evidence.value) {
        return std::nullopt;
    }
    const double degree = unit(rawDegree(evidence, thresholds));
    return *evidence.value ? std::max(degree, 0.5 + kMargin) : std::min(degree, 0.5 - kMargin);
}

std::optional<double> imageScore(const runtime::ImageResult& result, const plan::Plan& plan) {
    if (result.rules.size() != plan.rules.size() ||
        runtime::verdictOf(result.rules) == runtime::Verdict::Error) {
        return std::nullopt;
    }
    std::vector<Bounds> predicates(plan.predicates.size());
    for (const runtime::PredicateEvidence& ev : result.predicates) {
        if (ev.predicate < predicates.size()) {
            if (auto degree = predicateDegree(ev, plan.thresholds)) {
                predicates[ev.predicate] = {*degree, *degree};
            }
        }
    }
    std::vector<std::optional<Bounds>> memo(plan.nodes.size());
    double score = 0;
    for (std::size_t r = 0; r < plan.rules.size(); ++r) {
        const Bounds b = evaluate(plan, predicates, plan.rules[r].root, memo);
        if (result.rules[r] == runtime::RuleState::Violated) {
            score = std::max(score, b.lo);
        } else if (result.rules[r] == runtime::RuleState::Clear) {
            score = std::max(score, b.hi);
        }
    }
    return score;
}

} // namespace clue::eval
