// The reports of a hand-built evaluation: the figures the builder computes (checked by hand),
// golden text, Markdown and JSON (CLUE_UPDATE_GOLDEN=1 rewrites them), the JSON against its
// published schema, and the HTML page rendered by headless Chromium against the JSON.
#include "eval/report/html_report.h"
#include "eval/report/json_report.h"
#include "eval/report/text_report.h"
#include "tests/eval/report_fixture.h"
#include "tests/judge/subprocess.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace clue::eval {
namespace {

const std::filesystem::path kGolden = std::filesystem::path(CLUE_SOURCE_DIR) / "tests/eval/golden";

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void expectGolden(const std::string& name, const std::string& actual) {
    const auto file = kGolden / name;
    if (std::getenv("CLUE_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(file, std::ios::binary) << actual;
        return;
    }
    EXPECT_EQ(actual, slurp(file))
        << "differs from " << file << " (CLUE_UPDATE_GOLDEN=1 rewrites it; review the diff)";
}

TEST(Report, FiguresByHand) {
    const EvalReport r = test::EvalFixture().report();
    // Five images with a verdict: 1 and 4 caught, 2 missed, 3 flagged, 5 clear; 6 apart.
    EXPECT_EQ(r.summary.images, 6u);
    EXPECT_EQ(r.summary.errors, 1u);
    EXPECT_EQ(r.summary.confusion, (Confusion{2, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(*r.summary.rates.accuracy, 0.6);
    EXPECT_DOUBLE_EQ(*r.summary.rates.recall, 2.0 / 3);
    EXPECT_DOUBLE_EQ(*r.summary.rates.precision, 2.0 / 3);
    EXPECT_DOUBLE_EQ(*r.summary.rates.f1, 2.0 / 3);
    // Dataset categories, by name: Hate (only the failed image), Sexual, Spam, Violence.
    ASSERT_EQ(r.byCategory.size(), 4u);
    EXPECT_EQ(r.byCategory[0].name, "Hate");
    EXPECT_FALSE(r.byCategory[0].metrics.rates.accuracy) << "no judged image";
    EXPECT_EQ(r.byCategory[2].name, "Spam");
    EXPECT_FALSE(r.byCategory[2].metrics.rates.recall) << "a category with no positives";
    EXPECT_DOUBLE_EQ(*r.byCategory[2].metrics.rates.accuracy, 1.0);
    ASSERT_EQ(r.bySource.size(), 2u);
    // Constitution: violence's positives are images 1, 2 (Violence); negatives 3 and 5 (safe).
    ASSERT_EQ(r.byConstitutionCategory.size(), 2u);
    const MetricSet& violence = r.byConstitutionCategory[0].metrics;
    EXPECT_EQ(violence.images, 4u);
    EXPECT_EQ(violence.confusion, (Confusion{1, 1, 1, 1}));
    // Rule nudity: positive image 4 (Sexual maps to the rule), negatives 3 and 5.
    ASSERT_EQ(r.byRule.size(), 3u);
    EXPECT_EQ(r.byRule[2].metrics.confusion, (Confusion{1, 0, 2, 0}));
    EXPECT_EQ(r.byRule[0].metrics.positives, 0u) << "Violence maps to the category, not the rule";
    ASSERT_EQ(r.unmappedCategories.size(), 1u);
    EXPECT_EQ(r.unmappedCategories[0].name, "Hate");
    ASSERT_EQ(r.uncoveredCategories.size(), 1u);
    EXPECT_EQ(r.uncoveredCategories[0].name, "Spam");
    EXPECT_EQ(r.errorsByKind.at("not-found"), 1u);
    // Scores 0.91 U, 0.88 U, 0.62 S, 0.31 U, 0.12 S: AP = 1/3 + 1/3 + 1/3 * 3/4.
    EXPECT_DOUBLE_EQ(*r.prCurve.averagePrecision, 2.0 / 3 + 0.25);
    EXPECT_EQ(r.cost.questions, 6 + 3 + 5 + 3 + 2);
    ASSERT_EQ(r.variants.size(), 2u);
    EXPECT_DOUBLE_EQ(*r.variants[1].metrics.rates.accuracy, 0.2);
    EXPECT_EQ(r.variants[0].metrics.intervals.f1->low, r.summary.intervals.f1->low)
        << "the main run's intervals are the summary's";
    // Robustness: three right images perturbed; the safe one flipped.
    ASSERT_GE(r.robustness.size(), 1u);
    EXPECT_EQ(r.robustness[0].images, 3u);
    EXPECT_EQ(r.robustness[0].flipped, 1u);
    EXPECT_EQ(r.robustness[0].safeToUnsafe, 1u);
    EXPECT_DOUBLE_EQ(*r.robustness[0].robustAccuracy, 2.0 / 3);
}

TEST(Report, GoldenTextMarkdownAndJson) {
    const EvalReport r = test::EvalFixture().report();
    expectGolden("report.txt", textReport(r));
    expectGolden("report.md", markdownReport(r));
    expectGolden("report.json", reportJson(r).dump(2) + "\n");
}

// Without resamples there are no intervals, and the header says so rather than "0 resamples".
TEST(Report, WithoutBootstrapTheHeaderSaysNone) {
    EvalReport r = test::EvalFixture().report();
    r.bootstrap.resamples = 0;
    const std::string text = textReport(r);
    EXPECT_NE(text.find("bootstrap: none (--bootstrap 0)\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("0 resamples"), std::string::npos) << text;
    EXPECT_NE(htmlReport(r).find("Bootstrap: none (--bootstrap 0)."), std::string::npos);
}

TEST(Report, JsonFollowsItsSchema) {
    test::TempDir dir;
    const auto json = dir.write("report.json", reportJson(test::EvalFixture().report()).dump());
    const auto result = test::runProcess(
        {"/usr/bin/python3", std::string(CLUE_SOURCE_DIR) + "/tests/tools/validate_json.py",
         std::string(CLUE_SOURCE_DIR) + "/docs/eval.schema.json", json.string()});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
}

// Chromium must be installed (scripts/debian-packages): the check fails, it does not skip.
TEST(Report, HtmlRendersInChromiumAndShowsTheJsonFigures) {
    test::TempDir dir;
    const EvalReport r = test::EvalFixture().report();
    const auto json = dir.write("report.json", reportJson(r).dump());
    const auto html = dir.write("report.html", htmlReport(r));
    test::ProcessOptions options;
    options.limit = std::chrono::seconds(180);
    const auto result = test::runProcess(
        {"/usr/bin/python3", std::string(CLUE_SOURCE_DIR) + "/tests/tools/check_html_report.py",
         html.string(), json.string()},
        options);
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("figures equal the JSON"), std::string::npos) << result.out;
}

} // namespace
} // namespace clue::eval
