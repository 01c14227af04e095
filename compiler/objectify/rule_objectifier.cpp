// The rate / rewrite / extract loop for one rule, with checked answers and bounded retries.
#include "compiler/objectify/rule_objectifier.h"

#include "common/sha256.h"
#include "compiler/objectify/answer_parser.h"

#include <fmt/format.h>

namespace clue::objectify {

// One rule's conversation with the model; the first failure ends it.
class RuleObjectifier::Session {
public:
    Session(const RuleObjectifier& owner, const RuleJob& job, const ProgressCallback& progress)
        : owner_(owner), job_(job), progress_(progress) {
        outcome_.ruleId = job.id;
    }

    RuleOutcome run();

private:
    std::optional<RatingAnswer> rate(const std::string& text, int round);
    std::optional<std::string> rewrite(const std::string& text, const RatingAnswer& rated);
    std::optional<Chain> extract(const std::string& text);
    void rewriteRounds(LockEntry& entry);

    // Asks `request` until `parse` accepts an answer or the attempts are spent.
    template <typename T, typename Parse>
    std::optional<T> ask(ModelRequest request, const std::string& ruleText, const char* task,
                         Parse parse);
    void fail(FailureKind kind, std::string message, std::string lastAnswer = {});

    const RuleObjectifier& owner_;
    const RuleJob& job_;
    const ProgressCallback& progress_;
    RuleOutcome outcome_;
};

template <typename T, typename Parse>
std::optional<T> RuleObjectifier::Session::ask(ModelRequest request, const std::string& ruleText,
                                               const char* task, Parse parse) {
    const int attempts = std::max(1, owner_.settings_.attempts);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        ModelReply reply = owner_.model_.complete(request);
        ++outcome_.calls;
        if (!reply.text) {
            fail(FailureKind::Model, fmt::format("the {} request failed: {}", task, reply.error));
            return std::nullopt;
        }
        Checked<T> checked = parse(*reply.text);
        if (checked.value) {
            return std::move(checked.value);
        }
        if (attempt == attempts) {
            fail(FailureKind::InvalidAnswers,
                 fmt::format("{} {} answer{} could not be used; the last: {}", attempts, task,
                             attempts == 1 ? "" : "s", checked.problem),
                 *reply.text);
            break;
        }
        progress_(job_.id, fmt::format("{} answer unusable, asking again", task));
        request.messages.push_back({"assistant", *reply.text});
        for (PromptMessage& m :
             owner_.prompts_.retry.render({{"problem", checked.problem}, {"rule", ruleText}})) {
            request.messages.push_back(std::move(m));
        }
    }
    return std::nullopt;
}

void RuleObjectifier::Session::fail(FailureKind kind, std::string message, std::string last) {
    outcome_.failure = kind;
    outcome_.message = std::move(message);
    outcome_.lastAnswer = std::move(last);
}

std::optional<RatingAnswer> RuleObjectifier::Session::rate(const std::string& text, int round) {
    progress_(job_.id, round == 0 ? "rating" : fmt::format("rating rewrite {}", round));
    ModelRequest request{owner_.prompts_.rate.render({{"rule", text}}), std::nullopt, {}, 512};
    return ask<RatingAnswer>(std::move(request), text, "rating", parseRating);
}

std::optional<std::string> RuleObjectifier::Session::rewrite(const std::string& text,
                                                             const RatingAnswer& rated) {
    ModelRequest request{
        owner_.prompts_.rewrite.render({{"rule", text},
                                        {"rating", std::to_string(rated.rating)},
                                        {"explanation", rated.explanation},
                                        {"threshold", std::to_string(owner_.settings_.threshold)}}),
        std::nullopt,
        {},
        512};
    const AnswerLimits& limits = owner_.settings_.limits;
    return ask<std::string>(std::move(request), text, "rewrite",
                            [&](std::string_view answer) { return parseRewrite(answer, limits); });
}

std::optional<Chain> RuleObjectifier::Session::extract(const std::string& text) {
    progress_(job_.id, "extracting preconditions");
    const AnswerLimits& limits = owner_.settings_.limits;
    ModelRequest request{
        owner_.prompts_.extract.render(
            {{"rule", text}, {"max_statement_length", std::to_string(limits.maxStatementLength)}}),
        owner_.prompts_.extractSchema, "precondition_chain", 1024};
    return ask<Chain>(std::move(request), text, "extraction",
                      [&](std::string_view answer) { return parseChain(answer, limits); });
}

// Rewrites while the latest text rates under the threshold; the best-rated text (the latest
// among equals) is the one extracted.
void RuleObjectifier::Session::rewriteRounds(LockEntry& entry) {
    RatingAnswer latest{entry.rating, entry.explanation};
    std::string text = entry.text;
    int best = entry.rating;
    for (int round = 1;
         round <= owner_.settings_.rounds && latest.rating < owner_.settings_.threshold; ++round) {
        progress_(job_.id, fmt::format("rewriting, round {}", round));
        std::optional<std::string> rewritten = rewrite(text, latest);
        std::optional<RatingAnswer> rated = rewritten ? rate(*rewritten, round) : std::nullopt;
        if (!rated) {
            return;
        }
        entry.rewrites.push_back({*rewritten, rated->rating, rated->explanation});
        if (rated->rating >= best) {
            best = rated->rating;
            entry.finalRound = round;
        }
        text = *rewritten;
        latest = *rated;
    }
}

RuleOutcome RuleObjectifier::Session::run() {
    LockEntry entry;
    entry.ruleId = job_.id;
    entry.text = job_.text;
    entry.textSha256 = sha256Hex(job_.text);
    entry.model = owner_.modelId_;
    entry.promptVersion = owner_.prompts_.version;
    std::optional<RatingAnswer> first = rate(job_.text, 0);
    if (!first) {
        return outcome_;
    }
    entry.rating = first->rating;
    entry.explanation = first->explanation;
    rewriteRounds(entry);
    if (outcome_.failure != FailureKind::None) {
        return outcome_;
    }
    std::optional<Chain> chain = extract(entry.finalText());
    if (!chain) {
        return outcome_;
    }
    entry.when = chain->toFormula()->toSource();
    entry.objects = chain->objects();
    outcome_.entry = std::move(entry);
    return outcome_;
}

RuleOutcome RuleObjectifier::run(const RuleJob& job, const ProgressCallback& progress) const {
    ProgressCallback report = progress ? progress : [](const std::string&, const std::string&) {
    };
    return Session(*this, job, report).run();
}

} // namespace clue::objectify
