// Sections of HTML with tables and SVG charts, a stylesheet and a small sorting script inline.
#include "eval/report/html_report.h"

#include "common/html_escape.h"

#include "eval/report/report_tables.h"
#include "eval/report/svg_chart.h"
#include "eval/report/text_table.h"

#include <fmt/format.h>

namespace clue::eval {
namespace {

constexpr const char* kStyle = R"(
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 76em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { padding: .2em .6em; border-bottom: 1px solid #eee; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { cursor: pointer; background: #f6f6f6; }
table.confusion td { min-width: 5em; text-align: center; }
svg text { font-size: 11px; fill: #444; } svg line.grid { stroke: #e4e4e4; }
.note { color: #666; }
)";

// Sorts a table by the clicked column (numbers as numbers), then marks the page as ready: the
// headless check reads that mark to know the script ran to its end.
constexpr const char* kScript = R"(
(function () {
  document.querySelectorAll("table.sortable th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var table = th.closest("table");
      var rows = Array.prototype.slice.call(table.querySelectorAll("tr")).slice(1);
      var key = function (row) {
        var text = row.children[th.cellIndex].textContent;
        var number = parseFloat(text);
        return isNaN(number) ? text : number;
      };
      var descending = th.dataset.sorted !== "down";
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
      });
      th.dataset.sorted = descending ? "down" : "up";
      rows.forEach(function (row) { table.appendChild(row); });
    });
  });
  document.body.dataset.ready = "1";
})();
)";

std::string td(const std::string& key, const std::string& content) {
    return fmt::format("<td data-key=\"{}\">{}</td>", htmlEscape(key), htmlEscape(content));
}

std::string tdPlain(const std::string& content) {
    return "<td>" + htmlEscape(content) + "</td>";
}

std::string headerRow(const std::vector<std::string>& names) {
    std::string out = "<tr>";
    for (const std::string& n : names) {
        out += "<th>" + htmlEscape(n) + "</th>";
    }
    return out + "</tr>";
}

std::string rateCells(const std::string& key, const MetricSet& m) {
    return td(key + ".accuracy.value", rateText(m.rates.accuracy)) +
           td(key + ".precision.value", rateText(m.rates.precision)) +
           td(key + ".recall.value", rateText(m.rates.recall)) +
           td(key + ".f1.value", rateText(m.rates.f1));
}

std::string countCells(const std::string& key, const MetricSet& m) {
    return td(key + ".images", std::to_string(m.images)) +
           td(key + ".errors", std::to_string(m.errors)) +
           td(key + ".confusion.tp", std::to_string(m.confusion.tp)) +
           td(key + ".confusion.fp", std::to_string(m.confusion.fp)) +
           td(key + ".confusion.tn", std::to_string(m.confusion.tn)) +
           td(key + ".confusion.fn", std::to_string(m.confusion.fn));
}

std::string summarySection(const EvalReport& r) {
    std::string out = "<section id=\"summary\"><h2>Summary</h2><table class=\"metrics\">" +
                      headerRow({"metric", "value", "95% interval"});
    for (const auto& [name, key, value, interval] :
         {std::tuple{"accuracy", "accuracy", r.summary.rates.accuracy,
                     r.summary.intervals.accuracy},
          std::tuple{"precision", "precision", r.summary.rates.precision,
                     r.summary.intervals.precision},
          std::tuple{"recall", "recall", r.summary.rates.recall, r.summary.intervals.recall},
          std::tuple{"F1", "f1", r.summary.rates.f1, r.summary.intervals.f1}}) {
        out += "<tr>" + tdPlain(name) +
               td(std::string("summary.") + key + ".value", rateText(value)) +
               tdPlain(intervalText(interval)) + "</tr>";
    }
    const Confusion& c = r.summary.confusion;
    out += "</table><h3>Confusion matrix</h3><table class=\"confusion\">" +
           headerRow({"", "judged unsafe", "judged safe"}) + "<tr>" + tdPlain("labelled unsafe") +
           td("summary.confusion.tp", std::to_string(c.tp)) +
           td("summary.confusion.fn", std::to_string(c.fn)) + "</tr><tr>" +
           tdPlain("labelled safe") + td("summary.confusion.fp", std::to_string(c.fp)) +
           td("summary.confusion.tn", std::to_string(c.tn)) + "</tr></table>";
    out += "<p>Images without a verdict, counted apart: " +
           std::string("<span data-key=\"summary.errors\">") + std::to_string(r.summary.errors) +
           "</span> of <span data-key=\"summary.images\">" + std::to_string(r.summary.images) +
           "</span>.</p>";
    return out + "</section>";
}

