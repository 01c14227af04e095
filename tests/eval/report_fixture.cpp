// The fixture's images, verdicts and costs.
#include "tests/eval/report_fixture.h"

#include "tests/judge/plan_builder.h"

namespace clue::test {
namespace {

using runtime::RuleState;
using runtime::Verdict;

eval::ImageOutcome outcome(Verdict verdict, std::vector<RuleState> rules, double score,
                           int questions, double seconds) {
    eval::ImageOutcome o;
    o.verdict = verdict;
    o.error = false;
    o.rules = std::move(rules);
    o.score = score;
    o.questions = questions;
    o.cost.calls = questions - 1;
    o.cost.cacheHits = 1;
    o.cost.tokens = {100 * questions, questions};
    o.escalations = questions > 4 ? 1 : 0;
    o.predicatesAsked = questions > 4 ? questions - 2 : questions;
    o.seconds = seconds;
    return o;
}

eval::ImageOutcome failedImage() {
    eval::ImageOutcome o;
    o.failed = true;
    o.errorKind = "not-found";
    o.errorMessage = "images/6.png: no such file";
    return o;
}

} // namespace

EvalFixture::EvalFixture() {
    PlanBuilder b;
    b.rule("gore", b.pred("blood is visible", {}, 0.3));
    b.rule("weapon", b.pred("a weapon is visible", {}, 0.3));
    b.rule("nudity", b.pred("a nude body is visible", {}, 0.3));
    plan = b.build();
    plan.constitution.name = "fixture";
    plan.constitution.version = "1.0";
    plan.rules[0].category = "violence";
    plan.rules[1].category = "violence";
    plan.rules[2].category = "sexual";
    plan.categories = {{"violence", "Violence"}, {"sexual", "Sexual"}};
    labels.file = "labels.jsonl";
    auto add = [&](const char* path, bool unsafe, const char* category, const char* source) {
        const std::size_t line = labels.images.size() + 1;
        labels.images.push_back({line, path, std::filesystem::path("/set") / path, unsafe,
                                 std::string(category), std::string(source)});
    };
    add("images/1.png", true, "Violence", "Lexica");
    add("images/2.png", true, "Violence", "Laion5B");
    add("images/3.png", false, "Violence", "Laion5B");
    add("images/4.png", true, "Sexual", "Lexica");
    add("images/5.png", false, "Spam", "Lexica");
    add("images/6.png", true, "Hate", "Laion5B");
    labels.skipped = {{7, "label 'maybe' in 'safety_label' is neither an unsafe value (unsafe, "
                          "1, true) nor a safe value (safe, 0, false)"}};
    map =
        eval::CategoryMap::parse("Violence: violence\nSexual: nudity\nSpam: []\n", "map.yaml", plan)
            .value();
    const std::vector<RuleState> clear(3, RuleState::Clear);
    eval::VariantRun main;
    main.spec = {"clue", "CLUE, as configured", {}, false};
    main.outcomes = {
        outcome(Verdict::Unsafe, {RuleState::Violated, RuleState::Clear, RuleState::Clear}, 0.91, 6,
                0.25),
        outcome(Verdict::Safe, clear, 0.31, 3, 0.125),
        outcome(Verdict::Unsafe, {RuleState::Clear, RuleState::Violated, RuleState::Clear}, 0.62, 5,
                0.5),
        outcome(Verdict::Unsafe, {RuleState::Clear, RuleState::Clear, RuleState::Violated}, 0.88, 3,
                0.25),
        outcome(Verdict::Safe, clear, 0.12, 2, 0.125),
        failedImage()};
    main.wallSeconds = 2.5;
    eval::VariantRun plain = main;
    plain.spec = {"no-debias", "without debiasing (P(Yes) > 0.5)", {}, false};
    plain.outcomes[3] = outcome(Verdict::Safe, clear, 0.4, 2, 0.125);
    plain.outcomes[4] = outcome(
        Verdict::Unsafe, {RuleState::Violated, RuleState::Clear, RuleState::Clear}, 0.7, 2, 0.125);
    plain.wallSeconds = 1.25;
    runs = {main, plain};
    eval::PerturbationRun noise{{eval::PerturbationKind::Gaussian, 0.01}, {}};
    eval::ImageOutcome flipped = main.outcomes[4];
    flipped.verdict = Verdict::Unsafe;
    noise.images = {{0, Verdict::Unsafe, main.outcomes[0], ""},
                    {3, Verdict::Unsafe, main.outcomes[3], ""},
                    {4, Verdict::Safe, flipped, ""}};
    perturbations = {noise};
}

eval::EvalReport EvalFixture::report() const {
    eval::ReportInputs in;
    in.plan = &plan;
    in.planFile = "fixture.plan.json";
    in.labels = &labels;
    in.categoryMap = &*map;
    in.runs = &runs;
    in.perturbations = &perturbations;
    in.bootstrap = {200, 1, 0.95};
    in.model = "fixture-model";
    return eval::buildReport(in);
}

} // namespace clue::test
