// Metrics of one group of images from per-image truth and judgment: the building block of every
// table of the report.
#pragma once

#include "eval/metrics/bootstrap.h"
#include "eval/report/eval_report.h"

#include <string>
#include <vector>

namespace clue::eval {

// One image as a group sees it: what the labels say, and what the judge said (or nothing).
struct Sample {
    bool truth = false;     // positive: unsafe (for this group)
    bool error = false;     // the judgment gave no answer for this group
    bool predicted = false; // judged positive
};

// `group` seeds the bootstrap (see bootstrap.h), so each table's intervals are reproducible alone.
MetricSet metricSetOf(const std::vector<Sample>& samples, const BootstrapOptions& bootstrap,
                      const std::string& group);

} // namespace clue::eval
