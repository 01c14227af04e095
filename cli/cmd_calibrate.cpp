// `clue calibrate PLAN -o PLAN2`: measures the language prior M(None, c) of every predicate on
// the model server and writes the plan with the priors and the model recorded
// (docs/cli/calibrate.md). Nothing is written unless every prior was measured.
#include "cli/backend_flags.h"
#include "cli/commands.h"
#include "cli/output_path.h"
#include "cli/plan_input.h"
#include "cli/user_messages.h"
#include "plan/plan_loader.h"
#include "runtime/judge/calibrator.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace clue::cli {
namespace {

using namespace runtime;

struct CalibrateOptions {
    std::string plan;
    std::string output;
    bool allowEmpty = false;
    BackendFlags backend;
    CacheFlags cache;
};

// Each distinct failure once, with how many statements it struck: a server that refuses every
// question is one line, not one per statement. The breaker's own error is said by reportStopped.
void reportFailures(const std::vector<CalibrationFailure>& failures) {
    std::vector<std::pair<const CalibrationFailure*, int>> distinct;
    for (const CalibrationFailure& f : failures) {
        auto same = std::find_if(distinct.begin(), distinct.end(), [&](const auto& d) {
            return d.first->error.kind == f.error.kind && d.first->error.message == f.error.message;
        });
        if (same != distinct.end()) {
            ++same->second;
        } else if (f.error.kind != BackendErrorKind::Stopped) {
            distinct.emplace_back(&f, 1);
        }
    }
    for (const auto& [f, count] : distinct) {
        const std::string others =
            count == 1 ? "" : fmt::format(" and {} other{}", count - 1, count == 2 ? "" : "s");
        printError(std::cerr, fmt::format("cannot measure the prior of \"{}\"{}: {}: {}",
                                          f->statement, others, toString(f->error.kind),
                                          f->error.message));
    }
}

void report(const Calibration& c, const std::string& model,
            const std::optional<std::filesystem::path>& cache) {
    reportFailures(c.failures);
    std::cerr << fmt::format("measured {} of {} prior{} with model {}: {} call{}, {} cache hit{}",
                             c.statements - static_cast<int>(c.failures.size()), c.statements,
                             c.statements == 1 ? "" : "s", model, c.cost.calls,
                             c.cost.calls == 1 ? "" : "s", c.cost.cacheHits,
                             c.cost.cacheHits == 1 ? "" : "s");
    if (c.approximate > 0) {
        std::cerr << fmt::format("; {} approximate (Yes or No missing from the top logprobs)",
                                 c.approximate);
    }
    std::cerr << '\n';
    if (c.fromCache > 0 && cache) {
        std::cerr << fmt::format(
            "clue: warning: {} of {} prior{} came from the score cache {}, not from the server: "
            "measured earlier for a model named {}, maybe served by another endpoint; "
            "--no-cache measures every prior again\n",
            c.fromCache, c.statements, c.statements == 1 ? "" : "s", cache->string(), model);
    }
}

int runCalibrate(const CalibrateOptions& options) {
    auto loaded = loadPlanToJudge(options.plan, options.allowEmpty, std::cerr);
    if (!loaded) {
        return ExitUsage;
    }
    plan::Plan plan = std::move(*loaded);
    auto config = resolveBackend(options.backend, std::cerr);
    if (!config || !outputWritable(options.output, std::cerr)) {
        return ExitUsage;
    }
    auto answers = openAnswerStack(*config, options.cache, false);
    if (!answers || !preflightPasses(answers->preflight())) {
        return ExitUsage;
    }
    const Calibration calibration =
        calibratePlan(plan, answers->source(plan.prompts), config->model);
    report(calibration, config->model, options.cache.resolve());
    reportStopped(answers->stopped());
    if (!calibration.failures.empty()) {
        printError(std::cerr, options.output + " not written: the plan would be partly calibrated");
        return ExitFindings;
    }
    try {
        plan::writePlanFile(calibration.plan, options.output);
    } catch (const std::exception& e) {
        printError(std::cerr, e.what());
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace

void addCalibrateCommand(CLI::App& app, RunState& state) {
    auto o = std::make_shared<CalibrateOptions>();
    CLI::App* command = app.add_subcommand(
        "calibrate", "Measure each predicate's language prior M(None, c) and record it in a plan");
    command->add_option("plan", o->plan, "The plan to calibrate")->required();
    command->add_option("-o,--output", o->output, "Where to write the calibrated plan")->required();
    command->add_flag("--allow-empty", o->allowEmpty,
                      "Calibrate a plan of no rules, which calls every image safe");
    o->backend.addOptions(*command);
    o->backend.failFast.addOptions(*command);
    o->cache.addOptions(*command);
    command->callback([o, &state] { state.exitCode = runCalibrate(*o); });
}

} // namespace clue::cli
