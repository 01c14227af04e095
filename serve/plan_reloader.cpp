// Logging and counting plan loads.
#include "serve/plan_reloader.h"

#include <fmt/format.h>

namespace clue::serve {

PlanStore::Loaded PlanReloader::fromFile(const std::filesystem::path& path,
                                         std::string_view trigger) {
    return report(plans_.loadFile(path), trigger);
}

PlanStore::Loaded PlanReloader::fromUpload(const std::string& text) {
    return report(plans_.loadText(text), "PUT /v1/plan");
}

PlanStore::Loaded PlanReloader::report(PlanStore::Loaded loaded, std::string_view trigger) {
    const bool first = first_.exchange(false);
    if (!loaded) {
        if (!first) { // a refused first plan stops the server: it is no reload
            metrics_.reloadFailed(loaded.error());
        }
        log_.error(fmt::format("plan refused ({}){}: {}", trigger,
                               first ? "" : ", the active plan stays", loaded.error()));
        return loaded;
    }
    ActivePlan& plan = *loaded.value();
    if (!first) {
        metrics_.reloadSucceeded();
    }
    metrics_.planLoaded(plan.identity(), plan.name(), plan.version());
    log_.info(fmt::format("plan {} {} loaded ({}): {} rules, {} predicates, sha256 {}",
                          plan.name().empty() ? "(unnamed)" : plan.name(), plan.version(), trigger,
                          plan.plan().rules.size(), plan.plan().predicates.size(),
                          plan.identity().sha256));
    const auto& calibrated = plan.plan().calibrationModel;
    if (calibrated && *calibrated != model_) {
        log_.warning(fmt::format("the plan's priors were measured with model {}, not {}: they "
                                 "are measured again, once per statement",
                                 *calibrated, model_));
    }
    return loaded;
}

} // namespace clue::serve
