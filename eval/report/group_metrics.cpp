// Errors apart, the rest into the confusion matrix and the bootstrap.
#include "eval/report/group_metrics.h"

namespace clue::eval {

MetricSet metricSetOf(const std::vector<Sample>& samples, const BootstrapOptions& bootstrap,
                      const std::string& group) {
    MetricSet m;
    m.images = samples.size();
    std::vector<Judged> judged;
    for (const Sample& s : samples) {
        if (s.error) {
            ++m.errors;
            continue;
        }
        m.confusion.add(s.truth, s.predicted);
        judged.push_back({s.truth, s.predicted});
    }
    m.positives = m.confusion.tp + m.confusion.fn;
    m.rates = ratesOf(m.confusion);
    m.intervals = bootstrapRates(judged, bootstrap, group);
    return m;
}

} // namespace clue::eval
