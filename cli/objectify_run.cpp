// One run of `clue objectify`: load the file and its lockfile, decide per rule, ask the model,
// record the outcomes, write the lockfile and, with --write, the source.
#include "cli/objectify_run.h"

#include "cli/commands.h"
#include "cli/objectify_report.h"
#include "cli/openai_objectify_model.h"
#include "cli/output_path.h"
#include "cli/user_messages.h"
#include "common/file_io.h"
#include "compiler/diag/config_diagnostics.h"
#include "compiler/objectify/locked_formula.h"
#include "compiler/objectify/lockfile_reader.h"
#include "compiler/objectify/objectify_config.h"
#include "compiler/objectify/objectify_engine.h"
#include "compiler/objectify/outcome_record.h"
#include "compiler/objectify/prompt_set.h"
#include "compiler/objectify/rule_selection.h"
#include "compiler/objectify/source_writer.h"
#include "compiler/sema/program_loader.h"
#include "runtime/config/backend_config.h"
#include "runtime/session/server_connection.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace clue::cli {
namespace {

using objectify::Disposition;
using objectify::LockEntry;
using objectify::RuleOutcome;
using objectify::SelectedRule;

class ObjectifyRun {
public:
    explicit ObjectifyRun(const ObjectifyOptions& options) : options_(options) {}
    int execute();

private:
    bool load();
    bool configure();
    bool select();
    objectify::LockRequirement requirement() const;
    bool objectifySelected();
    bool saveLockfile();
    bool writeSource();
    void summarize() const;
    int exitCode() const {
        return usageError_ ? ExitUsage : diags_.hasErrors() ? ExitFindings : ExitOk;
    }

    const ObjectifyOptions& options_;
    SourceManager sources_;
    DiagnosticEngine diags_;
    std::unique_ptr<Program> program_;
    const SourceUnit* root_ = nullptr;
    objectify::Lockfile lockfile_;
    std::string lockPath_;
    objectify::ObjectifySettings settings_;
    runtime::BackendConfig backend_;
    std::vector<SelectedRule> rules_;
    std::optional<runtime::BackendError> stopped_; // why the circuit breaker stopped the calls
    bool usageError_ = false;
};

bool ObjectifyRun::load() {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(options_.file, ec)) {
        printError(std::cerr, "'" + options_.file + "' is not a file");
        usageError_ = true;
        return false;
    }
    LoadOptions load;
    load.maxSourceBytes = options_.source.maxSourceBytes;
    program_ = loadProgram({options_.file}, sources_, diags_, load);
    if (!program_) {
        return false;
    }
    root_ = program_->units.front().get();
    lockPath_ = objectify::lockfilePath(options_.file);
    std::optional<objectify::Lockfile> lockfile =
        objectify::readLockfile(lockPath_, sources_, diags_);
    if (!lockfile) {
        return false;
    }
    lockfile_ = std::move(*lockfile);
    return true;
}

bool ObjectifyRun::configure() {
    std::vector<ConfigIssue> issues;
    ProjectConfig project = ProjectConfig::open(options_.config, issues);
    settings_ = objectify::loadObjectifySettings(project, issues);
    backend_ = runtime::loadBackendConfig(project, runtime::processEnvironment(), issues);
    reportConfigIssues(issues, project, sources_, diags_);
    if (hasErrors(issues)) {
        usageError_ = true;
        return false;
    }
    settings_.threshold = options_.threshold.value_or(settings_.threshold);
    settings_.rounds = options_.rounds.value_or(settings_.rounds);
    backend_.endpoint = options_.endpoint.empty() ? backend_.endpoint : options_.endpoint;
    backend_.model = options_.model.empty() ? backend_.model : options_.model;
    options_.failFast.applyTo(backend_);
    return true;
}

// The entries objectify keeps: made with the current prompts, and with the configured model
// when one is configured (with none, `--write` can still use what the lockfile holds).
objectify::LockRequirement ObjectifyRun::requirement() const {
    return {objectify::kPromptVersion,
            backend_.model.empty() ? std::nullopt : std::optional<std::string>(backend_.model)};
}

bool ObjectifyRun::select() {
    rules_ = objectify::selectRules(root_->module, lockfile_,
                                    {options_.rule, options_.force, requirement()});
    if (!options_.rule.empty() && rules_.empty()) {
        printError(std::cerr, options_.file + " has no rule '" + options_.rule + "'");
        usageError_ = true;
        return false;
    }
    return true;
}

