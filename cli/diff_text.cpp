// Sections appear only when they have something to say; unchanged rules are only counted.
#include "cli/diff_text.h"

#include "cli/diff_corpus.h"

#include "compiler/ast/string_literal.h"

#include <fmt/format.h>

namespace clue::cli {

using namespace diff;

namespace {

class TextWriter {
public:
    explicit TextWriter(bool color) : color_(color) {}

    std::string paint(const std::string& text, const char* code) const {
        return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    }
    std::string mark(Change change) const {
        switch (change) {
        case Change::Added:
            return paint("+", "32");
        case Change::Removed:
            return paint("-", "31");
        case Change::Changed:
            return paint("~", "33");
        case Change::Unchanged:
            return " ";
        }
        return " ";
    }
    void line(int indent, const std::string& text) {
        out_ += std::string(indent, ' ') + text + "\n";
    }
    void heading(const std::string& text) { out_ += "\n" + paint(text, "1") + "\n"; }
    void block(int indent, const std::string& text) {
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            line(indent, text.substr(start, end - start));
            start = end == std::string::npos ? text.size() : end + 1;
        }
    }
    std::string take() { return std::move(out_); }

private:
    bool color_;
    std::string out_;
};

std::string quoted(const std::optional<std::string>& value) {
    return value ? ast::quoteString(*value) : "(none)";
}

std::string names(const std::vector<std::string>& list) {
    return list.empty() ? "(inline)" : fmt::format("{}", fmt::join(list, "/"));
}

std::string sideLine(const SideSummary& s) {
    std::string what = s.isPlan ? "plan" : "constitution";
    if (s.name) {
        what += " " + ast::quoteString(*s.name);
    }
    if (s.version) {
        what += " version " + ast::quoteString(*s.version);
    }
    return fmt::format("{} ({}; {} rule{}, {} statement{})", s.label, what, s.rules,
                       s.rules == 1 ? "" : "s", s.predicates, s.predicates == 1 ? "" : "s");
}

std::string cubeText(const std::vector<Literal>& cube) {
    std::vector<std::string> parts;
    for (const Literal& l : cube) {
        parts.push_back(ast::quoteString(l.statement) + (l.value ? " true" : " false"));
    }
    return parts.empty() ? "always" : fmt::format("when {}", fmt::join(parts, ", "));
}

std::string percent(const std::optional<double>& p) {
    return p ? fmt::format("{:.4g}%", *p * 100) : "?";
}

void writeComparison(TextWriter& w, int indent, const Comparison& c,
                     const std::string& priorSource) {
    for (const Witness& x : c.witnesses) {
        w.line(indent, fmt::format("{} fires and {} does not, {}", x.firesInNew ? "NEW" : "OLD",
                                   x.firesInNew ? "OLD" : "NEW", cubeText(x.cube)));
        w.line(indent + 2, "passes against NEW:");
        w.block(indent + 4, x.testNew);
        w.line(indent + 2, "passes against OLD:");
        w.block(indent + 4, x.testOld);
    }
    if (c.mass) {
        if (!c.mass->unavailable.empty()) {
            w.line(indent, "mass: not computed: " + c.mass->unavailable);
        } else {
            w.line(indent, fmt::format("mass: NEW alone fires on {} of images, OLD alone on {} "
                                       "(an estimate: independent statements, priors from {})",
                                       percent(c.mass->broadening), percent(c.mass->narrowing),
                                       priorSource));
        }
    }
}

void writeRule(TextWriter& w, const RuleDiff& r, const std::string& priorSource) {
    if (r.change == Change::Added || r.change == Change::Removed) {
        const RuleFacts& f = r.change == Change::Added ? *r.newRule : *r.oldRule;
        w.line(2, fmt::format("{} {} (category {}, severity {}): {}", w.mark(r.change), r.id,
                              f.category.value_or("none"), f.severity.value_or("none"), f.formula));
        return;
    }
    const Comparison& c = *r.comparison;
    w.line(2, fmt::format("{} {}: {}: {}", w.mark(r.change), r.id,
                          w.paint(relationName(c.relation), "1"), relationWords(c.relation)));
    for (const std::string& field : r.changedFields) {
        auto value = [&](const RuleFacts& f) -> std::string {
            if (field == "text")
                return ast::quoteString(f.text);
            if (field == "severity")
                return f.severity.value_or("(none)");
            if (field == "category")
                return f.category.value_or("(none)");
            if (field == "tags")
                return fmt::format("[{}]", fmt::join(f.tags, ", "));
            return f.formula;
        };
        w.line(6, fmt::format("{}: {}", field, value(*r.oldRule)));
        w.line(6, fmt::format("{}  -> {}", std::string(field.size(), ' '), value(*r.newRule)));
    }
    writeComparison(w, 6, c, priorSource);
}

void writePredicates(TextWriter& w, const DiffReport& report) {
    if (report.predicates.empty()) {
        return;
    }
    w.heading("statements");
    const std::string fresh = "asks the model something new: cached answers do not carry over";
    for (const PredicateChange& p : report.predicates) {
        switch (p.kind) {
        case PredicateChangeKind::Renamed:
            w.line(2, fmt::format("{} renamed {}: {} -> {} (the same question)",
                                  w.mark(Change::Changed), ast::quoteString(p.statement),
                                  names(p.oldNames), names(p.newNames)));
            break;
        case PredicateChangeKind::Reworded:
            w.line(2, fmt::format("{} reworded {}: {} -> {}", w.mark(Change::Changed),
                                  names(p.newNames), quoted(p.oldStatement),
                                  ast::quoteString(p.statement)));
            w.line(6, fresh);
            break;
        case PredicateChangeKind::Added:
            w.line(2, fmt::format("{} {} {}: {}", w.mark(Change::Added),
                                  ast::quoteString(p.statement), names(p.newNames), fresh));
            break;
        case PredicateChangeKind::Removed:
            w.line(2, fmt::format("{} {} {}", w.mark(Change::Removed),
                                  ast::quoteString(p.statement), names(p.oldNames)));
            break;
        }
    }
}

void writeRules(TextWriter& w, const DiffReport& report) {
    w.heading("rules");
    size_t unchanged = 0;
    for (const RuleDiff& r : report.rules) {
        bool quiet = r.change == Change::Unchanged && r.comparison &&
                     r.comparison->relation == Relation::Equivalent;
        if (quiet) {
            ++unchanged;
        } else {
            writeRule(w, r, report.priorSource);
        }
    }
    if (unchanged > 0) {
        w.line(2, fmt::format("{} rule{} unchanged", unchanged, unchanged == 1 ? "" : "s"));
    }
}

void writeCategories(TextWriter& w, const DiffReport& report) {
    bool any = false;
    for (const CategoryDiff& c : report.categories) {
        if (c.change == Change::Unchanged && c.comparison.relation == Relation::Equivalent) {
            continue;
        }
        if (!any) {
            w.heading("categories");
            any = true;
        }
        w.line(2, fmt::format("{} {}: {}: {}", w.mark(c.change), c.id,
                              w.paint(relationName(c.comparison.relation), "1"),
                              relationWords(c.comparison.relation)));
        if (c.oldTitle != c.newTitle && c.oldTitle && c.newTitle) {
            w.line(6, fmt::format("title: {} -> {}", quoted(c.oldTitle), quoted(c.newTitle)));
        }
        writeComparison(w, 6, c.comparison, report.priorSource);
    }
}

void writeHeaderAndTests(TextWriter& w, const DiffReport& report) {
    if (!report.header.empty()) {
        w.heading("header");
        for (const HeaderChange& h : report.header) {
            w.line(2, fmt::format("{} {}: {} -> {}", w.mark(Change::Changed), h.field,
                                  quoted(h.oldValue), quoted(h.newValue)));
        }
    }
}

void writeTests(TextWriter& w, const DiffReport& report) {
    if (!report.tests) {
        return;
    }
    bool any = false;
    for (const TestChange& t : *report.tests) {
        if (t.change == Change::Unchanged) {
            continue;
        }
        if (!any) {
            w.heading("tests");
            any = true;
        }
        w.line(2, fmt::format("{} {}", w.mark(t.change), ast::quoteString(t.name)));
    }
}

} // namespace

std::string diffText(const DiffDocument& d, bool color) {
    const DiffReport& r = d.report;
    TextWriter w(color);
    w.line(0, "OLD " + sideLine(r.oldSide));
    w.line(0, "NEW " + sideLine(r.newSide));
    writeHeaderAndTests(w, r);
    writePredicates(w, r);
    writeRules(w, r);
    writeCategories(w, r);
    w.heading(fmt::format("verdict: {}: {}", relationName(r.verdict.relation),
                          relationWords(r.verdict.relation)));
    writeComparison(w, 2, r.verdict, r.priorSource);
    writeTests(w, r);
    DiffCounts n = countChanges(r);
    w.line(0, "");
    w.line(0,
           fmt::format("rules: {} added, {} removed, {} changed, {} unchanged; in both: {} "
                       "equivalent, {} broader, {} narrower, {} incomparable; verdict {}",
                       n.added, n.removed, n.changed, n.unchanged, n.relations[0], n.relations[1],
                       n.relations[2], n.relations[3], relationName(r.verdict.relation)));
    return d.corpus ? w.take() + corpusText(*d.corpus) : w.take();
}

} // namespace clue::cli
