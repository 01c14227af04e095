// Comparing two plans' judgments of a corpus, image by image.
#include "runtime/corpus/corpus_impact.h"

#include "common/assert.h"

#include <algorithm>

namespace clue::runtime {
namespace {

// A rule or category of either plan: its index on each side, when it has one.
struct Aligned {
    std::string id;
    std::optional<std::string> category;
    std::optional<std::size_t> oldIndex, newIndex;
};

std::vector<Aligned> alignRules(const plan::Plan& oldPlan, const plan::Plan& newPlan) {
    std::vector<Aligned> out;
    for (std::size_t i = 0; i < oldPlan.rules.size(); ++i) {
        out.push_back({oldPlan.rules[i].id, oldPlan.rules[i].category, i, std::nullopt});
    }
    for (std::size_t i = 0; i < newPlan.rules.size(); ++i) {
        const plan::Rule& rule = newPlan.rules[i];
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const Aligned& a) { return a.id == rule.id && !a.newIndex; });
        if (it == out.end()) {
            out.push_back({rule.id, rule.category, std::nullopt, i});
        } else {
            it->newIndex = i;
            it->category = rule.category; // NEW's category, when it moved
        }
    }
    return out;
}

std::vector<std::string> categoryIds(const plan::Plan& oldPlan, const plan::Plan& newPlan) {
    std::vector<std::string> ids;
    for (const plan::Plan* plan : {&oldPlan, &newPlan}) {
        for (const plan::Category& c : plan->categories) {
            if (std::find(ids.begin(), ids.end(), c.id) == ids.end()) {
                ids.push_back(c.id);
            }
        }
    }
    return ids;
}

// A rule a plan does not have never fires there.
RuleState stateOf(const ImageResult& result, std::optional<std::size_t> index) {
    return index && *index < result.rules.size() ? result.rules[*index] : RuleState::Clear;
}

// Violated when one of its rules is; else error when one is; else clear.
RuleState categoryState(const ImageResult& result, const plan::Plan& plan, const std::string& id) {
    std::vector<RuleState> states;
    for (std::size_t i = 0; i < plan.rules.size() && i < result.rules.size(); ++i) {
        if (plan.rules[i].category == id) {
            states.push_back(result.rules[i]);
        }
    }
    switch (verdictOf(states)) {
    case Verdict::Unsafe:
        return RuleState::Violated;
    case Verdict::Error:
        return RuleState::Error;
    case Verdict::Safe:
        return RuleState::Clear;
    }
    CLUE_UNREACHABLE();
}

// Counts one image's change of one rule or category.
enum class Move { None, Fired, Cleared, Undecided };
Move tally(ImpactTally& t, RuleState before, RuleState after) {
    if (before == RuleState::Error || after == RuleState::Error) {
        ++t.undecided;
        return Move::Undecided;
    }
    if (before == RuleState::Clear && after == RuleState::Violated) {
        ++t.fired;
        return Move::Fired;
    }
    if (before == RuleState::Violated && after == RuleState::Clear) {
        ++t.cleared;
        return Move::Cleared;
    }
    return Move::None;
}

// Why the pair cannot be compared; empty when it can (a missing answer is no failure here).
std::string problemOf(const ImageResult& before, const ImageResult& after) {
    for (const ImageResult* r : {&before, &after}) {
        if (r->imageError) {
            return r->imageError->message;
        }
    }
    if (before.sha256 != after.sha256) {
        return before.path.string() + ": the image is not the one OLD judged (its SHA-256 differs)";
    }
    for (const ImageResult* r : {&before, &after}) {
        if (failedOtherwise(*r)) {
            for (const PredicateEvidence& e : r->predicates) {
                if (e.failure && e.failure->error.kind != BackendErrorKind::NotCached) {
                    return e.failure->error.message;
                }
            }
        }
    }
    return {};
}

} // namespace

CorpusImpact compareResults(const plan::Plan& oldPlan, const plan::Plan& newPlan,
                            const std::vector<ImageResult>& oldResults,
                            const std::vector<ImageResult>& newResults) {
    CorpusImpact impact;
    const std::vector<Aligned> rules = alignRules(oldPlan, newPlan);
    for (const Aligned& a : rules) {
        impact.rules.push_back({a.id, a.category, 0, 0, 0});
    }
    for (const std::string& id : categoryIds(oldPlan, newPlan)) {
        impact.categories.push_back({id, std::nullopt, 0, 0, 0});
    }
    impact.images = std::min(oldResults.size(), newResults.size());
    for (std::size_t i = 0; i < impact.images; ++i) {
        const ImageResult& before = oldResults[i];
        const ImageResult& after = newResults[i];
        ImageChange change{before.path,
                           before.sha256,
                           verdictOf(before.rules),
                           verdictOf(after.rules),
                           {},
                           {},
                           problemOf(before, after)};
        if (!change.problem.empty()) {
            impact.failed.push_back(std::move(change));
            continue;
        }
        for (std::size_t r = 0; r < rules.size(); ++r) {
            Move move = tally(impact.rules[r], stateOf(before, rules[r].oldIndex),
                              stateOf(after, rules[r].newIndex));
            if (move == Move::Fired) {
                change.fired.push_back(rules[r].id);
            } else if (move == Move::Cleared) {
                change.cleared.push_back(rules[r].id);
            }
        }
        for (ImpactTally& c : impact.categories) {
            tally(c, categoryState(before, oldPlan, c.id), categoryState(after, newPlan, c.id));
        }
        impact.missing.add(before, oldPlan);
        impact.missing.add(after, newPlan);
        if (change.oldVerdict == Verdict::Error || change.newVerdict == Verdict::Error) {
            impact.undecided.push_back(std::move(change));
        } else if (change.oldVerdict == change.newVerdict) {
            ++impact.unchanged;
        } else {
            (change.newVerdict == Verdict::Unsafe ? impact.toUnsafe : impact.toSafe)
                .push_back(std::move(change));
        }
    }
    return impact;
}

} // namespace clue::runtime
