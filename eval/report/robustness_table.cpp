// Counting flips.
#include "eval/report/robustness_table.h"

#include "eval/report/report_builder.h"

#include <map>

namespace clue::eval {
namespace {

void count(RobustnessRow& row, const PerturbedImage& image) {
    ++row.images;
    if (!image.outcome || image.outcome->error) {
        ++row.errors;
        return;
    }
    ++row.judged;
    const bool wasUnsafe = image.original == runtime::Verdict::Unsafe;
    if (image.outcome->judgedUnsafe() != wasUnsafe) {
        ++row.flipped;
        ++(wasUnsafe ? row.unsafeToSafe : row.safeToUnsafe);
    }
}

void finish(RobustnessRow& row) {
    if (row.judged > 0) {
        row.robustAccuracy = 1.0 - double(row.flipped) / double(row.judged);
    }
}

} // namespace

std::vector<RobustnessRow> robustnessRows(const PerturbationRun& run, const LabelSet& labels) {
    const std::string spec = run.perturbation.spec();
    RobustnessRow overall;
    overall.perturbation = spec;
    std::map<std::string, RobustnessRow> byCategory;
    for (const PerturbedImage& image : run.images) {
        count(overall, image);
        const std::string category = labels.images[image.label].category.value_or(kNoCategory);
        RobustnessRow& row = byCategory[category];
        row.perturbation = spec;
        row.category = category;
        count(row, image);
    }
    std::vector<RobustnessRow> rows{overall};
    for (auto& [name, row] : byCategory) {
        rows.push_back(row);
    }
    for (RobustnessRow& row : rows) {
        finish(row);
    }
    return rows;
}

} // namespace clue::eval
