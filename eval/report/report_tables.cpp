// Rows and lines of the human-readable reports.
#include "eval/report/report_tables.h"

#include <fmt/format.h>

namespace clue::eval {
namespace {

std::vector<std::string> rateCells(const Rates& r) {
    return {rateText(r.accuracy), rateText(r.precision), rateText(r.recall), rateText(r.f1)};
}

std::string countList(const std::vector<CategoryCount>& counts) {
    std::string out;
    for (const CategoryCount& c : counts) {
        out += fmt::format("{}{} ({} image{})", out.empty() ? "" : ", ", c.name, c.images,
                           c.images == 1 ? "" : "s");
    }
    return out;
}

} // namespace

TextTable groupTable(const std::string& first, const std::vector<GroupMetrics>& groups) {
    TextTable t({first, "images", "errors", "tp", "fp", "tn", "fn", "accuracy", "precision",
                 "recall", "F1"});
    for (const GroupMetrics& g : groups) {
        const MetricSet& m = g.metrics;
        std::vector<std::string> row = {g.name,
                                        std::to_string(m.images),
                                        std::to_string(m.errors),
                                        std::to_string(m.confusion.tp),
                                        std::to_string(m.confusion.fp),
                                        std::to_string(m.confusion.tn),
                                        std::to_string(m.confusion.fn)};
        for (std::string& cell : rateCells(m.rates)) {
            row.push_back(std::move(cell));
        }
        t.add(std::move(row));
    }
    return t;
}

TextTable summaryTable(const MetricSet& m) {
    TextTable t({"metric", "value", "95% interval"});
    t.add({"accuracy", rateText(m.rates.accuracy), intervalText(m.intervals.accuracy)});
    t.add({"precision", rateText(m.rates.precision), intervalText(m.intervals.precision)});
    t.add({"recall", rateText(m.rates.recall), intervalText(m.intervals.recall)});
    t.add({"F1", rateText(m.rates.f1), intervalText(m.intervals.f1)});
    return t;
}

TextTable variantTable(const std::vector<VariantReport>& variants) {
    TextTable t({"variant", "accuracy", "precision", "recall", "F1", "AP", "errors",
                 "questions/image", "calls/image", "escalations/image", "s/image"});
    for (const VariantReport& v : variants) {
        const CostSummary& c = v.cost;
        std::vector<std::string> row = {v.id};
        for (std::string& cell : rateCells(v.metrics.rates)) {
            row.push_back(std::move(cell));
        }
        row.push_back(rateText(v.averagePrecision));
        row.push_back(std::to_string(v.metrics.errors));
        row.push_back(fixed(c.perImage(double(c.questions)), 2));
        row.push_back(fixed(c.perImage(double(c.calls)), 2));
        row.push_back(fixed(c.perImage(double(c.escalations)), 2));
        row.push_back(fixed(c.perImage(c.imageSeconds), 3));
        t.add(std::move(row));
    }
    return t;
}

TextTable robustnessTable(const std::vector<RobustnessRow>& rows) {
    TextTable t({"perturbation", "category", "images", "judged", "flipped", "unsafe->safe",
                 "safe->unsafe", "errors", "robust accuracy"});
    for (const RobustnessRow& r : rows) {
        t.add({r.perturbation, r.category.value_or("all"), std::to_string(r.images),
               std::to_string(r.judged), std::to_string(r.flipped), std::to_string(r.unsafeToSafe),
               std::to_string(r.safeToUnsafe), std::to_string(r.errors),
               rateText(r.robustAccuracy)});
    }
    return t;
}

TextTable errorTable(const EvalReport& report) {
    TextTable t({"image", "error", "message"});
    for (const ImageRow& i : report.images) {
        if (!i.errorKind.empty() && i.verdict == runtime::Verdict::Error) {
            t.add({i.path, i.errorKind, i.errorMessage});
        }
    }
    return t;
}

std::string subjectLine(const EvalReport& r) {
    std::string line = r.constitution.value_or("(unnamed constitution)");
    if (r.constitutionVersion) {
        line += " " + *r.constitutionVersion;
    }
    line += " (plan " + r.planFile + ")";
    if (r.model) {
        line += ", model " + *r.model;
    }
    if (r.results) {
        line += ", verdicts from " + r.results->file;
    }
    return line;
}

std::string labelsLine(const EvalReport& r) {
    std::string line =
        fmt::format("{}: {} images, {} unsafe, {} safe", r.labelsFile, r.labelledImages,
                    r.unsafeImages, r.labelledImages - r.unsafeImages);
    if (!r.skippedRows.empty()) {
        line += fmt::format("; {} bad row{} skipped", r.skippedRows.size(),
                            r.skippedRows.size() == 1 ? "" : "s");
    }
    return line;
}

std::string bootstrapLine(const EvalReport& r) {
    if (r.bootstrap.resamples <= 0) {
        return "none (--bootstrap 0)";
    }
    return fmt::format("{} resamples, seed {}, {:g}% intervals", r.bootstrap.resamples,
                       r.bootstrap.seed, r.bootstrap.level * 100);
}

std::string costLine(const CostSummary& c) {
    return fmt::format("{:.2f} questions per image ({:.2f} model calls and {:.2f} cache hits; "
                       "{} calls in all), {:.2f} escalations and {:.2f} predicates per image, {} "
                       "prompt and {} completion tokens, {:.3f} s per image, {:.1f} s of wall "
                       "time",
                       c.perImage(double(c.questions)), c.perImage(double(c.calls)),
                       c.perImage(double(c.cacheHits)), c.calls, c.perImage(double(c.escalations)),
                       c.perImage(double(c.predicates)), c.promptTokens, c.completionTokens,
                       c.perImage(c.imageSeconds), c.wallSeconds);
}

std::string scoresLine(const PrCurve& curve) {
    return fmt::format("average precision {} over {} unsafe and {} safe images with a score",
                       rateText(curve.averagePrecision), curve.positives, curve.negatives);
}

std::string mapLine(const EvalReport& r) {
    std::string line;
    if (!r.unmappedCategories.empty()) {
        line += "unmapped dataset categories (no constitution category or rule): " +
                countList(r.unmappedCategories);
    }
    if (!r.uncoveredCategories.empty()) {
        line += std::string(line.empty() ? "" : "; ") +
                "mapped to nothing: " + countList(r.uncoveredCategories);
    }
    return line;
}

} // namespace clue::eval
