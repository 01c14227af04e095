// Assembling the report: the groups, the curve, the variants and the robustness rows.
#include "eval/report/report_builder.h"

#include "eval/report/cost_summary.h"
#include "eval/report/group_metrics.h"
#include "eval/report/robustness_table.h"

#include <map>

namespace clue::eval {
namespace {

using runtime::RuleState;

struct Context {
    const ReportInputs& in;
    const plan::Plan& plan;
    const LabelSet& labels;
    const VariantRun& main;
};

Sample verdictSample(const LabeledImage& label, const ImageOutcome& o) {
    return {label.unsafe, o.error, o.judgedUnsafe()};
}

// Samples grouped by a label field; images without it under kNoCategory when `keepMissing`.
template <typename Field>
std::vector<GroupMetrics> groupsBy(const Context& c, Field field, const std::string& prefix,
                                   bool keepMissing) {
    std::map<std::string, std::vector<Sample>> groups;
    for (std::size_t i = 0; i < c.labels.images.size(); ++i) {
        const std::optional<std::string>& value = field(c.labels.images[i]);
        if (value || keepMissing) {
            groups[value.value_or(kNoCategory)].push_back(
                verdictSample(c.labels.images[i], c.main.outcomes[i]));
        }
    }
    std::vector<GroupMetrics> out;
    for (const auto& [name, samples] : groups) {
        out.push_back({name, metricSetOf(samples, c.in.bootstrap, prefix + name)});
    }
    return out;
}

// A rule set's answer on one image: violated if any rule is, error if none is and one is in
// error or was not evaluated (or the image has no rule states), else clear.
RuleState stateOf(const ImageOutcome& o, const std::vector<std::size_t>& rules) {
    if (o.rules.empty()) {
        return RuleState::Error;
    }
    RuleState state = RuleState::Clear;
    for (std::size_t r : rules) {
        if (o.rules[r] == RuleState::Violated) {
            return RuleState::Violated;
        }
        const bool unknown =
            o.rules[r] == RuleState::Error || o.rules[r] == RuleState::NotEvaluated;
        state = unknown ? RuleState::Error : state;
    }
    return state;
}

// Positives: unsafe images whose dataset category maps to the target; negatives: safe images;
// other unsafe images say nothing about this target and are left out.
template <typename Covers>
MetricSet targetMetrics(const Context& c, const std::vector<std::size_t>& rules, Covers covers,
                        const std::string& group) {
    std::vector<Sample> samples;
    for (std::size_t i = 0; i < c.labels.images.size(); ++i) {
        const LabeledImage& label = c.labels.images[i];
        const CategoryTarget* target =
            label.category ? c.in.categoryMap->find(*label.category) : nullptr;
        if (label.unsafe && (target == nullptr || !covers(*target))) {
            continue;
        }
        const RuleState state = stateOf(c.main.outcomes[i], rules);
        samples.push_back({label.unsafe, state == RuleState::Error, state == RuleState::Violated});
    }
    return metricSetOf(samples, c.in.bootstrap, group);
}

bool anyUnsafeMapped(const Context& c) {
    for (const LabeledImage& label : c.labels.images) {
        const CategoryTarget* t =
            label.category ? c.in.categoryMap->find(*label.category) : nullptr;
        if (label.unsafe && t != nullptr && !t->empty()) {
            return true;
        }
    }
    return false;
}

void constitutionGroups(const Context& c, EvalReport& r) {
    if (!anyUnsafeMapped(c)) {
        return;
    }
    const CategoryMap& map = *c.in.categoryMap;
    for (const plan::Category& category : c.plan.categories) {
        std::vector<std::size_t> rules;
        for (std::size_t i = 0; i < c.plan.rules.size(); ++i) {
            if (c.plan.rules[i].category == category.id) {
                rules.push_back(i);
            }
        }
        auto covers = [&](const CategoryTarget& t) {
            return map.coversCategory(t, category.id);
        };
        r.byConstitutionCategory.push_back(
            {category.id, targetMetrics(c, rules, covers, "constitution-category:" + category.id)});
    }
    for (std::size_t i = 0; i < c.plan.rules.size(); ++i) {
        const std::string& id = c.plan.rules[i].id;
        auto covers = [&](const CategoryTarget& t) {
            return CategoryMap::coversRule(t, id);
        };
        r.byRule.push_back({id, targetMetrics(c, {i}, covers, "rule:" + id)});
    }
}

void mapCoverage(const Context& c, EvalReport& r) {
    std::map<std::string, std::size_t> unmapped, uncovered;
    for (const LabeledImage& label : c.labels.images) {
        if (!label.category) {
            continue;
        }
        const CategoryTarget* t = c.in.categoryMap->find(*label.category);
        if (t == nullptr) {
            ++unmapped[*label.category];
        } else if (t->empty()) {
            ++uncovered[*label.category];
        }
    }
    for (const auto& [name, n] : unmapped) {
        r.unmappedCategories.push_back({name, n});
    }
    for (const auto& [name, n] : uncovered) {
        r.uncoveredCategories.push_back({name, n});
    }
    if (c.in.categoryMap->file()) {
        r.categoryMapFile = c.in.categoryMap->file()->string();
    }
}

PrCurve curveOf(const LabelSet& labels, const VariantRun& run) {
    std::vector<ScoredImage> scored;
    for (std::size_t i = 0; i < labels.images.size(); ++i) {
        if (run.outcomes[i].score && !run.outcomes[i].error) {
            scored.push_back({*run.outcomes[i].score, labels.images[i].unsafe});
        }
    }
    return prCurve(std::move(scored));
}

ImageRow imageRow(const plan::Plan& plan, const LabeledImage& label, const ImageOutcome& o) {
    ImageRow row;
    row.path = label.given;
    row.unsafe = label.unsafe;
    row.category = label.category;
    row.source = label.source;
    row.verdict = o.verdict;
    for (std::size_t r = 0; r < o.rules.size() && r < plan.rules.size(); ++r) {
        if (o.rules[r] == RuleState::Violated) {
            row.violated.push_back(plan.rules[r].id);
        }
    }
    row.score = o.score;
    row.errorKind = o.error || o.failed ? o.errorKind : "";
    row.errorMessage = o.error || o.failed ? o.errorMessage : "";
    row.questions = o.questions;
    row.calls = o.cost.calls;
    row.cacheHits = o.cost.cacheHits;
    row.escalations = o.escalations;
    row.seconds = o.seconds;
    return row;
}

void describe(const ReportInputs& in, EvalReport& r) {
    const plan::Plan& plan = *in.plan;
    r.planFile = in.planFile;
    r.constitution = plan.constitution.name;
    r.constitutionVersion = plan.constitution.version;
    r.sourceDigest = plan.source.digest;
    r.promptVersion = plan.prompts.version;
    r.calibrationModel = plan.calibrationModel;
    r.model = in.model;
    r.results = in.results;
    r.labelsFile = in.labels->file.string();
    r.labelledImages = in.labels->images.size();
    r.unsafeImages = in.labels->unsafeCount();
    r.skippedRows = in.labels->skipped;
    r.bootstrap = in.bootstrap;
}

// The main run's group is "summary", so its intervals equal the summary's.
VariantReport variantReport(const Context& c, const VariantRun& run, const std::string& group) {
    std::vector<Sample> samples;
    for (std::size_t i = 0; i < c.labels.images.size(); ++i) {
        samples.push_back(verdictSample(c.labels.images[i], run.outcomes[i]));
    }
    return {run.spec.id, run.spec.title, metricSetOf(samples, c.in.bootstrap, group),
            curveOf(c.labels, run).averagePrecision, costOf(run)};
}

} // namespace

EvalReport buildReport(const ReportInputs& in) {
    const Context c{in, *in.plan, *in.labels, in.runs->front()};
    EvalReport r;
    describe(in, r);
    std::vector<Sample> all;
    for (std::size_t i = 0; i < c.labels.images.size(); ++i) {
        all.push_back(verdictSample(c.labels.images[i], c.main.outcomes[i]));
        if (c.main.outcomes[i].error) {
            ++r.errorsByKind[c.main.outcomes[i].errorKind];
        }
        r.images.push_back(imageRow(c.plan, c.labels.images[i], c.main.outcomes[i]));
    }
    r.summary = metricSetOf(all, in.bootstrap, "summary");
    r.byCategory = groupsBy(
        c, [](const LabeledImage& l) -> auto& { return l.category; }, "category:", true);
    r.bySource = groupsBy(
        c, [](const LabeledImage& l) -> auto& { return l.source; }, "source:", false);
    constitutionGroups(c, r);
    mapCoverage(c, r);
    r.prCurve = curveOf(c.labels, c.main);
    r.cost = costOf(c.main);
    for (const VariantRun& run : *in.runs) {
        r.variants.push_back(
            variantReport(c, run, &run == &c.main ? "summary" : "variant:" + run.spec.id));
    }
    if (in.perturbations != nullptr) {
        for (const PerturbationRun& run : *in.perturbations) {
            for (RobustnessRow& row : robustnessRows(run, c.labels)) {
                r.robustness.push_back(std::move(row));
            }
        }
    }
    return r;
}

} // namespace clue::eval
