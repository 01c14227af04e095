// Counting results for the summary.
#include "cli/judge_tally.h"

#include <fmt/format.h>

#include <ostream>

namespace clue::cli {

using runtime::Verdict;

void JudgeTally::add(const runtime::ImageResult& result) {
    ++images_;
    safe_ += result.verdict == Verdict::Safe ? 1 : 0;
    unsafe_ += result.verdict == Verdict::Unsafe ? 1 : 0;
    errors_ += result.verdict == Verdict::Error ? 1 : 0;
    failed_ += result.failed() ? 1 : 0;
    unreadable_ += result.imageError ? 1 : 0;
    byPolicy_ += result.policyApplied ? 1 : 0;
    predicates_ += result.predicates.size();
    for (const auto& p : result.predicates) {
        predicateFailures_ += p.failure ? 1 : 0;
    }
    escalations_ += static_cast<std::size_t>(result.escalations());
    cost_ += result.cost;
}

void JudgeTally::print(std::ostream& out, double seconds) const {
    const double n = images_ > 0 ? static_cast<double>(images_) : 1.0;
    out << fmt::format("judged {} image{} in {:.2f} s ({:.1f} images/s): {} safe, {} unsafe, {} "
                       "error\n",
                       images_, images_ == 1 ? "" : "s", seconds,
                       seconds > 0 ? static_cast<double>(images_) / seconds : 0.0, safe_, unsafe_,
                       errors_);
    out << fmt::format("model calls: {} ({:.2f} per image), cache hits: {}, predicates judged: "
                       "{:.2f} per image, escalations: {:.2f} per image\n",
                       cost_.calls, cost_.calls / n, cost_.cacheHits,
                       static_cast<double>(predicates_) / n, static_cast<double>(escalations_) / n);
    out << fmt::format("tokens: {} prompt, {} completion\n", cost_.tokens.prompt,
                       cost_.tokens.completion);
    if (failed_ > 0) {
        out << fmt::format("errors: {} image{} with failures ({} unreadable, {} predicate "
                           "failure{}){}\n",
                           failed_, failed_ == 1 ? "" : "s", unreadable_, predicateFailures_,
                           predicateFailures_ == 1 ? "" : "s",
                           byPolicy_ > 0 ? fmt::format("; {} verdict{} set by --on-error",
                                                       byPolicy_, byPolicy_ == 1 ? "" : "s")
                                         : "");
    }
}

} // namespace clue::cli