std::string groupSection(const std::string& id, const std::string& title, const std::string& key,
                         const std::vector<GroupMetrics>& groups, bool bars) {
    if (groups.empty()) {
        return "";
    }
    std::string out = "<section id=\"" + id + "\"><h2>" + htmlEscape(title) + "</h2>";
    if (bars) {
        std::vector<BarGroup> chart;
        for (const GroupMetrics& g : groups) {
            chart.push_back(
                {g.name, {g.metrics.rates.precision, g.metrics.rates.recall, g.metrics.rates.f1}});
        }
        out += "<figure>" + groupedBars(chart, {"precision", "recall", "F1"}) + "</figure>";
    }
    out +=
        "<table class=\"sortable\">" + headerRow({"name", "images", "errors", "tp", "fp", "tn",
                                                  "fn", "accuracy", "precision", "recall", "F1"});
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::string k = key + "." + std::to_string(i);
        out += "<tr>" + td(k + ".name", groups[i].name) + countCells(k, groups[i].metrics) +
               rateCells(k, groups[i].metrics) + "</tr>";
    }
    return out + "</table></section>";
}

std::string variantsSection(const EvalReport& r) {
    std::string out =
        "<section id=\"variants\"><h2>Variants</h2><p class=\"note\">Questions "
        "are the model calls each variant would make without a cache; calls are "
        "those it made.</p><table class=\"sortable\">" +
        headerRow({"variant", "", "accuracy", "precision", "recall", "F1", "AP", "errors",
                   "questions/image", "calls/image", "escalations/image", "s/image"});
    for (std::size_t i = 0; i < r.variants.size(); ++i) {
        const VariantReport& v = r.variants[i];
        const CostSummary& c = v.cost;
        const std::string k = "variants." + std::to_string(i);
        out += "<tr>" + td(k + ".id", v.id) + tdPlain(v.title) +
               rateCells(k + ".metrics", v.metrics) +
               td(k + ".average_precision", rateText(v.averagePrecision)) +
               td(k + ".metrics.errors", std::to_string(v.metrics.errors)) +
               td(k + ".cost.questions_per_image", fixed(c.perImage(double(c.questions)), 2)) +
               td(k + ".cost.calls_per_image", fixed(c.perImage(double(c.calls)), 2)) +
               td(k + ".cost.escalations_per_image", fixed(c.perImage(double(c.escalations)), 2)) +
               td(k + ".cost.seconds_per_image", fixed(c.perImage(c.imageSeconds), 3)) + "</tr>";
    }
    return out + "</table></section>";
}

std::string scoresSection(const EvalReport& r) {
    return "<section id=\"scores\"><h2>Image scores</h2><p>Average precision <span "
           "data-key=\"scores.average_precision\">" +
           rateText(r.prCurve.averagePrecision) +
           "</span> over <span data-key=\"scores.positives\">" +
           std::to_string(r.prCurve.positives) +
           "</span> unsafe and <span "
           "data-key=\"scores.negatives\">" +
           std::to_string(r.prCurve.negatives) +
           "</span> safe images with a score; the dot is the operating point of the fixed "
           "thresholds.</p><figure>" +
           prCurveChart(r.prCurve, r.summary.rates.precision, r.summary.rates.recall) +
           "</figure></section>";
}

