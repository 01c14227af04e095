// Small charts drawn as inline SVG for the HTML report: grouped bars, a precision-recall curve
// and a histogram. Values come in already scaled (rates in [0, 1], counts as they are); each
// chart has a <title> per mark, so hovering shows the figure.
#pragma once

#include "eval/metrics/pr_curve.h"
#include "eval/report/eval_report.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

struct BarGroup {
    std::string label;
    std::vector<std::optional<double>> values; // one per series, in [0, 1]; nothing: no bar
};

// Bars per group, one colour per series, with a legend.
std::string groupedBars(const std::vector<BarGroup>& groups,
                        const std::vector<std::string>& series);
// Precision against recall, with the operating point of the fixed thresholds marked.
std::string prCurveChart(const PrCurve& curve, std::optional<double> precision,
                         std::optional<double> recall);
// Images per bin of questions per image.
std::string histogramChart(const std::vector<HistogramBin>& bins);

} // namespace clue::eval
