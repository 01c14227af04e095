// A small Prometheus registry: counters, gauges and histograms with labels, written in the text
// exposition format 0.0.4 (what `promtool check metrics` reads). Thread-safe; each family has its
// own lock, so recording never waits for a scrape of another family.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clue::serve {

using LabelValues = std::vector<std::string>;

class MetricFamily {
public:
    MetricFamily(std::string name, std::string help, std::vector<std::string> labels);
    virtual ~MetricFamily() = default;
    // Appends "# HELP", "# TYPE" and every sample to `out`.
    void write(std::string& out) const;

protected:
    virtual const char* type() const = 0;
    virtual void writeSamples(std::string& out) const = 0;
    // `name{label="value",...}` with `extra` (already formatted) appended inside the braces.
    std::string series(const std::string& name, const LabelValues& values,
                       const std::string& extra = "") const;

    std::string name_;
    std::string help_;
    std::vector<std::string> labels_;
    mutable std::mutex mutex_;
};

class CounterFamily : public MetricFamily {
public:
    using MetricFamily::MetricFamily;
    void add(const LabelValues& values, double amount = 1);
    double value(const LabelValues& values) const;

private:
    const char* type() const override { return "counter"; }
    void writeSamples(std::string& out) const override;
    std::map<LabelValues, double> values_;
};

class GaugeFamily : public MetricFamily {
public:
    using MetricFamily::MetricFamily;
    void set(const LabelValues& values, double value);
    // Drops every series (an info gauge whose labels changed).
    void clear();

private:
    const char* type() const override { return "gauge"; }
    void writeSamples(std::string& out) const override;
    std::map<LabelValues, double> values_;
};

// A gauge without labels read when scraped (queue depth, connections).
class CallbackGauge : public MetricFamily {
public:
    CallbackGauge(std::string name, std::string help, std::function<double()> read);

private:
    const char* type() const override { return "gauge"; }
    void writeSamples(std::string& out) const override;
    std::function<double()> read_;
};

class HistogramFamily : public MetricFamily {
public:
    HistogramFamily(std::string name, std::string help, std::vector<std::string> labels,
                    std::vector<double> bounds);
    void observe(const LabelValues& values, double value);

private:
    struct Series {
        std::vector<std::uint64_t> buckets; // per bound, not cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    const char* type() const override { return "histogram"; }
    void writeSamples(std::string& out) const override;
    std::vector<double> bounds_;
    std::map<LabelValues, Series> series_;
};

class MetricsRegistry {
public:
    template <typename Family, typename... Args> Family& add(Args&&... args) {
        auto family = std::make_unique<Family>(std::forward<Args>(args)...);
        Family& ref = *family;
        std::lock_guard lock(mutex_);
        families_.push_back(std::move(family));
        return ref;
    }
    // Every family in registration order, as Prometheus' text format.
    std::string render() const;

private:
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<MetricFamily>> families_;
};

// A sample value as the text format spells it (+Inf, -Inf, NaN, shortest round-trip decimal).
std::string formatSampleValue(double value);
// A label value with \, " and line feeds escaped.
std::string escapeLabelValue(const std::string& value);

} // namespace clue::serve
