// The scripted answer source.
#include "tests/judge/fake_answer_source.h"

namespace clue::test {

using namespace runtime;

void FakeAnswerSource::setScore(QueryVariant variant, const std::string& statement, double score,
                                bool approximate) {
    std::lock_guard lock(mutex_);
    scores_[{variant, statement}] = {score, approximate};
}

void FakeAnswerSource::setImageScore(const std::string& sha256, const std::string& statement,
                                     double score) {
    std::lock_guard lock(mutex_);
    imageScores_[{sha256, statement}] = score;
}

void FakeAnswerSource::setRating(const std::string& statement, bool yes, std::string rationale) {
    std::lock_guard lock(mutex_);
    ratings_[statement] = {yes, std::move(rationale)};
}

void FakeAnswerSource::setFailure(QueryVariant variant, const std::string& statement,
                                  BackendErrorKind kind) {
    std::lock_guard lock(mutex_);
    failures_[{variant, statement}] = kind;
}

void FakeAnswerSource::reset() {
    std::lock_guard lock(mutex_);
    scores_.clear();
    imageScores_.clear();
    ratings_.clear();
    failures_.clear();
    asked_.clear();
    pending_.clear();
    held_ = false;
}

void FakeAnswerSource::hold(bool held) {
    std::lock_guard lock(mutex_);
    held_ = held;
}

std::size_t FakeAnswerSource::heldCount() const {
    std::lock_guard lock(mutex_);
    return pending_.size();
}

int FakeAnswerSource::releaseOnce() {
    std::vector<std::function<void()>> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(pending_);
    }
    for (auto& answer : batch) {
        answer();
    }
    return static_cast<int>(batch.size());
}

int FakeAnswerSource::release() {
    int total = 0;
    while (int n = releaseOnce()) {
        total += n;
    }
    return total;
}

std::vector<AskedQuestion> FakeAnswerSource::asked() const {
    std::lock_guard lock(mutex_);
    return asked_;
}

int FakeAnswerSource::askedCount(QueryVariant variant, const std::string& statement) const {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& q : asked_) {
        n += (q.variant == variant && q.statement == statement) ? 1 : 0;
    }
    return n;
}

std::vector<std::string> FakeAnswerSource::askedStatements(QueryVariant variant) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& q : asked_) {
        if (q.variant == variant) {
            out.push_back(q.statement);
        }
    }
    return out;
}

void FakeAnswerSource::deliver(std::function<void()> answer) {
    {
        std::lock_guard lock(mutex_);
        if (held_) {
            pending_.push_back(std::move(answer));
            return;
        }
    }
    answer();
}

ScoreResult FakeAnswerSource::scoreFor(const ScoreQuery& query) const {
    const std::string& statement = query.statement.statement;
    if (auto f = failures_.find({query.variant, statement}); f != failures_.end()) {
        return AnswerError{{f->second, "scripted failure"}, {1, 0, {}}};
    }
    if (query.variant == QueryVariant::Image) {
        if (auto s = imageScores_.find({query.image.sha256, statement}); s != imageScores_.end()) {
            return ScoreAnswer{s->second, false, {1, 0, {10, 1}}};
        }
    }
    auto s = scores_.find({query.variant, statement});
    if (s == scores_.end()) {
        return AnswerError{{BackendErrorKind::ServerError, "unscripted question: " + statement},
                           {1, 0, {}}};
    }
    return ScoreAnswer{s->second.first, s->second.second, {1, 0, {10, 1}}};
}

void FakeAnswerSource::score(const ScoreQuery& query, ScoreCallback done) {
    ScoreResult result = AnswerError{};
    {
        std::lock_guard lock(mutex_);
        asked_.push_back({query.variant, query.statement.statement, query.image.sha256,
                          query.editedDataUrl ? *query.editedDataUrl : ""});
        result = scoreFor(query);
    }
    deliver([done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    });
}

void FakeAnswerSource::reason(const ReasonQuery& query, RatingCallback done) {
    RatingResult result = AnswerError{};
    {
        std::lock_guard lock(mutex_);
        const std::string& statement = query.statement.statement;
        asked_.push_back({QueryVariant::Reasoning, statement, query.image.sha256, ""});
        if (auto f = failures_.find({QueryVariant::Reasoning, statement}); f != failures_.end()) {
            result = AnswerError{{f->second, "scripted failure"}, {2, 0, {}}};
        } else if (auto r = ratings_.find(statement); r != ratings_.end()) {
            result = RatingAnswer{r->second.first, r->second.second, {2, 0, {100, 50}}};
        } else {
            result = AnswerError{{BackendErrorKind::InvalidRating, "unscripted: " + statement},
                                 {2, 0, {}}};
        }
    }
    deliver([done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    });
}

} // namespace clue::test
