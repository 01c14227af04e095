// A small pool of threads, each taking the next rule until none is left.
#include "compiler/objectify/objectify_engine.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace clue::objectify {

std::vector<RuleOutcome> objectifyRules(const RuleObjectifier& objectifier,
                                        const std::vector<RuleJob>& jobs, int concurrency,
                                        const ProgressCallback& progress,
                                        const std::function<void(const RuleOutcome&)>& finished) {
    std::vector<RuleOutcome> outcomes(jobs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
            outcomes[i] = objectifier.run(jobs[i], progress);
            if (finished) {
                finished(outcomes[i]);
            }
        }
    };
    size_t threads = std::min<size_t>(jobs.size(), static_cast<size_t>(std::max(1, concurrency)));
    std::vector<std::jthread> pool;
    for (size_t t = 1; t < threads; ++t) {
        pool.emplace_back(work);
    }
    work();       // this thread works too
    pool.clear(); // joins every worker before the outcomes are handed out
    return outcomes;
}

} // namespace clue::objectify
