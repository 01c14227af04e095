// Lock entries and objectify's diagnostics per rule.
#include "compiler/objectify/outcome_record.h"

#include "compiler/diag/diagnostic_codes.h"

#include <fmt/format.h>

namespace clue::objectify {
namespace {

void warnUnderThreshold(const ast::RuleDecl& rule, const LockEntry& entry, int threshold,
                        DiagnosticEngine& diags) {
    diags
        .warning(code::ObjectifyUnderThreshold, rule.idSpan,
                 fmt::format("rule '{}' still rates {} after {} rewrite round{}, under the "
                             "threshold {}",
                             rule.id, entry.finalRating(), entry.rewrites.size(),
                             entry.rewrites.size() == 1 ? "" : "s", threshold))
        .note("its chain was extracted from its best-rated text")
        .withHelp("make the rule more objective by hand, or allow more rounds with --rounds");
}

} // namespace

bool recordOutcome(const ast::RuleDecl& rule, const RuleOutcome& outcome, int threshold,
                   const AskedModel& asked, Lockfile& lockfile, DiagnosticEngine& diags) {
    if (outcome.entry) {
        if (outcome.entry->finalRating() < threshold) {
            warnUnderThreshold(rule, *outcome.entry, threshold, diags);
        }
        lockfile.put(*outcome.entry);
        return true;
    }
    if (outcome.failure == FailureKind::InvalidAnswers) {
        std::string last = outcome.lastAnswer.size() > 300
                               ? outcome.lastAnswer.substr(0, 300) + "..."
                               : outcome.lastAnswer;
        diags
            .error(code::ObjectifyInvalidAnswers, rule.idSpan,
                   fmt::format("objectifying rule '{}' failed: {}", rule.id, outcome.message))
            .note("the last answer was: " + last)
            .withHelp("run again, try another model, or give the rule a `when` by hand");
        return true;
    }
    diags
        .error(code::ObjectifyModelFailed, rule.idSpan,
               fmt::format("objectifying rule '{}' failed: {}", rule.id, outcome.message))
        .withHelp(fmt::format("check that {} serves the model '{}'", asked.endpoint, asked.model));
    return false;
}

} // namespace clue::objectify
