// SVG markup with fixed geometry; numbers printed with two decimals so the file is stable.
#include "eval/report/svg_chart.h"

#include "common/html_escape.h"

#include <fmt/format.h>

#include <algorithm>

namespace clue::eval {
namespace {

constexpr const char* kColours[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"};
constexpr double kLeft = 48, kTop = 16, kPlotHeight = 180;

std::string svgOpen(double width, double height, const std::string& label) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" "
                       "height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" "
                       "aria-label=\"{}\">",
                       width, height, width, height, htmlEscape(label));
}

std::string text(double x, double y, const std::string& content, const char* anchor = "middle") {
    return fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"{}\">{}</text>", x, y, anchor,
                       htmlEscape(content));
}

// Horizontal grid lines and labels for a [0, 1] axis.
std::string unitAxis(double width) {
    std::string out;
    for (int k = 0; k <= 4; ++k) {
        const double y = kTop + kPlotHeight * (1 - k / 4.0);
        out += fmt::format("<line class=\"grid\" x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" "
                           "y2=\"{:.2f}\"/>",
                           kLeft, y, width - 8, y);
        out += text(kLeft - 6, y + 4, fmt::format("{:.2f}", k / 4.0), "end");
    }
    return out;
}

} // namespace

std::string groupedBars(const std::vector<BarGroup>& groups,
                        const std::vector<std::string>& series) {
    const double bar = 12, gap = 18;
    const double groupWidth = bar * double(series.size()) + gap;
    const double width = kLeft + groupWidth * double(std::max<std::size_t>(groups.size(), 1)) + 8;
    const double height = kTop + kPlotHeight + 70;
    std::string out = svgOpen(width, height, "bars per group") + unitAxis(width);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const double x0 = kLeft + gap / 2 + groupWidth * double(g);
        for (std::size_t s = 0; s < series.size() && s < groups[g].values.size(); ++s) {
            if (!groups[g].values[s]) {
                continue;
            }
            const double v = std::clamp(*groups[g].values[s], 0.0, 1.0);
            out += fmt::format("<rect class=\"bar\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" "
                               "height=\"{:.2f}\" fill=\"{}\"><title>{} {}: {:.3f}</title></rect>",
                               x0 + bar * double(s), kTop + kPlotHeight * (1 - v), bar - 1,
                               kPlotHeight * v, kColours[s % 5], htmlEscape(groups[g].label),
                               htmlEscape(series[s]), v);
        }
        const double cx = x0 + bar * double(series.size()) / 2;
        out += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"end\" "
                           "transform=\"rotate(-35 {:.2f} {:.2f})\">{}</text>",
                           cx, kTop + kPlotHeight + 14, cx, kTop + kPlotHeight + 14,
                           htmlEscape(groups[g].label));
    }
    for (std::size_t s = 0; s < series.size(); ++s) {
        const double x = kLeft + 90 * double(s);
        out += fmt::format("<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"10\" height=\"10\" "
                           "fill=\"{}\"/>",
                           x, height - 14, kColours[s % 5]);
        out += text(x + 14, height - 5, series[s], "start");
    }
    return out + "</svg>";
}

std::string prCurveChart(const PrCurve& curve, std::optional<double> precision,
                         std::optional<double> recall) {
    const double width = 360, plot = 280, height = kTop + kPlotHeight + 40;
    auto px = [&](double r) {
        return kLeft + plot * r;
    };
    auto py = [&](double p) {
        return kTop + kPlotHeight * (1 - p);
    };
    std::string out = svgOpen(width, height, "precision-recall curve") + unitAxis(width);
    std::string points = fmt::format("{:.2f},{:.2f}", px(0),
                                     py(curve.points.empty() ? 0 : curve.points[0].precision));
    for (const PrPoint& p : curve.points) {
        points += fmt::format(" {:.2f},{:.2f}", px(p.recall), py(p.precision));
    }
    out += fmt::format("<polyline class=\"curve\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
                       "points=\"{}\"/>",
                       kColours[0], points);
    if (precision && recall) {
        out += fmt::format("<circle class=\"operating-point\" cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"5\" "
                           "fill=\"{}\"><title>fixed thresholds: precision {:.3f}, recall "
                           "{:.3f}</title></circle>",
                           px(*recall), py(*precision), kColours[3], *precision, *recall);
    }
    out += text(kLeft + plot / 2, height - 6, "recall");
    out += text(12, kTop + kPlotHeight / 2, "precision", "middle");
    return out + "</svg>";
}

std::string histogramChart(const std::vector<HistogramBin>& bins) {
    std::size_t most = 1;
    for (const HistogramBin& b : bins) {
        most = std::max(most, b.images);
    }
    const double bar = 18;
    const double width = kLeft + bar * double(std::max<std::size_t>(bins.size(), 1)) + 16;
    const double height = kTop + kPlotHeight + 40;
    std::string out = svgOpen(width, height, "questions per image");
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const HistogramBin& b = bins[i];
        const double h = kPlotHeight * double(b.images) / double(most);
        const std::string range =
            b.from == b.to ? std::to_string(b.from) : fmt::format("{}-{}", b.from, b.to);
        out += fmt::format("<rect class=\"bin\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" "
                           "height=\"{:.2f}\" fill=\"{}\"><title>{} questions: {} "
                           "images</title></rect>",
                           kLeft + bar * double(i), kTop + kPlotHeight - h, bar - 2, h, kColours[0],
                           range, b.images);
        if (i % 2 == 0) {
            out += text(kLeft + bar * (double(i) + 0.5), kTop + kPlotHeight + 14, range);
        }
    }
    out += text(8, kTop + 10, std::to_string(most), "start");
    out += text(kLeft + bar * double(bins.size()) / 2, height - 6, "questions per image");
    return out + "</svg>";
}

} // namespace clue::eval