bool ObjectifyRun::objectifySelected() {
    std::vector<objectify::RuleJob> jobs;
    std::vector<SelectedRule*> states;
    for (SelectedRule& state : rules_) {
        if (state.disposition == Disposition::Objectify) {
            jobs.push_back({state.rule->id, state.rule->text.value()});
            states.push_back(&state);
        }
    }
    if (jobs.empty()) {
        return true;
    }
    // The answers cost model calls: make sure they can be kept before asking.
    if (!outputWritable(lockPath_, std::cerr) ||
        (options_.write && !outputWritable(options_.file, std::cerr))) {
        usageError_ = true;
        return false;
    }
    if (auto missing = backend_.missingSetting()) {
        printError(std::cerr, "cannot objectify: " + *missing + ", or pass --model");
        usageError_ = true;
        return false;
    }
    if (auto unsafe = backend_.unsafeSetting()) {
        std::cerr << "clue: error: cannot objectify: " << *unsafe << '\n';
        usageError_ = true;
        return false;
    }
    runtime::ServerConnection server(backend_);
    if (!preflightPasses(server.preflight())) {
        usageError_ = true;
        return false;
    }
    OpenAiObjectifyModel model(server.backend());
    objectify::RuleObjectifier objectifier(model, objectify::PromptSet::current(), settings_,
                                           backend_.model);
    ObjectifyProgress progress(jobs.size(), isatty(STDERR_FILENO) != 0);
    std::vector<RuleOutcome> outcomes = objectify::objectifyRules(
        objectifier, jobs, settings_.concurrency,
        [&](const std::string& rule, const std::string& step) { progress.step(rule, step); },
        [&](const RuleOutcome&) { progress.ruleDone(); });
    progress.close();
    stopped_ = server.stopped();
    for (size_t i = 0; i < outcomes.size(); ++i) {
        // A rule the breaker stopped says so briefly; the breaker's reason is printed once.
        if (stopped_ && outcomes[i].message.find(stopped_->message) != std::string::npos) {
            outcomes[i].message = "it was stopped unasked (the reason follows)";
        }
        if (!objectify::recordOutcome(*states[i]->rule, outcomes[i], settings_.threshold,
                                      {backend_.endpoint, backend_.model}, lockfile_, diags_)) {
            usageError_ = true;
        }
        states[i]->outcome = std::move(outcomes[i]);
    }
    reportStopped(stopped_);
    return true;
}

bool ObjectifyRun::saveLockfile() {
    std::set<std::string> ids;
    for (const ast::RuleDecl* rule : root_->module.rules()) {
        ids.insert(rule->id);
    }
    lockfile_.keepOnly(ids);
    std::error_code ec;
    bool exists = std::filesystem::exists(lockPath_, ec);
    if (!exists && lockfile_.empty()) {
        return true;
    }
    std::string text = objectify::writeLockfile(
        lockfile_, std::filesystem::path(options_.file).filename().string());
    std::string error;
    if (exists && readFile(lockPath_, error) == text) {
        return true;
    }
    if (!writeFileAtomically(lockPath_, text, error)) {
        printError(std::cerr, "cannot write '" + lockPath_ + "': " + error);
        usageError_ = true;
        return false;
    }
    printLine(std::cerr, "wrote " + lockPath_);
    return true;
}

bool ObjectifyRun::writeSource() {
    std::vector<objectify::ChainWrite> writes =
        objectify::chainsToWrite(rules_, lockfile_, requirement());
    if (writes.empty()) {
        return true;
    }
    std::string error;
    std::optional<objectify::SourceWrite> written = objectify::writeChains(
        *program_, *root_, sources_.contents(root_->file), writes, options_.acceptRewrite, error);
    if (!written || !writeFileAtomically(options_.file, written->text, error)) {
        printError(std::cerr, options_.file + " is left unchanged: " + error);
        usageError_ = true;
        return false;
    }
    printLine(std::cerr,
              fmt::format("wrote {}: `when` for {} rule{}, {} new predicate{}", options_.file,
                          writes.size(), writes.size() == 1 ? "" : "s", written->declared.size(),
                          written->declared.size() == 1 ? "" : "s"));
    return true;
}

SummaryRow rowFor(const std::string& rule, const LockEntry& entry, std::string result) {
    return {rule,
            entry.rating,
            entry.finalRating(),
            static_cast<int>(entry.rewrites.size()),
            objectify::countStatements(entry.when),
            std::move(result)};
}

void ObjectifyRun::summarize() const {
    std::vector<SummaryRow> rows;
    size_t done = 0, skipped = 0, failed = 0;
    for (const SelectedRule& state : rules_) {
        const std::string& id = state.rule->id;
        if (state.disposition == Disposition::HasWhen) {
            rows.push_back({id, {}, {}, {}, {}, "skipped: has its own `when`"});
            ++skipped;
        } else if (state.disposition == Disposition::Fresh) {
            const LockEntry* entry =
                lockfile_.lookup(id, state.rule->text.value(), requirement()).entry;
            rows.push_back(rowFor(id, *entry, "skipped: fresh lock entry"));
            ++skipped;
        } else if (state.outcome && state.outcome->entry) {
            bool under = state.outcome->entry->finalRating() < settings_.threshold;
            std::string result = under ? "objectified, under the threshold" : "objectified";
            rows.push_back(rowFor(id, *state.outcome->entry,
                                  state.textChanged ? result + ": the rule text changed" : result));
            ++done;
        } else if (state.outcome) {
            bool invalid = state.outcome->failure == objectify::FailureKind::InvalidAnswers;
            rows.push_back(
                {id, {}, {}, {}, {}, invalid ? "failed: unusable answers" : "failed: model error"});
            ++failed;
        }
    }
    printSummary(std::cout, rows);
    std::cerr << fmt::format("objectify: {} objectified, {} skipped, {} failed\n", done, skipped,
                             failed);
}

int ObjectifyRun::execute() {
    bool ready = load() && configure() && select();
    if (ready && objectifySelected() && saveLockfile() && options_.write) {
        writeSource();
    }
    options_.output.print(diags_, sources_);
    if (ready) {
        summarize();
    }
    return exitCode();
}

} // namespace

int runObjectify(const ObjectifyOptions& options) {
    return ObjectifyRun(options).execute();
}

} // namespace clue::cli
