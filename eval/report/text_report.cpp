// Sections of text, each a few lines and at most one table; Markdown adds headings.
#include "eval/report/text_report.h"

#include "eval/report/report_tables.h"

#include <fmt/format.h>

#include <optional>

namespace clue::eval {
namespace {

struct Section {
    std::string title;
    std::vector<std::string> lines;
    std::optional<TextTable> table;
};

std::string confusionLine(const MetricSet& m) {
    return fmt::format("{} images, {} with a verdict, {} without (errors, counted apart); "
                       "tp {}, fp {}, tn {}, fn {} (unsafe is the positive class)",
                       m.images, m.images - m.errors, m.errors, m.confusion.tp, m.confusion.fp,
                       m.confusion.tn, m.confusion.fn);
}

std::vector<Section> sectionsOf(const EvalReport& r) {
    std::vector<Section> s;
    s.push_back({"clue eval: " + subjectLine(r),
                 {"labels: " + labelsLine(r), "bootstrap: " + bootstrapLine(r)},
                 std::nullopt});
    s.push_back({"summary", {confusionLine(r.summary)}, summaryTable(r.summary)});
    s.push_back({"by dataset category", {}, groupTable("category", r.byCategory)});
    if (!r.bySource.empty()) {
        s.push_back({"by source", {}, groupTable("source", r.bySource)});
    }
    if (!r.byConstitutionCategory.empty()) {
        s.push_back({"by constitution category (positives: unsafe images mapped to it; "
                     "negatives: safe images)",
                     {},
                     groupTable("category", r.byConstitutionCategory)});
    }
    if (!r.byRule.empty()) {
        s.push_back({"by rule", {}, groupTable("rule", r.byRule)});
    }
    if (const std::string line = mapLine(r); !line.empty()) {
        s.push_back({"category map", {line}, std::nullopt});
    }
    if (TextTable errors = errorTable(r); !errors.empty()) {
        s.push_back({"images without a verdict", {}, std::move(errors)});
    }
    s.push_back({"image scores", {scoresLine(r.prCurve)}, std::nullopt});
    s.push_back({"cost", {costLine(r.cost)}, std::nullopt});
    if (r.variants.size() > 1) {
        s.push_back({"variants (questions: the model calls each would make without a cache)",
                     {},
                     variantTable(r.variants)});
    }
    if (!r.robustness.empty()) {
        s.push_back({"robustness (correctly judged images, perturbed and judged again)",
                     {},
                     robustnessTable(r.robustness)});
    }
    return s;
}

} // namespace

std::string textReport(const EvalReport& report) {
    std::string out;
    for (const Section& section : sectionsOf(report)) {
        out += (out.empty() ? "" : "\n") + section.title + "\n";
        for (const std::string& line : section.lines) {
            out += "  " + line + "\n";
        }
        if (section.table) {
            out += section.table->text();
        }
    }
    return out;
}

std::string markdownReport(const EvalReport& report) {
    std::string out;
    for (const Section& section : sectionsOf(report)) {
        if (!out.empty() && out.substr(out.size() - 2) != "\n\n") {
            out += "\n";
        }
        out += (out.empty() ? "# " : "## ") + section.title + "\n\n";
        for (const std::string& line : section.lines) {
            out += line + "\n\n";
        }
        if (section.table) {
            out += section.table->markdown();
        }
    }
    return out.substr(0, out.find_last_not_of('\n') + 1) + "\n";
}

} // namespace clue::eval
