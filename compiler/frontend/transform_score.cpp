// The `score` section: its entries in source order, each a score and the outcome it applies to.
#include "compiler/frontend/transformer.h"

namespace clue {
namespace {

// The score a literal stands for: only the digits 0 to 3 are on MLLMGuard's scale.
int scaleValue(const std::string& raw) {
    return raw.size() == 1 && raw[0] >= '0' && raw[0] <= '3' ? raw[0] - '0' : -1;
}

} // namespace

ast::ScoreDecl Transformer::transformScore(P::ScoreDeclContext* ctx) {
    ast::ScoreDecl score;
    score.keywordSpan = span(ctx->SCORE());
    score.span = span(ctx);
    for (P::ScoreEntryContext* entry : ctx->scoreEntry()) {
        score.entries.push_back(transformScoreEntry(entry));
    }
    return score;
}

ast::ScoreEntry Transformer::transformScoreEntry(P::ScoreEntryContext* ctx) {
    ast::ScoreEntry entry;
    entry.rawScore = ctx->NUMBER()->getText();
    entry.score = scaleValue(entry.rawScore);
    entry.scoreSpan = span(ctx->NUMBER());
    entry.span = span(ctx);
    P::ScoreOutcomeContext* outcome = ctx->scoreOutcome();
    if (auto* severity = dynamic_cast<P::SeverityOutcomeContext*>(outcome)) {
        entry.outcome = ast::OutcomeKind::Severity;
        entry.name = severity->IDENT()->getText();
        entry.nameSpan = span(severity->IDENT());
    } else if (auto* violates = dynamic_cast<P::ViolatesOutcomeContext*>(outcome)) {
        entry.outcome = ast::OutcomeKind::Violates;
        entry.name = violates->IDENT()->getText();
        entry.nameSpan = span(violates->IDENT());
    } else if (dynamic_cast<P::UnsafeOutcomeContext*>(outcome) != nullptr) {
        entry.outcome = ast::OutcomeKind::Unsafe;
    }
    return entry;
}

} // namespace clue
