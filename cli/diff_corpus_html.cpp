// The corpus part of the HTML report: figures with ids and rows with data attributes, so that a
// test can read them back from the rendered page; thumbnails only as data URLs (nothing fetched).
#include "cli/diff_corpus.h"

#include "common/html_escape.h"

#include <fmt/format.h>

namespace clue::cli {

using namespace runtime;

namespace {

std::string figure(const char* id, std::size_t value) {
    return fmt::format("<td><span id=\"{}\">{}</span></td>", id, value);
}

void flips(std::string& out, const char* direction, const std::vector<ImageChange>& images,
           const std::map<std::string, std::string>& thumbnails) {
    for (const ImageChange& c : images) {
        auto thumb = thumbnails.find(c.path.string());
        out += fmt::format(
            "<tr data-flip=\"{}\" data-image=\"{}\"><td>{}</td><td><code>{}</code></td><td>{}"
            "</td><td>{}</td></tr>\n",
            direction, htmlEscape(c.path.string()),
            thumb == thumbnails.end()
                ? std::string()
                : "<img class=\"thumb\" alt=\"\" src=\"" + htmlEscape(thumb->second) + "\">",
            htmlEscape(c.path.string()), htmlEscape(fmt::format("{}", fmt::join(c.fired, ", "))),
            htmlEscape(fmt::format("{}", fmt::join(c.cleared, ", "))));
    }
}

void tallies(std::string& out, const char* kind, const std::vector<ImpactTally>& list) {
    out += fmt::format("<table id=\"corpus-{}\"><tr><th>{}</th><th>newly fires</th><th>clears"
                       "</th><th>undecided</th></tr>\n",
                       kind, kind);
    for (const ImpactTally& t : list) {
        out += fmt::format("<tr data-corpus-{}=\"{}\" data-fired=\"{}\" data-cleared=\"{}\" "
                           "data-undecided=\"{}\"><td><code>{}</code></td><td>{}</td><td>{}</td>"
                           "<td>{}</td></tr>\n",
                           kind, htmlEscape(t.id), t.fired, t.cleared, t.undecided,
                           htmlEscape(t.id), t.fired, t.cleared, t.undecided);
    }
    out += "</table>\n";
}

} // namespace

std::string corpusHtml(const CorpusImpact& impact,
                       const std::map<std::string, std::string>& thumbnails) {
    std::string out = fmt::format("<h2>Corpus</h2>\n<p>{} images, {}.</p>\n", impact.images,
                                  htmlEscape(corpusMode(impact)));
    out += "<table id=\"corpus-summary\"><tr><th>images</th><th>safe &rarr; unsafe</th><th>unsafe "
           "&rarr; safe</th><th>undecided</th><th>failed</th><th>unchanged</th><th>model calls "
           "needed (estimate)</th></tr>\n<tr>";
    out += figure("corpus-images", impact.images) +
           figure("corpus-to-unsafe", impact.toUnsafe.size()) +
           figure("corpus-to-safe", impact.toSafe.size()) +
           figure("corpus-undecided", impact.undecided.size()) +
           figure("corpus-failed", impact.failed.size()) +
           figure("corpus-unchanged", impact.unchanged) +
           figure("corpus-calls", impact.missing.calls()) + "</tr></table>\n";
    out += "<table id=\"corpus-flips\"><tr><th></th><th>image</th><th>fires</th><th>clears</th>"
           "</tr>\n";
    flips(out, "to-unsafe", impact.toUnsafe, thumbnails);
    flips(out, "to-safe", impact.toSafe, thumbnails);
    out += "</table>\n";
    tallies(out, "rule", impact.rules);
    tallies(out, "category", impact.categories);
    return out;
}

} // namespace clue::cli
