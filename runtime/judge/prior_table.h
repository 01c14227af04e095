// The language priors M(None, c) of one run: from the plan's calibration when it was measured
// with the model in use, else measured once per statement and shared by every image. Concurrent
// images that need an unmeasured prior wait for one question (single flight) instead of each
// asking it.
#pragma once

#include "plan/plan.h"
#include "runtime/judge/answer_source.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace clue::runtime {

// Where a prior came from: the plan, a question this caller asked (cost.calls or cacheHits > 0),
// or a question another caller asked (zero cost).
enum class PriorOrigin { Plan, Asked, Shared };

std::string_view toString(PriorOrigin origin); // "plan", "asked", "shared"

struct PriorAnswer {
    double score = 0;
    bool approximate = false;
    PriorOrigin origin = PriorOrigin::Plan;
    AnswerCost cost; // what this caller paid
};

using PriorResult = Expected<PriorAnswer, AnswerError>;

// Whether a table starts from the plan's measured priors: a judge does when they were measured
// with its model; a calibration measures every prior again.
enum class PlanPriors { UseIfSameModel, Ignore };

// The one way to measure M(None, c): a one-token question without an image, per statement.
class PriorTable {
public:
    using Callback = std::function<void(PriorResult)>;

    // Takes the plan's m_none values when plan.calibrationModel equals `model` (and `planPriors`
    // says so). `source` must outlive the table and every call in flight.
    PriorTable(const plan::Plan& plan, const std::string& model, AnswerSource& source,
               PlanPriors planPriors = PlanPriors::UseIfSameModel);

    // The prior of predicate `index`. A failed measurement is given to every caller waiting for
    // it and is not kept: a later call asks again.
    void get(uint32_t index, Callback done);

    // Predicates whose prior came from the plan (for reports).
    bool fromPlan(uint32_t index) const;

private:
    struct Entry {
        bool known = false;
        bool pending = false;
        double score = 0;
        bool approximate = false;
        std::vector<Callback> waiters;
    };

    void finish(const std::string& key, ScoreResult result);

    const plan::Plan& plan_;
    AnswerSource& source_;
    std::vector<bool> fromPlan_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_; // by statement key: -O0 copies of a statement share
};

} // namespace clue::runtime
