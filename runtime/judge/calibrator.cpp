// Concurrent prior measurement through the prior table, every prior asked again.
#include "runtime/judge/calibrator.h"

#include "runtime/judge/prior_table.h"

#include <condition_variable>
#include <map>
#include <mutex>

namespace clue::runtime {
namespace {

struct Pending {
    std::mutex mutex;
    std::condition_variable allIn;
    std::size_t outstanding = 0;
    std::map<std::string, PriorResult> answers; // by statement key
};

} // namespace

Calibration calibratePlan(const plan::Plan& plan, AnswerSource& source, const std::string& model) {
    std::map<std::string, uint32_t> distinct; // statement key -> its first predicate
    for (uint32_t i = 0; i < plan.predicates.size(); ++i) {
        distinct.emplace(plan.predicates[i].key, i);
    }
    PriorTable priors(plan, model, source, PlanPriors::Ignore);
    auto pending = std::make_shared<Pending>();
    pending->outstanding = distinct.size();
    for (const auto& [key, index] : distinct) {
        priors.get(index, [pending, key](PriorResult result) {
            std::lock_guard lock(pending->mutex);
            pending->answers.emplace(key, std::move(result));
            if (--pending->outstanding == 0) {
                pending->allIn.notify_one();
            }
        });
    }
    std::unique_lock lock(pending->mutex);
    pending->allIn.wait(lock, [&] { return pending->outstanding == 0; });

    Calibration out{plan, {}, static_cast<int>(distinct.size()), 0, 0, {}};
    for (const auto& [key, result] : pending->answers) {
        if (!result) {
            out.cost += result.error().cost;
            out.failures.push_back(
                {plan.predicates[distinct[key]].statement, result.error().error});
            continue;
        }
        out.cost += result->cost;
        out.approximate += result->approximate ? 1 : 0;
        out.fromCache += result->cost.cacheHits > 0 ? 1 : 0;
    }
    for (plan::Predicate& predicate : out.plan.predicates) {
        const PriorResult& result = pending->answers.at(predicate.key);
        predicate.mNone = result ? std::optional<double>(result->score) : std::nullopt;
    }
    out.plan.calibrationModel = model;
    return out;
}

} // namespace clue::runtime
