// The answers a replay needed and the score cache did not hold: what judging the images anew
// would ask the model (`clue diff` on a corpus).
#pragma once

#include "plan/plan.h"
#include "runtime/judge/image_result.h"

#include <cstddef>
#include <set>
#include <string>
#include <tuple>

namespace clue::runtime {

class MissingAnswers {
public:
    // Adds the questions `result` (judged with `plan`) could not get from the cache. Each is
    // counted once however many results need it: a prior once per statement, an image answer
    // or a chain-of-thought once per image and statement.
    void add(const ImageResult& result, const plan::Plan& plan);

    std::size_t priors() const { return count(Kind::Prior); }
    std::size_t images() const { return count(Kind::Image); }
    std::size_t reasonings() const { return count(Kind::Reasoning); }
    // The model calls they take, as an estimate: one per prior or image answer, two per
    // chain-of-thought (its reasoning and its summary). Asking may take fewer (an answer can
    // make another moot) or more (an image answer that comes back undecided adds a
    // chain-of-thought; an answer can make another needed): the exact figure is known only by
    // asking.
    std::size_t calls() const { return priors() + images() + 2 * reasonings(); }
    bool empty() const { return questions_.empty(); }

private:
    enum class Kind { Prior, Image, Reasoning };
    std::size_t count(Kind kind) const;

    std::set<std::tuple<Kind, std::string, std::string>> questions_; // kind, image, statement key
};

// Whether some predicate of `result` failed only because the replay had no cached answer.
bool needsAnswers(const ImageResult& result);
// Whether `result` failed for another reason: an unreadable image, a failed model call.
bool failedOtherwise(const ImageResult& result);

} // namespace clue::runtime
