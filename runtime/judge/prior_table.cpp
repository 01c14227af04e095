// Single-flight priors.
#include "runtime/judge/prior_table.h"

#include "common/assert.h"

namespace clue::runtime {

std::string_view toString(PriorOrigin origin) {
    switch (origin) {
    case PriorOrigin::Plan:
        return "plan";
    case PriorOrigin::Asked:
        return "asked";
    case PriorOrigin::Shared:
        return "shared";
    }
    CLUE_UNREACHABLE();
}

PriorTable::PriorTable(const plan::Plan& plan, const std::string& model, AnswerSource& source,
                       PlanPriors planPriors)
    : plan_(plan), source_(source), fromPlan_(plan.predicates.size(), false) {
    if (planPriors == PlanPriors::Ignore || !plan.calibrationModel ||
        *plan.calibrationModel != model) {
        return;
    }
    for (size_t i = 0; i < plan.predicates.size(); ++i) {
        const plan::Predicate& predicate = plan.predicates[i];
        if (predicate.mNone) {
            fromPlan_[i] = true;
            Entry& entry = entries_[predicate.key];
            entry.known = true;
            entry.score = *predicate.mNone;
        }
    }
}

bool PriorTable::fromPlan(uint32_t index) const {
    return fromPlan_[index];
}

void PriorTable::get(uint32_t index, Callback done) {
    const plan::Predicate& predicate = plan_.predicates[index];
    {
        std::unique_lock lock(mutex_);
        Entry& entry = entries_[predicate.key];
        if (entry.known) {
            const PriorOrigin origin = fromPlan_[index] ? PriorOrigin::Plan : PriorOrigin::Shared;
            PriorAnswer answer{entry.score, entry.approximate, origin, {}};
            lock.unlock();
            done(answer);
            return;
        }
        if (entry.pending) {
            entry.waiters.push_back(std::move(done));
            return;
        }
        entry.pending = true;
        entry.waiters.push_back(std::move(done));
    }
    ScoreQuery query;
    query.variant = QueryVariant::NoImage;
    query.statement = {predicate.statement, predicate.key};
    source_.score(
        query, [this, key = predicate.key](ScoreResult result) { finish(key, std::move(result)); });
}

void PriorTable::finish(const std::string& key, ScoreResult result) {
    std::vector<Callback> waiters;
    {
        std::lock_guard lock(mutex_);
        Entry& entry = entries_[key];
        entry.pending = false;
        if (result) {
            entry.known = true;
            entry.score = result->score;
            entry.approximate = result->approximate;
        }
        waiters.swap(entry.waiters);
    }
    // The first waiter asked the question and pays for it; the others shared it.
    for (size_t i = 0; i < waiters.size(); ++i) {
        if (!result) {
            AnswerError error = result.error();
            if (i > 0) {
                error.cost = {};
            }
            waiters[i](std::move(error));
            continue;
        }
        PriorAnswer answer{result->score, result->approximate,
                           i == 0 ? PriorOrigin::Asked : PriorOrigin::Shared,
                           i == 0 ? result->cost : AnswerCost{}};
        waiters[i](answer);
    }
}

} // namespace clue::runtime
