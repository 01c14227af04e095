// One predicate's judgment, step by step (CLUE section 4 and 5).
#include "runtime/judge/predicate_judgment.h"

#include "common/assert.h"

namespace clue::runtime {

std::string_view toString(JudgmentStage stage) {
    switch (stage) {
    case JudgmentStage::Image:
        return "image";
    case JudgmentStage::Prior:
        return "prior";
    case JudgmentStage::Detector:
        return "detector";
    case JudgmentStage::Region:
        return "region";
    case JudgmentStage::Reasoning:
        return "reasoning";
    }
    CLUE_UNREACHABLE();
}

PredicateJudge::PredicateJudge(const plan::Plan& plan, AnswerSource& source, PriorTable& priors,
                               JudgeSettings settings)
    : plan_(plan), source_(source), priors_(priors), settings_(settings) {
    settings_.escalate = settings_.escalate && plan.thresholds.escalate;
}

void PredicateJudge::judge(const ImageRef& image, uint32_t index, Callback done) {
    std::make_shared<PredicateJudgment>(*this, image, index, std::move(done))->start();
}

PredicateJudgment::PredicateJudgment(PredicateJudge& judge, ImageRef image, uint32_t index,
                                     PredicateJudge::Callback done)
    : judge_(judge), predicate_(judge.plan().predicates[index]),
      thresholds_(judge.plan().thresholds), image_(std::move(image)), done_(std::move(done)),
      start_(Clock::now()) {
    evidence_.predicate = index;
}

void PredicateJudgment::start() {
    auto self = shared_from_this();
    if (!judge_.settings().debias) {
        askImageScore([self] { self->finish(plainDecision(*self->evidence_.scores.image)); });
        return;
    }
    // The prior and the image score are independent: ask both at once, decide when both are in.
    pending_ = 2;
    askPrior([self](PriorResult result) {
        {
            std::lock_guard lock(self->mutex_);
            if (result) {
                self->evidence_.scores.prior = result->score;
                self->evidence_.scores.priorOrigin = result->origin;
                self->evidence_.scores.approximate |= result->approximate;
                self->evidence_.cost += result->cost;
            } else {
                self->evidence_.cost += result.error().cost;
                if (!self->evidence_.failure) {
                    self->evidence_.failure = {JudgmentStage::Prior, result.error().error};
                }
            }
        }
        self->joinScores();
    });
    askImageScore([self] { self->joinScores(); });
}

// M(None, c): from the run's prior table, or asked for this image alone (priorPerImage).
void PredicateJudgment::askPrior(PriorTable::Callback done) {
    if (!judge_.settings().priorPerImage) {
        judge_.priors().get(evidence_.predicate, std::move(done));
        return;
    }
    ScoreQuery query;
    query.variant = QueryVariant::NoImage;
    query.statement = {predicate_.statement, predicate_.key};
    judge_.source().score(query, [done = std::move(done)](ScoreResult result) {
        if (!result) {
            done(std::move(result.error()));
            return;
        }
        done(PriorAnswer{result->score, result->approximate, PriorOrigin::Asked, result->cost});
    });
}

// Asks M(x, c); on success records it and runs `next`, on failure records it and, without a
// join pending, completes.
void PredicateJudgment::askImageScore(std::function<void()> next) {
    ScoreQuery query{QueryVariant::Image, {predicate_.statement, predicate_.key}, image_, nullptr};
    auto self = shared_from_this();
    judge_.source().score(query, [self, next = std::move(next)](ScoreResult result) {
        {
            std::lock_guard lock(self->mutex_);
            if (result) {
                self->evidence_.scores.image = result->score;
                self->evidence_.scores.approximate |= result->approximate;
                self->evidence_.cost += result->cost;
            } else {
                self->evidence_.cost += result.error().cost;
                if (!self->evidence_.failure) {
                    self->evidence_.failure = {JudgmentStage::Image, result.error().error};
                }
            }
        }
        if (!result && self->pending_.load() == 0) {
            self->complete();
            return;
        }
        next();
    });
}

void PredicateJudgment::joinScores() {
    if (--pending_ > 0) {
        return;
    }
    if (evidence_.failure) {
        complete();
        return;
    }
    afterScores();
}

void PredicateJudgment::afterScores() {
    const double score = *evidence_.scores.image;
    const double prior = *evidence_.scores.prior;
    if (auto decided = debiasedDecision(score, prior, thresholds_)) {
        finish(*decided);
        return;
    }
    regionStep();
}

void PredicateJudgment::regionStep() {
    const RegionDebiasing& region = judge_.settings().region;
    if (!region.enabled() || !predicate_.object) {
        escalate();
        return;
    }
    auto self = shared_from_this();
    region.detector->detect(image_, *predicate_.object, [self](DetectionResult result) {
        if (!result) {
            self->fail(JudgmentStage::Detector, std::move(result.error()));
            return;
        }
        auto best = strongestDetection(result.value(), self->thresholds_.boxConfidence);
        if (!best) {
            self->escalate();
            return;
        }
        self->judgeRegion(*best);
    });
}

void PredicateJudgment::judgeRegion(const Detection& detection) {
    const RegionEdit edit =
        detection.box.area() < thresholds_.smallBoxArea ? RegionEdit::Crop : RegionEdit::Mask;
    RegionEvidence region{detection, edit};
    evidence_.region = region;
    auto edited = judge_.settings().region.editor->edit(image_, detection.box, edit);
    if (!edited) {
        fail(JudgmentStage::Region, std::move(edited.error()));
        return;
    }
    ScoreQuery query{QueryVariant::Masked,
                     {predicate_.statement, predicate_.key},
                     image_,
                     std::move(edited.value())};
    auto self = shared_from_this();
    judge_.source().score(query, [self, region](ScoreResult result) {
        if (!result) {
            self->fail(JudgmentStage::Region, std::move(result.error()));
            return;
        }
        self->evidence_.cost += result->cost;
        self->evidence_.scores.approximate |= result->approximate;
        self->afterRegionScore(region, result->score);
    });
}

void PredicateJudgment::afterRegionScore(const RegionEvidence& region, double score) {
    std::optional<DecisionPath> decided;
    if (region.edit == RegionEdit::Crop) {
        evidence_.scores.crop = score;
        decided = cropDecision(score, *evidence_.scores.prior, thresholds_);
    } else {
        evidence_.scores.masked = score;
        decided = regionDecision(*evidence_.scores.image, score, thresholds_);
    }
    if (decided) {
        finish(*decided);
        return;
    }
    escalate();
}

void PredicateJudgment::escalate() {
    if (!judge_.settings().escalate) {
        finish(undecidedDecision(*evidence_.scores.image, *evidence_.scores.prior));
        return;
    }
    auto self = shared_from_this();
    ReasonQuery query{{predicate_.statement, predicate_.key}, image_};
    judge_.source().reason(query, [self](RatingResult result) {
        if (!result) {
            self->fail(JudgmentStage::Reasoning, std::move(result.error()));
            return;
        }
        self->evidence_.cost += result->cost;
        self->evidence_.rationale = std::move(result->rationale);
        self->finish(result->yes ? DecisionPath::ReasoningYes : DecisionPath::ReasoningNo);
    });
}

void PredicateJudgment::finish(DecisionPath path) {
    evidence_.path = path;
    evidence_.value = valueOf(path);
    complete();
}

void PredicateJudgment::fail(JudgmentStage stage, AnswerError error) {
    evidence_.cost += error.cost;
    fail(stage, std::move(error.error));
}

void PredicateJudgment::fail(JudgmentStage stage, BackendError error) {
    evidence_.failure = {stage, std::move(error)};
    complete();
}

void PredicateJudgment::complete() {
    evidence_.elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_);
    auto done = std::move(done_);
    done(std::move(evidence_));
}

} // namespace clue::runtime
