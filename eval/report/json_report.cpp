// Field by field, in the schema's order.
#include "eval/report/json_report.h"

namespace clue::eval {
namespace {

using nlohmann::ordered_json;

template <typename T> ordered_json orNull(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json rate(const std::optional<double>& value, const std::optional<Interval>& interval) {
    return {{"value", orNull(value)},
            {"ci", interval ? ordered_json::array({interval->low, interval->high})
                            : ordered_json(nullptr)}};
}

ordered_json metricsJson(const MetricSet& m) {
    return {{"images", m.images},
            {"errors", m.errors},
            {"positives", m.positives},
            {"confusion",
             {{"tp", m.confusion.tp},
              {"fp", m.confusion.fp},
              {"tn", m.confusion.tn},
              {"fn", m.confusion.fn}}},
            {"accuracy", rate(m.rates.accuracy, m.intervals.accuracy)},
            {"precision", rate(m.rates.precision, m.intervals.precision)},
            {"recall", rate(m.rates.recall, m.intervals.recall)},
            {"f1", rate(m.rates.f1, m.intervals.f1)}};
}

ordered_json groupsJson(const std::vector<GroupMetrics>& groups) {
    ordered_json out = ordered_json::array();
    for (const GroupMetrics& g : groups) {
        ordered_json entry = {{"name", g.name}};
        entry.update(metricsJson(g.metrics));
        out.push_back(std::move(entry));
    }
    return out;
}

ordered_json countsJson(const std::vector<CategoryCount>& counts) {
    ordered_json out = ordered_json::array();
    for (const CategoryCount& c : counts) {
        out.push_back({{"name", c.name}, {"images", c.images}});
    }
    return out;
}

ordered_json costJson(const CostSummary& c) {
    ordered_json histogram = ordered_json::array();
    for (const HistogramBin& b : c.questionsHistogram) {
        histogram.push_back({{"from", b.from}, {"to", b.to}, {"images", b.images}});
    }
    return {{"images", c.images},
            {"questions", c.questions},
            {"calls", c.calls},
            {"cache_hits", c.cacheHits},
            {"calls_per_image", c.perImage(double(c.calls))},
            {"questions_per_image", c.perImage(double(c.questions))},
            {"escalations_per_image", c.perImage(double(c.escalations))},
            {"predicates_per_image", c.perImage(double(c.predicates))},
            {"tokens", {{"prompt", c.promptTokens}, {"completion", c.completionTokens}}},
            {"seconds_per_image", c.perImage(c.imageSeconds)},
            {"wall_seconds", c.wallSeconds},
            {"questions_histogram", histogram}};
}

ordered_json variantsJson(const std::vector<VariantReport>& variants) {
    ordered_json out = ordered_json::array();
    for (const VariantReport& v : variants) {
        out.push_back({{"id", v.id},
                       {"title", v.title},
                       {"metrics", metricsJson(v.metrics)},
                       {"average_precision", orNull(v.averagePrecision)},
                       {"cost", costJson(v.cost)}});
    }
    return out;
}

ordered_json robustnessJson(const std::vector<RobustnessRow>& rows) {
    ordered_json out = ordered_json::array();
    for (const RobustnessRow& r : rows) {
        out.push_back({{"perturbation", r.perturbation},
                       {"category", orNull(r.category)},
                       {"images", r.images},
                       {"judged", r.judged},
                       {"flipped", r.flipped},
                       {"unsafe_to_safe", r.unsafeToSafe},
                       {"safe_to_unsafe", r.safeToUnsafe},
                       {"errors", r.errors},
                       {"robust_accuracy", orNull(r.robustAccuracy)}});
    }
    return out;
}

ordered_json curveJson(const PrCurve& curve) {
    ordered_json points = ordered_json::array();
    for (const PrPoint& p : curve.points) {
        points.push_back(
            {{"threshold", p.threshold}, {"precision", p.precision}, {"recall", p.recall}});
    }
    return {{"positives", curve.positives},
            {"negatives", curve.negatives},
            {"average_precision", orNull(curve.averagePrecision)},
            {"pr_curve", points}};
}

ordered_json imagesJson(const std::vector<ImageRow>& images) {
    ordered_json out = ordered_json::array();
    for (const ImageRow& i : images) {
        out.push_back({{"path", i.path},
                       {"label", i.unsafe ? "unsafe" : "safe"},
                       {"category", orNull(i.category)},
                       {"source", orNull(i.source)},
                       {"verdict", std::string(runtime::toString(i.verdict))},
                       {"violated", i.violated},
                       {"score", orNull(i.score)},
                       {"error", i.errorKind.empty() ? ordered_json(nullptr)
                                                     : ordered_json{{"kind", i.errorKind},
                                                                    {"message", i.errorMessage}}},
                       {"questions", i.questions},
                       {"calls", i.calls},
                       {"cache_hits", i.cacheHits},
                       {"escalations", i.escalations},
                       {"seconds", i.seconds}});
    }
    return out;
}

ordered_json problemsJson(const std::vector<LabelProblem>& problems) {
    ordered_json out = ordered_json::array();
    for (const LabelProblem& p : problems) {
        out.push_back({{"line", p.line}, {"message", p.message}});
    }
    return out;
}

ordered_json resultsJson(const std::optional<ResultsInfo>& results) {
    if (!results) {
        return nullptr;
    }
    return {{"file", results->file},
            {"unlisted", results->unlisted},
            {"skipped_lines", problemsJson(results->skippedLines)}};
}

ordered_json inputsJson(const EvalReport& r) {
    return {{"plan",
             {{"file", r.planFile},
              {"constitution", orNull(r.constitution)},
              {"version", orNull(r.constitutionVersion)},
              {"source_digest", r.sourceDigest},
              {"prompt_version", r.promptVersion},
              {"calibration_model", orNull(r.calibrationModel)}}},
            {"model", orNull(r.model)},
            {"results", resultsJson(r.results)},
            {"labels",
             {{"file", r.labelsFile},
              {"images", r.labelledImages},
              {"unsafe", r.unsafeImages},
              {"safe", r.labelledImages - r.unsafeImages},
              {"skipped_rows", problemsJson(r.skippedRows)}}},
            {"bootstrap",
             {{"resamples", r.bootstrap.resamples},
              {"seed", r.bootstrap.seed},
              {"level", r.bootstrap.level}}}};
}

} // namespace

nlohmann::ordered_json reportJson(const EvalReport& r) {
    ordered_json out = {{"schema", kEvalSchema}};
    out.update(inputsJson(r));
    out["summary"] = metricsJson(r.summary);
    out["by_category"] = groupsJson(r.byCategory);
    out["by_source"] = groupsJson(r.bySource);
    out["by_constitution_category"] = groupsJson(r.byConstitutionCategory);
    out["by_rule"] = groupsJson(r.byRule);
    out["category_map"] = {{"file", orNull(r.categoryMapFile)},
                           {"unmapped", countsJson(r.unmappedCategories)},
                           {"uncovered", countsJson(r.uncoveredCategories)}};
    out["errors"] = r.errorsByKind;
    out["scores"] = curveJson(r.prCurve);
    out["cost"] = costJson(r.cost);
    out["variants"] = variantsJson(r.variants);
    out["robustness"] = robustnessJson(r.robustness);
    out["images"] = imagesJson(r.images);
    return out;
}

} // namespace clue::eval
