// What a lint rule sees: the file being linted, the program it belongs to (its imports
// included), the shared analyses, the file's suppressions, and run-wide facts.
#pragma once

#include "compiler/lint/catalogue.h"
#include "compiler/lint/program_analyses.h"
#include "compiler/lint/suppressions.h"
#include "compiler/lint/test_coverage.h"

namespace clue::lint {

// Facts that span every file of a lint run.
class RunFacts {
public:
    virtual ~RunFacts() = default;
    // What the tests of every program in the run showed of this rule.
    virtual RuleCoverage coverage(const ast::RuleDecl& rule) = 0;
    // Whether `rule` runs on the file (its level is not off and no ignore glob skips it).
    virtual bool runsOn(const LintRule& rule, FileId file) const = 0;
    // The file of `program` that `import`, written in `importer`, loaded.
    virtual const SourceUnit* importedUnit(const Program& program, const SourceUnit& importer,
                                           const ast::ImportDecl& import) const = 0;
};

class LintContext {
public:
    LintContext(const SourceUnit& unit, const SourceManager& sources, ProgramAnalyses& analyses,
                Suppressions& suppressions, RunFacts& run)
        : unit_(unit), sources_(sources), analyses_(analyses), suppressions_(suppressions),
          run_(run) {}

    const Program& program() const { return analyses_.program(); }
    const SourceUnit& unit() const { return unit_; }
    const ast::Module& module() const { return unit_.module; }
    FileId file() const { return unit_.file; }
    bool inFile(SourceSpan span) const { return span.file == unit_.file; }
    const SourceManager& sources() const { return sources_; }

    const ProgramIR& ir() const { return analyses_.ir(); }
    const StatementIndex& statements() const { return analyses_.statements(); }
    const UsageIndex& usage() const { return analyses_.usage(); }
    const analysis::RuleClasses& ruleClasses() const { return analyses_.ruleClasses(); }
    const std::map<size_t, UnlessEffect>& unlessEffects() const {
        return analyses_.unlessEffects();
    }
    // The `unless` effect of a rule, if it has an unless and a `when`.
    const UnlessEffect* unlessEffect(const ast::RuleDecl& rule) const;

    RuleCoverage coverage(const ast::RuleDecl& rule) const { return run_.coverage(rule); }
    bool runsHere(const LintRule& rule) const { return run_.runsOn(rule, unit_.file); }
    const SourceUnit* importedUnit(const SourceUnit& importer,
                                   const ast::ImportDecl& import) const {
        return run_.importedUnit(program(), importer, import);
    }
    const Suppressions& suppressions() const { return suppressions_; }
    const Catalogue& catalogue() const { return Catalogue::standard(); }

    // The rules of the linted file, in source order (inside categories too).
    std::vector<const ast::RuleDecl*> rules() const { return unit_.module.rules(); }

private:
    const SourceUnit& unit_;
    const SourceManager& sources_;
    ProgramAnalyses& analyses_;
    Suppressions& suppressions_;
    RunFacts& run_;
};

} // namespace clue::lint
