// Recording metrics and writing them in Prometheus' text format.
#include "serve/metrics_registry.h"

#include <fmt/format.h>

#include <cmath>

namespace clue::serve {

std::string formatSampleValue(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    return fmt::format("{}", value);
}

std::string escapeLabelValue(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

MetricFamily::MetricFamily(std::string name, std::string help, std::vector<std::string> labels)
    : name_(std::move(name)), help_(std::move(help)), labels_(std::move(labels)) {}

void MetricFamily::write(std::string& out) const {
    std::string help;
    for (char c : help_) {
        help += c == '\n'   ? std::string("\\n")
                : c == '\\' ? std::string("\\\\")
                            : std::string(1, c);
    }
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name_, help, name_, type());
    std::lock_guard lock(mutex_);
    writeSamples(out);
}

std::string MetricFamily::series(const std::string& name, const LabelValues& values,
                                 const std::string& extra) const {
    std::string labels;
    for (std::size_t i = 0; i < labels_.size() && i < values.size(); ++i) {
        labels += fmt::format("{}{}=\"{}\"", labels.empty() ? "" : ",", labels_[i],
                              escapeLabelValue(values[i]));
    }
    if (!extra.empty()) {
        labels += (labels.empty() ? "" : ",") + extra;
    }
    return labels.empty() ? name : name + "{" + labels + "}";
}

void CounterFamily::add(const LabelValues& values, double amount) {
    std::lock_guard lock(mutex_);
    values_[values] += amount;
}

double CounterFamily::value(const LabelValues& values) const {
    std::lock_guard lock(mutex_);
    auto found = values_.find(values);
    return found == values_.end() ? 0 : found->second;
}

void CounterFamily::writeSamples(std::string& out) const {
    for (const auto& [values, value] : values_) {
        out += series(name_, values) + " " + formatSampleValue(value) + "\n";
    }
}

void GaugeFamily::set(const LabelValues& values, double value) {
    std::lock_guard lock(mutex_);
    values_[values] = value;
}

void GaugeFamily::clear() {
    std::lock_guard lock(mutex_);
    values_.clear();
}

void GaugeFamily::writeSamples(std::string& out) const {
    for (const auto& [values, value] : values_) {
        out += series(name_, values) + " " + formatSampleValue(value) + "\n";
    }
}

CallbackGauge::CallbackGauge(std::string name, std::string help, std::function<double()> read)
    : MetricFamily(std::move(name), std::move(help), {}), read_(std::move(read)) {}

void CallbackGauge::writeSamples(std::string& out) const {
    out += name_ + " " + formatSampleValue(read_()) + "\n";
}

HistogramFamily::HistogramFamily(std::string name, std::string help,
                                 std::vector<std::string> labels, std::vector<double> bounds)
    : MetricFamily(std::move(name), std::move(help), std::move(labels)),
      bounds_(std::move(bounds)) {}

void HistogramFamily::observe(const LabelValues& values, double value) {
    std::lock_guard lock(mutex_);
    Series& s = series_[values];
    s.buckets.resize(bounds_.size());
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
        if (value <= bounds_[i]) {
            ++s.buckets[i];
            break;
        }
    }
    ++s.count;
    s.sum += value;
}

void HistogramFamily::writeSamples(std::string& out) const {
    for (const auto& [values, s] : series_) {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bounds_.size(); ++i) {
            cumulative += s.buckets[i];
            out +=
                series(name_ + "_bucket", values, "le=\"" + formatSampleValue(bounds_[i]) + "\"") +
                " " + std::to_string(cumulative) + "\n";
        }
        out +=
            series(name_ + "_bucket", values, "le=\"+Inf\"") + " " + std::to_string(s.count) + "\n";
        out += series(name_ + "_sum", values) + " " + formatSampleValue(s.sum) + "\n";
        out += series(name_ + "_count", values) + " " + std::to_string(s.count) + "\n";
    }
}

std::string MetricsRegistry::render() const {
    std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& family : families_) {
        family->write(out);
    }
    return out;
}

} // namespace clue::serve
