// A small evaluation with every kind of figure, built by hand (no model, no timing), for the
// golden reports and the HTML check: six labelled images in three dataset categories and two
// sources, a category map with an unmapped and an uncovered category, a failed image, a second
// variant and a perturbation.
#pragma once

#include "eval/labels/category_map.h"
#include "eval/report/report_builder.h"

namespace clue::test {

struct EvalFixture {
    EvalFixture();
    eval::EvalReport report() const;

    plan::Plan plan;
    eval::LabelSet labels;
    std::optional<eval::CategoryMap> map;
    std::vector<eval::VariantRun> runs;
    std::vector<eval::PerturbationRun> perturbations;
};

} // namespace clue::test
