// A summary table first, then one section per kind of change; counterexamples as `clue` code
// blocks that reviewers can paste into the constitution.
#include "cli/diff_markdown.h"

#include "cli/diff_corpus.h"

#include <fmt/format.h>

namespace clue::cli {

using namespace diff;

namespace {

// Text for a table cell: pipes escaped, no line breaks.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) {
        out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    }
    return out;
}

std::string code(const std::string& text) {
    return text.empty() ? "" : "`" + cell(text) + "`";
}

std::string sideCell(const SideSummary& s) {
    std::string what = s.isPlan ? "plan" : "constitution";
    return fmt::format("{} ({}{}{})", code(s.label), what,
                       s.name ? " \"" + cell(*s.name) + "\"" : "",
                       s.version ? " version " + cell(*s.version) : "");
}

std::string massText(const Comparison& c, const std::string& source) {
    if (!c.mass) {
        return "";
    }
    if (!c.mass->unavailable.empty()) {
        return "not computed: " + c.mass->unavailable;
    }
    return fmt::format("NEW alone {:.4g}%, OLD alone {:.4g}% (estimate; priors from {})",
                       *c.mass->broadening * 100, *c.mass->narrowing * 100, source);
}

void witnesses(std::string& out, const std::string& subject, const Comparison& c) {
    for (const Witness& w : c.witnesses) {
        out += fmt::format("<details><summary>{}: {} fires and {} does not</summary>\n\n", subject,
                           w.firesInNew ? "NEW" : "OLD", w.firesInNew ? "OLD" : "NEW");
        out += "Passes against NEW:\n\n```clue\n" + w.testNew + "```\n\n";
        out += "Passes against OLD:\n\n```clue\n" + w.testOld + "```\n\n</details>\n\n";
    }
}

void summary(std::string& out, const DiffDocument& d) {
    const DiffReport& r = d.report;
    DiffCounts n = countChanges(r);
    out += "## clue diff\n\n";
    out += fmt::format("**Verdict: {}**: {}.\n\n", relationName(r.verdict.relation),
                       relationWords(r.verdict.relation));
    out += "| | |\n|---|---|\n";
    out += fmt::format("| OLD | {} |\n| NEW | {} |\n", sideCell(r.oldSide), sideCell(r.newSide));
    out += fmt::format("| rules | {} added, {} removed, {} changed, {} unchanged |\n", n.added,
                       n.removed, n.changed, n.unchanged);
    out += fmt::format("| rules in both | {} equivalent, {} broader, {} narrower, {} "
                       "incomparable |\n",
                       n.relations[0], n.relations[1], n.relations[2], n.relations[3]);
    out += fmt::format("| new questions to the model | {} |\n", n.newQuestions);
    std::string mass = massText(r.verdict, r.priorSource);
    if (!mass.empty()) {
        out += "| verdict flips | " + cell(mass) + " |\n";
    }
    out += fmt::format("| exit code | {} |\n\n", d.exitCode());
}

void rules(std::string& out, const DiffReport& r) {
    out += "### Rules\n\n| | rule | relation | changed | formula (NEW, else OLD) |\n"
           "|---|---|---|---|---|\n";
    for (const RuleDiff& rule : r.rules) {
        const char* mark = rule.change == Change::Added     ? "+"
                           : rule.change == Change::Removed ? "-"
                           : rule.change == Change::Changed ? "~"
                                                            : "";
        const RuleFacts& facts = rule.newRule ? *rule.newRule : *rule.oldRule;
        out += fmt::format("| {} | `{}` | {} | {} | {} |\n", mark, rule.id,
                           rule.comparison ? relationName(rule.comparison->relation)
                                           : changeName(rule.change),
                           fmt::join(rule.changedFields, ", "), code(facts.formula));
    }
    out += "\n";
    for (const RuleDiff& rule : r.rules) {
        if (rule.comparison) {
            witnesses(out, "rule `" + rule.id + "`", *rule.comparison);
        }
    }
}

void statements(std::string& out, const DiffReport& r) {
    if (r.predicates.empty()) {
        return;
    }
    out += "### Statements\n\n| change | statement | names | |\n|---|---|---|---|\n";
    for (const PredicateChange& p : r.predicates) {
        std::string statement =
            p.oldStatement ? code(*p.oldStatement) + " → " + code(p.statement) : code(p.statement);
        out += fmt::format("| {} | {} | {} → {} | {} |\n", predicateChangeName(p.kind), statement,
                           fmt::join(p.oldNames, "/"), fmt::join(p.newNames, "/"),
                           p.newQuestion() ? "asks the model something new: cached answers do "
                                             "not carry over"
                                           : "");
    }
    out += "\n";
}

void categories(std::string& out, const DiffReport& r) {
    if (r.categories.empty()) {
        return;
    }
    out += "### Categories\n\n| | category | relation | rules (OLD → NEW) |\n|---|---|---|---|\n";
    for (const CategoryDiff& c : r.categories) {
        out +=
            fmt::format("| {} | `{}` | {} | {} → {} |\n",
                        c.change == Change::Unchanged ? "" : changeName(c.change), c.id,
                        relationName(c.comparison.relation), c.oldRules.size(), c.newRules.size());
    }
    out += "\n";
    for (const CategoryDiff& c : r.categories) {
        witnesses(out, "category `" + c.id + "`", c.comparison);
    }
}

void headerAndTests(std::string& out, const DiffReport& r) {
    if (!r.header.empty()) {
        out += "### Header\n\n";
        for (const HeaderChange& h : r.header) {
            out += fmt::format("- {}: {} → {}\n", h.field, code(h.oldValue.value_or("")),
                               code(h.newValue.value_or("")));
        }
        out += "\n";
    }
    if (r.tests) {
        std::string list;
        for (const TestChange& t : *r.tests) {
            if (t.change != Change::Unchanged) {
                list += fmt::format("- {} {}\n", changeName(t.change), code(t.name));
            }
        }
        out += list.empty() ? "" : "### Tests\n\n" + list + "\n";
    }
}

} // namespace

std::string diffMarkdown(const DiffDocument& d) {
    std::string out;
    summary(out, d);
    if (!d.report.verdict.witnesses.empty()) {
        out += "### Verdict\n\n";
        witnesses(out, "the verdict", d.report.verdict);
    }
    rules(out, d.report);
    categories(out, d.report);
    statements(out, d.report);
    headerAndTests(out, d.report);
    return d.corpus ? out + corpusMarkdown(*d.corpus) : out;
}

} // namespace clue::cli
