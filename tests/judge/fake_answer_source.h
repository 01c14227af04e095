// A scripted AnswerSource for executor tests: scores and ratings per statement, failures on
// demand, every question recorded, and answers either at once or held until the test releases
// them (to observe what is in flight together).
#pragma once

#include "runtime/judge/answer_source.h"

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace clue::test {

using runtime::AnswerSource;
using runtime::QueryVariant;

struct AskedQuestion {
    QueryVariant variant;
    std::string statement;
    std::string imageSha256;
    std::string editedDataUrl; // Masked only
};

class FakeAnswerSource : public AnswerSource {
public:
    // Answers: per variant and statement. A statement without a scripted score fails with
    // `server-error`, so a test notices questions it did not expect.
    void setScore(QueryVariant variant, const std::string& statement, double score,
                  bool approximate = false);
    // Image score per image: overrides setScore(Image, ...) for that image.
    void setImageScore(const std::string& sha256, const std::string& statement, double score);
    void setRating(const std::string& statement, bool yes, std::string rationale = "because");
    void setFailure(QueryVariant variant, const std::string& statement,
                    runtime::BackendErrorKind kind = runtime::BackendErrorKind::Timeout);

    // Forgets every script, question and held answer.
    void reset();

    // Held mode: answers wait until release() (in question order).
    void hold(bool held);
    // Delivers every held answer, including those asked while delivering; returns how many.
    int release();
    // Delivers the held answers asked so far, but not those their callbacks ask.
    int releaseOnce();
    std::size_t heldCount() const;

    std::vector<AskedQuestion> asked() const;
    int askedCount(QueryVariant variant, const std::string& statement) const;
    std::vector<std::string> askedStatements(QueryVariant variant) const;

    void score(const runtime::ScoreQuery& query, ScoreCallback done) override;
    void reason(const runtime::ReasonQuery& query, RatingCallback done) override;

private:
    void deliver(std::function<void()> answer);
    runtime::ScoreResult scoreFor(const runtime::ScoreQuery& query) const;

    mutable std::mutex mutex_;
    std::map<std::pair<QueryVariant, std::string>, std::pair<double, bool>> scores_;
    std::map<std::pair<std::string, std::string>, double> imageScores_;
    std::map<std::string, std::pair<bool, std::string>> ratings_;
    std::map<std::pair<QueryVariant, std::string>, runtime::BackendErrorKind> failures_;
    std::vector<AskedQuestion> asked_;
    bool held_ = false;
    std::vector<std::function<void()>> pending_;
};

} // namespace clue::test
