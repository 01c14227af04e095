// Plain HTML and a short style sheet; text is escaped everywhere it is inserted.
#include "cli/diff_html.h"

#include "cli/diff_corpus.h"

#include "common/html_escape.h"

#include <fmt/format.h>

namespace clue::cli {

using namespace diff;

namespace {

const char* kStyle =
    R"(body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4}code,pre{font:13px ui-monospace,monospace}pre{background:#f7f7f7;padding:.6em;overflow:auto}
.added{color:#176f2c}.removed{color:#a4161a}.changed{color:#8a5a00}.relation{font-weight:600}
.thumb{max-width:96px;max-height:96px})";

std::string number(const char* id, size_t value) {
    return fmt::format("<span id=\"{}\">{}</span>", id, value);
}

void summary(std::string& out, const DiffDocument& d) {
    const DiffReport& r = d.report;
    DiffCounts n = countChanges(r);
    out += fmt::format("<p>OLD: <code id=\"old-label\">{}</code> &nbsp; NEW: <code "
                       "id=\"new-label\">{}</code></p>\n",
                       htmlEscape(r.oldSide.label), htmlEscape(r.newSide.label));
    out += fmt::format("<p>Verdict: <span id=\"verdict\" class=\"relation\">{}</span>: {}.</p>\n",
                       relationName(r.verdict.relation),
                       htmlEscape(relationWords(r.verdict.relation)));
    out += "<table id=\"summary\"><tr><th>rules added</th><th>removed</th><th>changed</th>"
           "<th>unchanged</th><th>equivalent</th><th>broader</th><th>narrower</th>"
           "<th>incomparable</th><th>new questions</th><th>exit code</th></tr>\n<tr>";
    const std::pair<const char*, size_t> cells[] = {{"count-added", n.added},
                                                    {"count-removed", n.removed},
                                                    {"count-changed", n.changed},
                                                    {"count-unchanged", n.unchanged},
                                                    {"count-equivalent", n.relations[0]},
                                                    {"count-broader", n.relations[1]},
                                                    {"count-narrower", n.relations[2]},
                                                    {"count-incomparable", n.relations[3]},
                                                    {"count-new-questions", n.newQuestions},
                                                    {"exit-code", size_t(d.exitCode())}};
    for (const auto& [id, value] : cells) {
        out += "<td>" + number(id, value) + "</td>";
    }
    out += "</tr></table>\n";
}

std::string massCell(const Comparison& c) {
    if (!c.mass) {
        return "";
    }
    if (!c.mass->unavailable.empty()) {
        return htmlEscape("not computed: " + c.mass->unavailable);
    }
    return fmt::format("NEW alone <span class=\"mass-broadening\">{:.6g}</span>, OLD alone "
                       "<span class=\"mass-narrowing\">{:.6g}</span> (estimate)",
                       *c.mass->broadening, *c.mass->narrowing);
}

void witnesses(std::string& out, const std::string& subject, const Comparison& c) {
    for (const Witness& w : c.witnesses) {
        out +=
            fmt::format("<details class=\"witness\"><summary>{}: {} fires and {} does "
                        "not</summary>\n<p>Passes against NEW:</p><pre>{}</pre>\n<p>Passes "
                        "against OLD:</p><pre>{}</pre></details>\n",
                        htmlEscape(subject), w.firesInNew ? "NEW" : "OLD",
                        w.firesInNew ? "OLD" : "NEW", htmlEscape(w.testNew), htmlEscape(w.testOld));
    }
}

void rules(std::string& out, const DiffReport& r) {
    out += "<h2>Rules</h2>\n<table id=\"rules\"><tr><th>rule</th><th>change</th><th>relation</th>"
           "<th>changed fields</th><th>formula (NEW, else OLD)</th><th>mass</th></tr>\n";
    for (const RuleDiff& rule : r.rules) {
        const RuleFacts& facts = rule.newRule ? *rule.newRule : *rule.oldRule;
        std::string relation = rule.comparison ? relationName(rule.comparison->relation) : "";
        out += fmt::format(
            "<tr data-rule=\"{}\" data-change=\"{}\" data-relation=\"{}\"><td><code>"
            "{}</code></td><td class=\"{}\">{}</td><td class=\"relation\">{}</td>"
            "<td>{}</td><td><code>{}</code></td><td>{}</td></tr>\n",
            htmlEscape(rule.id), changeName(rule.change), relation, htmlEscape(rule.id),
            changeName(rule.change), changeName(rule.change), relation,
            htmlEscape(fmt::format("{}", fmt::join(rule.changedFields, ", "))),
            htmlEscape(facts.formula), rule.comparison ? massCell(*rule.comparison) : "");
    }
    out += "</table>\n";
    for (const RuleDiff& rule : r.rules) {
        if (rule.comparison) {
            witnesses(out, "rule " + rule.id, *rule.comparison);
        }
    }
}

void categories(std::string& out, const DiffReport& r) {
    out += "<h2>Categories</h2>\n<table id=\"categories\"><tr><th>category</th><th>change</th>"
           "<th>relation</th><th>rules (OLD, NEW)</th></tr>\n";
    for (const CategoryDiff& c : r.categories) {
        out +=
            fmt::format("<tr data-category=\"{}\" data-change=\"{}\" data-relation=\"{}\"><td>"
                        "<code>{}</code></td><td>{}</td><td class=\"relation\">{}</td><td>{}, "
                        "{}</td></tr>\n",
                        htmlEscape(c.id), changeName(c.change), relationName(c.comparison.relation),
                        htmlEscape(c.id), changeName(c.change), relationName(c.comparison.relation),
                        c.oldRules.size(), c.newRules.size());
    }
    out += "</table>\n";
    for (const CategoryDiff& c : r.categories) {
        witnesses(out, "category " + c.id, c.comparison);
    }
}

void statements(std::string& out, const DiffReport& r) {
    out += "<h2>Statements</h2>\n<table id=\"statements\"><tr><th>change</th><th>statement</th>"
           "<th>asks the model something new</th></tr>\n";
    for (const PredicateChange& p : r.predicates) {
        std::string text = p.oldStatement
                               ? htmlEscape(*p.oldStatement) + " &rarr; " + htmlEscape(p.statement)
                               : htmlEscape(p.statement);
        out += fmt::format("<tr data-statement-change=\"{}\"><td>{}</td><td>{}</td><td>{}</td>"
                           "</tr>\n",
                           predicateChangeName(p.kind), predicateChangeName(p.kind), text,
                           p.newQuestion() ? "yes: cached answers do not carry over" : "no");
    }
    out += "</table>\n";
}

} // namespace

std::string diffHtml(const DiffDocument& d) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<title>clue diff</title><style>";
    out += kStyle;
    out += "</style></head><body>\n<h1>clue diff</h1>\n";
    summary(out, d);
    out += "<h2>Verdict</h2>\n<p>" + massCell(d.report.verdict) + "</p>\n";
    witnesses(out, "the verdict", d.report.verdict);
    rules(out, d.report);
    categories(out, d.report);
    statements(out, d.report);
    if (d.corpus) {
        out += corpusHtml(*d.corpus, d.thumbnails);
    }
    return out + "</body></html>\n";
}

} // namespace clue::cli
