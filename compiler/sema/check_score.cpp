// The score section: one per constitution, scores on the 0-3 scale, known severities and rules,
// and completeness: a safe verdict and every rule's violation each get a score.
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/sema/name_suggester.h"
#include "compiler/sema/sema.h"

#include <fmt/format.h>

#include <algorithm>

namespace clue {
namespace {

// The first score section of the program; every other one is reported.
const ast::ScoreDecl* findScore(const Program& program, DiagnosticEngine& diags) {
    const ast::ScoreDecl* first = nullptr;
    for (const auto& unit : program.units) {
        for (const ast::ScoreDecl* score : unit->module.scores()) {
            if (first == nullptr) {
                first = score;
                continue;
            }
            diags
                .error(code::DuplicateScore, score->keywordSpan,
                       "a constitution has one score section")
                .note("the first one is here", first->keywordSpan)
                .withHelp("write every entry in one score section; the first that holds wins");
        }
    }
    return first;
}

void checkEntry(const Program& program, const ast::ScoreEntry& entry, DiagnosticEngine& diags) {
    if (entry.score < 0) {
        diags
            .error(code::ScoreOffScale, entry.scoreSpan,
                   fmt::format("a score is 0, 1, 2 or 3, not {}", entry.rawScore))
            .withHelp("0 is a perfect answer, 3 a fully harmful one (MLLMGuard's scale)");
    }
    const std::vector<std::string>& severities = severityNames();
    if (entry.outcome == ast::OutcomeKind::Severity &&
        std::find(severities.begin(), severities.end(), entry.name) == severities.end()) {
        diags
            .error(code::UnknownSeverity, entry.nameSpan,
                   fmt::format("unknown severity '{}'", entry.name))
            .withHelp(NameSuggester(severities)
                          .help(entry.name, "use one of low, medium, high, critical"));
    } else if (entry.outcome == ast::OutcomeKind::Violates && !program.rules.count(entry.name)) {
        diags
            .error(code::ScoreUnknownRule, entry.nameSpan,
                   fmt::format("the score names an unknown rule '{}'", entry.name))
            .withHelp(NameSuggester::fromKeys(program.rules).help(entry.name));
    }
}

// Whether some entry gives a score when `rule` is violated, whatever else holds.
bool covers(const ast::ScoreDecl& score, const ast::RuleDecl& rule) {
    return std::any_of(score.entries.begin(), score.entries.end(), [&](const auto& e) {
        return e.outcome == ast::OutcomeKind::Unsafe ||
               (e.outcome == ast::OutcomeKind::Violates && e.name == rule.id) ||
               (e.outcome == ast::OutcomeKind::Severity && rule.severity &&
                e.name == rule.severity->name);
    });
}

void checkComplete(const Program& program, const ast::ScoreDecl& score, DiagnosticEngine& diags) {
    bool safe = std::any_of(score.entries.begin(), score.entries.end(),
                            [](const auto& e) { return e.outcome == ast::OutcomeKind::Safe; });
    if (!safe) {
        diags
            .error(code::ScoreIncomplete, score.keywordSpan,
                   "the score section gives no score to a safe verdict")
            .withHelp("add an entry such as '0 when safe'");
    }
    for (const auto& [id, rule] : program.rules) {
        if (!covers(score, *rule)) {
            diags
                .error(
                    code::ScoreIncomplete, score.keywordSpan,
                    fmt::format("the score section gives no score when rule '{}' is violated", id))
                .note(fmt::format("rule '{}' is declared here", id), rule->idSpan)
                .withHelp(rule->severity ? fmt::format("add an entry such as '3 when severity {}' "
                                                       "or '3 when unsafe'",
                                                       rule->severity->name)
                                         : fmt::format("add an entry such as '3 when violates "
                                                       "{}' or '3 when unsafe'",
                                                       id));
        }
    }
}

} // namespace

void checkScore(Program& program, DiagnosticEngine& diags) {
    program.score = findScore(program, diags);
    if (program.score == nullptr) {
        return;
    }
    for (const ast::ScoreEntry& entry : program.score->entries) {
        checkEntry(program, entry, diags);
    }
    checkComplete(program, *program.score, diags);
}

} // namespace clue