std::string costSection(const EvalReport& r) {
    const CostSummary& c = r.cost;
    return "<section id=\"cost\"><h2>Cost</h2><table>" +
           headerRow({"per image", "calls", "cache hits", "escalations", "predicates", "seconds"}) +
           "<tr>" + tdPlain("") +
           td("cost.calls_per_image", fixed(c.perImage(double(c.calls)), 2)) +
           tdPlain(fixed(c.perImage(double(c.cacheHits)), 2)) +
           td("cost.escalations_per_image", fixed(c.perImage(double(c.escalations)), 2)) +
           td("cost.predicates_per_image", fixed(c.perImage(double(c.predicates)), 2)) +
           td("cost.seconds_per_image", fixed(c.perImage(c.imageSeconds), 3)) + "</tr></table><p>" +
           htmlEscape(costLine(c)) + "</p><figure>" + histogramChart(c.questionsHistogram) +
           "</figure></section>";
}

std::string robustnessSection(const EvalReport& r) {
    if (r.robustness.empty()) {
        return "";
    }
    std::string out = "<section id=\"robustness\"><h2>Robustness</h2><table class=\"sortable\">" +
                      headerRow({"perturbation", "category", "images", "judged", "flipped",
                                 "unsafe to safe", "safe to unsafe", "errors", "robust accuracy"});
    for (std::size_t i = 0; i < r.robustness.size(); ++i) {
        const RobustnessRow& row = r.robustness[i];
        const std::string k = "robustness." + std::to_string(i);
        out += "<tr>" + td(k + ".perturbation", row.perturbation) +
               tdPlain(row.category.value_or("all")) +
               td(k + ".images", std::to_string(row.images)) +
               td(k + ".judged", std::to_string(row.judged)) +
               td(k + ".flipped", std::to_string(row.flipped)) +
               td(k + ".unsafe_to_safe", std::to_string(row.unsafeToSafe)) +
               td(k + ".safe_to_unsafe", std::to_string(row.safeToUnsafe)) +
               td(k + ".errors", std::to_string(row.errors)) +
               td(k + ".robust_accuracy", rateText(row.robustAccuracy)) + "</tr>";
    }
    return out + "</table></section>";
}

std::string notesSection(const EvalReport& r) {
    std::string out;
    if (const std::string line = mapLine(r); !line.empty()) {
        out += "<p>" + htmlEscape(line) + "</p>";
    }
    TextTable errors = errorTable(r);
    if (!errors.empty()) {
        out += "<p>" + std::to_string(r.summary.errors) + " image(s) without a verdict:</p><pre>" +
               htmlEscape(errors.text(0)) + "</pre>";
    }
    return out.empty() ? "" : "<section id=\"notes\"><h2>Notes</h2>" + out + "</section>";
}

} // namespace

std::string htmlReport(const EvalReport& r) {
    const std::string title = "clue eval: " + subjectLine(r);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
                      "<title>" +
                      htmlEscape(title) + "</title><style>" + kStyle +
                      "</style></head><body>\n<h1>" + htmlEscape(title) + "</h1><p>" +
                      htmlEscape(labelsLine(r)) + "</p>" +
                      "<p class=\"note\">Unsafe is the positive class. Bootstrap: " +
                      htmlEscape(bootstrapLine(r)) + ".</p>\n";
    out += summarySection(r) + "\n";
    out += groupSection("categories", "By dataset category", "by_category", r.byCategory, true);
    out += groupSection("sources", "By source", "by_source", r.bySource, false);
    out += groupSection("constitution", "By constitution category", "by_constitution_category",
                        r.byConstitutionCategory, true);
    out += groupSection("rules", "By rule", "by_rule", r.byRule, false) + "\n";
    out += scoresSection(r) + "\n" + variantsSection(r) + "\n" + costSection(r) + "\n";
    out += robustnessSection(r) + notesSection(r);
    out += "\n<script>" + std::string(kScript) + "</script>\n</body></html>\n";
    return out;
}

} // namespace clue::eval
