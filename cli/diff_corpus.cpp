// Text, JSON and Markdown of the corpus part; field names follow docs/diff.schema.json.
#include "cli/diff_corpus.h"

#include <fmt/format.h>

namespace clue::cli {

using nlohmann::ordered_json;
using namespace runtime;

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "fires gunfire; clears on_fire", or "" when no rule moved.
std::string moves(const ImageChange& c) {
    std::string out;
    if (!c.fired.empty()) {
        out += fmt::format("fires {}", fmt::join(c.fired, ", "));
    }
    if (!c.cleared.empty()) {
        out += fmt::format("{}clears {}", out.empty() ? "" : "; ", fmt::join(c.cleared, ", "));
    }
    return out;
}

std::string tallyText(const ImpactTally& t) {
    std::string out = fmt::format("newly fires on {}, clears on {}",
                                  plural(t.fired, "image", "images"), t.cleared);
    return t.undecided ? out + fmt::format(", undecided on {}", t.undecided) : out;
}

bool moved(const ImpactTally& t) {
    return t.fired + t.cleared + t.undecided > 0;
}

void imageLines(std::string& out, const std::vector<ImageChange>& images, bool withProblem) {
    for (const ImageChange& c : images) {
        std::string detail = withProblem ? c.problem : moves(c);
        out += fmt::format("    {}{}\n", c.path.string(), detail.empty() ? "" : ": " + detail);
    }
}

ordered_json imageJson(const ImageChange& c) {
    ordered_json out = {{"path", c.path.string()},
                        {"sha256", c.sha256},
                        {"old_verdict", std::string(toString(c.oldVerdict))},
                        {"new_verdict", std::string(toString(c.newVerdict))},
                        {"fired", c.fired},
                        {"cleared", c.cleared}};
    if (!c.problem.empty()) {
        out["problem"] = c.problem;
    }
    return out;
}

ordered_json imagesJson(const std::vector<ImageChange>& images) {
    ordered_json out = ordered_json::array();
    for (const ImageChange& c : images) {
        out.push_back(imageJson(c));
    }
    return out;
}

ordered_json talliesJson(const std::vector<ImpactTally>& tallies, bool rules) {
    ordered_json out = ordered_json::array();
    for (const ImpactTally& t : tallies) {
        ordered_json entry = {{"name", t.id}};
        if (rules) {
            entry["category"] = t.category ? ordered_json(*t.category) : ordered_json(nullptr);
        }
        entry["fired"] = t.fired;
        entry["cleared"] = t.cleared;
        entry["undecided"] = t.undecided;
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace

std::string corpusMode(const CorpusImpact& impact) {
    return impact.asked ? "missing answers asked of the model, through the score cache"
                        : "replayed from the score cache (no model asked)";
}

std::string missingCalls(const MissingAnswers& m) {
    return fmt::format("about {} ({}, {}, {})", plural(m.calls(), "model call", "model calls"),
                       plural(m.priors(), "prior", "priors"),
                       plural(m.images(), "image answer", "image answers"),
                       plural(m.reasonings(), "chain of thought", "chains of thought"));
}

std::string corpusText(const CorpusImpact& impact) {
    std::string out = fmt::format("\ncorpus: {}, {}\n", plural(impact.images, "image", "images"),
                                  corpusMode(impact));
    const std::pair<const char*, const std::vector<ImageChange>*> flips[] = {
        {"safe -> unsafe", &impact.toUnsafe}, {"unsafe -> safe", &impact.toSafe}};
    for (const auto& [label, images] : flips) {
        out += fmt::format("  {}: {}\n", label, plural(images->size(), "image", "images"));
        imageLines(out, *images, false);
    }
    for (const auto& [heading, tallies] :
         {std::pair{"rules", &impact.rules}, std::pair{"categories", &impact.categories}}) {
        std::string lines;
        for (const ImpactTally& t : *tallies) {
            lines += moved(t) ? fmt::format("    {}: {}\n", t.id, tallyText(t)) : "";
        }
        out += lines.empty() ? "" : fmt::format("  {}\n{}", heading, lines);
    }
    if (!impact.undecided.empty()) {
        out += fmt::format("  undecided: {} the cache cannot decide: {}\n",
                           plural(impact.undecided.size(), "image", "images"),
                           missingCalls(impact.missing));
        imageLines(out, impact.undecided, false);
    }
    if (!impact.failed.empty()) {
        out += fmt::format("  failed: {}\n", plural(impact.failed.size(), "image", "images"));
        imageLines(out, impact.failed, true);
    }
    out += fmt::format("corpus: {} safe -> unsafe, {} unsafe -> safe, {} undecided, {} failed, {} "
                       "unchanged\n",
                       impact.toUnsafe.size(), impact.toSafe.size(), impact.undecided.size(),
                       impact.failed.size(), impact.unchanged);
    return out;
}

ordered_json corpusJson(const CorpusImpact& impact) {
    const MissingAnswers& m = impact.missing;
    return {{"mode", impact.asked ? "asked" : "replay"},
            {"images", impact.images},
            {"counts",
             {{"to_unsafe", impact.toUnsafe.size()},
              {"to_safe", impact.toSafe.size()},
              {"undecided", impact.undecided.size()},
              {"failed", impact.failed.size()},
              {"unchanged", impact.unchanged}}},
            {"to_unsafe", imagesJson(impact.toUnsafe)},
            {"to_safe", imagesJson(impact.toSafe)},
            {"undecided", imagesJson(impact.undecided)},
            {"failed", imagesJson(impact.failed)},
            {"rules", talliesJson(impact.rules, true)},
            {"categories", talliesJson(impact.categories, false)},
            {"missing",
             {{"priors", m.priors()},
              {"image_answers", m.images()},
              {"chains_of_thought", m.reasonings()},
              {"calls", m.calls()}}},
            {"cost", {{"calls", impact.cost.calls}, {"cache_hits", impact.cost.cacheHits}}}};
}

std::string corpusMarkdown(const CorpusImpact& impact) {
    std::string out = fmt::format("### Corpus\n\n{}, {}.\n\n| safe → unsafe | unsafe → safe | "
                                  "undecided | failed | unchanged |\n|---|---|---|---|---|\n"
                                  "| {} | {} | {} | {} | {} |\n\n",
                                  plural(impact.images, "image", "images"), corpusMode(impact),
                                  impact.toUnsafe.size(), impact.toSafe.size(),
                                  impact.undecided.size(), impact.failed.size(), impact.unchanged);
    for (const auto& [label, images] : {std::pair{"safe → unsafe", &impact.toUnsafe},
                                        std::pair{"unsafe → safe", &impact.toSafe}}) {
        for (const ImageChange& c : *images) {
            out += fmt::format("- {}: `{}` {}\n", label, c.path.string(), moves(c));
        }
    }
    for (const auto& [kind, tallies] :
         {std::pair{"rule", &impact.rules}, std::pair{"category", &impact.categories}}) {
        std::string rows;
        for (const ImpactTally& t : *tallies) {
            rows += moved(t) ? fmt::format("| `{}` | {} | {} | {} |\n", t.id, t.fired, t.cleared,
                                           t.undecided)
                             : "";
        }
        out += rows.empty() ? ""
                            : fmt::format("\n| {} | newly fires | clears | undecided |\n"
                                          "|---|---|---|---|\n{}",
                                          kind, rows);
    }
    for (const ImageChange& c : impact.failed) {
        out += fmt::format("- failed: `{}`: {}\n", c.path.string(), c.problem);
    }
    if (!impact.undecided.empty()) {
        out += fmt::format("\n{} the cache cannot decide: {}.\n",
                           plural(impact.undecided.size(), "image", "images"),
                           missingCalls(impact.missing));
    }
    return out + "\n";
}

} // namespace clue::cli
