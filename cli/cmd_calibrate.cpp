// `clue calibrate PLAN -o PLAN2`: measures the language prior M(None, c) of every predicate on
// the model server and writes the plan with the priors and the model recorded
// (docs/cli/calibrate.md). Nothing is written unless every prior was measured.
#include "cli/backend_flags.h"
#include "cli/commands.h"
#include "cli/model_connection.h"
#include "cli/output_path.h"
#include "cli/plan_input.h"
#include "cli/user_messages.h"
#include "plan/plan_loader.h"
#include "runtime/judge/calibrator.h"

#include <fmt/format.h>

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

void report(const Calibration& c, const std::string& model) {
    for (const CalibrationFailure& f : c.failures) {
        printError(std::cerr, fmt::format("cannot measure the prior of \"{}\": {}: {}", f.statement,
                                          toString(f.error.kind), f.error.message));
    }
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
    std::unique_ptr<ModelConnection> connection;
    try {
        connection = std::make_unique<ModelConnection>(
            *config, plan.prompts, options.cache.resolve(), false,
            [](const std::string& warning) { printWarning(std::cerr, warning); });
    } catch (const CacheError& e) {
        printError(std::cerr, e.what());
        return ExitUsage;
    }
    const Calibration calibration = calibratePlan(plan, connection->source(), config->model);
    report(calibration, config->model);
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
    o->cache.addOptions(*command);
    command->callback([o, &state] { state.exitCode = runCalibrate(*o); });
}

} // namespace clue::cli
