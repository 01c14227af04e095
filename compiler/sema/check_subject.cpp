// What a constitution judges: a known `judges` value, and no prompt or response predicate and no
// score section in a constitution that judges images (they would have nothing to look at).
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/sema/name_suggester.h"
#include "compiler/sema/sema.h"

#include <fmt/format.h>

namespace clue {
namespace {

void checkJudgesValue(const ast::Identifier& judges, DiagnosticEngine& diags) {
    if (judges.name == "images" || judges.name == "responses") {
        return;
    }
    NameSuggester suggester({"images", "responses"});
    diags
        .error(code::UnknownSubject, judges.span,
               fmt::format("a constitution judges images or responses, not '{}'", judges.name))
        .withHelp(suggester.help(judges.name, "write 'judges images' or 'judges responses'"));
}

void reportImageOnly(const ast::PredicateDecl& predicate, DiagnosticEngine& diags) {
    const ast::PredicateOption& about = *predicate.option("about");
    diags
        .error(code::NotResponseConstitution, about.valueSpan,
               fmt::format("predicate '{}' is about the {}, but the constitution judges images",
                           predicate.name, about.stringValue))
        .withHelp("add 'judges responses' to the constitution header, or remove 'about'");
}

} // namespace

void checkSubject(const Program& program, DiagnosticEngine& diags) {
    if (program.header && program.header->judges) {
        checkJudgesValue(*program.header->judges, diags);
    }
    if (program.subject() == ast::Subject::Responses) {
        return;
    }
    for (const auto& unit : program.units) {
        for (const ast::PredicateDecl* predicate : unit->module.predicates()) {
            if (predicate->lookedAt() != ast::LookedAt::Image) {
                reportImageOnly(*predicate, diags);
            }
        }
        for (const ast::ScoreDecl* score : unit->module.scores()) {
            diags
                .error(code::NotResponseConstitution, score->keywordSpan,
                       "a score section needs a constitution that judges responses")
                .withHelp("add 'judges responses' to the constitution header; an image "
                          "constitution's verdict is safe or unsafe");
        }
    }
}

} // namespace clue
