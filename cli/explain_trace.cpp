// The trace: verdict, each round's questions with scores and decision, then the rules.
#include "cli/explain_trace.h"

#include "common/escaped_text.h"

#include <fmt/format.h>

#include <ostream>

namespace clue::cli {
namespace {

using namespace runtime;

std::string score(const std::optional<double>& value) {
    return value ? fmt::format("{:.3f}", *value) : "-";
}

std::string scoresLine(const PredicateEvidence& p) {
    std::string line = "M(x)=" + score(p.scores.image);
    if (p.scores.prior) {
        line +=
            fmt::format(" M(None)={} ({})", score(p.scores.prior), toString(*p.scores.priorOrigin));
    }
    if (p.scores.masked) {
        line += " M(masked)=" + score(p.scores.masked);
    }
    if (p.scores.crop) {
        line += " M(crop)=" + score(p.scores.crop);
    }
    return p.scores.approximate ? line + " approximate" : line;
}

void printPredicate(std::ostream& out, const PredicateEvidence& p, const plan::Plan& plan) {
    out << fmt::format("  [{}] \"{}\"\n", p.predicate,
                       terminalText(plan.predicates[p.predicate].statement));
    out << "      " << scoresLine(p) << '\n';
    if (p.region) {
        const Box& b = p.region->detection.box;
        out << fmt::format("      region: {} box x={:.3f} y={:.3f} w={:.3f} h={:.3f} "
                           "confidence {:.2f}\n",
                           toString(p.region->edit), b.x, b.y, b.width, b.height,
                           p.region->detection.confidence);
    }
    if (p.failure) {
        out << fmt::format("      -> ERROR at {}: {}: {}\n", toString(p.failure->stage),
                           toString(p.failure->error.kind), terminalText(p.failure->error.message));
    } else {
        out << fmt::format("      -> {} ({})\n", *p.value ? "true" : "false", toString(*p.path));
    }
    if (p.rationale) {
        out << "      rationale: " << terminalText(*p.rationale) << '\n';
    }
    out << fmt::format("      {} call{}, {} cache hit{}, {:.1f} ms\n", p.cost.calls,
                       p.cost.calls == 1 ? "" : "s", p.cost.cacheHits,
                       p.cost.cacheHits == 1 ? "" : "s",
                       static_cast<double>(p.elapsed.count()) / 1000.0);
}

} // namespace

void printExplanation(std::ostream& out, const ImageResult& result, const plan::Plan& plan) {
    // Everything from outside (names, statements, the model's words) is shown escaped.
    out << terminalText(result.path.string()) << '\n';
    if (result.imageError) {
        out << "verdict: error (" << terminalText(result.imageError->message) << ")\n";
        return;
    }
    out << "sha256: " << result.sha256 << '\n';
    out << "verdict: " << toString(result.verdict);
    if (result.policyApplied) {
        out << " (set by --on-error " << toString(*result.policyApplied) << "; judged: error)";
    }
    out << '\n';
    int round = 0;
    for (const PredicateEvidence& p : result.predicates) {
        if (p.round != round) {
            round = p.round;
            out << fmt::format("round {} (wave {}):\n", round, p.wave);
        }
        printPredicate(out, p, plan);
    }
    out << "rules:\n";
    for (size_t i = 0; i < result.rules.size(); ++i) {
        out << fmt::format("  {:<9} {}\n", toString(result.rules[i]),
                           terminalText(plan.rules[i].id));
    }
    out << fmt::format("{} round{}, {} call{}, {} cache hit{}, {:.1f} ms\n", result.rounds,
                       result.rounds == 1 ? "" : "s", result.cost.calls,
                       result.cost.calls == 1 ? "" : "s", result.cost.cacheHits,
                       result.cost.cacheHits == 1 ? "" : "s",
                       static_cast<double>(result.elapsed.count()) / 1000.0);
}

} // namespace clue::cli
