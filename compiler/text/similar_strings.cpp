// Prefix filtering over 3-grams; short strings, which have too few grams to filter on, are
// compared with every string of a close length.
#include "compiler/text/similar_strings.h"

#include "common/edit_distance.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace clue::text {
namespace {

constexpr size_t kGram = 3;
constexpr size_t kGramsPerEdit = kGram + 1; // a transposition touches q + 1 grams

// The q-grams of `s`, each tagged with its occurrence number so that repeats stay distinct.
std::vector<std::string> gramsOf(const std::string& s) {
    std::vector<std::string> grams;
    std::unordered_map<std::string, int> seen;
    for (size_t i = 0; i + kGram <= s.size(); ++i) {
        std::string g = s.substr(i, kGram);
        grams.push_back(g + '\x01' + std::to_string(seen[g]++));
    }
    return grams;
}

class Matcher {
public:
    Matcher(const std::vector<std::string>& strings, size_t k) : strings_(strings), k_(k) {
        grams_.reserve(strings.size());
        for (const std::string& s : strings) {
            grams_.push_back(gramsOf(s));
            for (const std::string& g : grams_.back()) {
                ++frequency_[g];
            }
        }
    }

    std::vector<SimilarPair> run() {
        std::map<size_t, std::vector<size_t>> shortByLength;
        std::unordered_map<std::string, std::vector<size_t>> index;
        for (size_t i = 0; i < strings_.size(); ++i) {
            if (grams_[i].size() <= k_ * kGramsPerEdit) {
                shortByLength[strings_[i].size()].push_back(i);
                continue;
            }
            for (const std::string& g : prefix(i)) {
                index[g].push_back(i);
            }
        }
        std::set<std::pair<size_t, size_t>> candidates;
        for (const auto& [gram, holders] : index) {
            for (size_t a = 0; a < holders.size(); ++a) {
                for (size_t b = a + 1; b < holders.size(); ++b) {
                    candidates.insert(std::minmax(holders[a], holders[b]));
                }
            }
        }
        // A short string may be near any string of a close length, short or not.
        for (const auto& [length, shorts] : shortByLength) {
            for (size_t i : shorts) {
                for (size_t j = 0; j < strings_.size(); ++j) {
                    if (j != i && lengthGap(i, j) <= k_) {
                        candidates.insert(std::minmax(i, j));
                    }
                }
            }
        }
        return verify(candidates);
    }

private:
    size_t lengthGap(size_t i, size_t j) const {
        size_t a = strings_[i].size(), b = strings_[j].size();
        return a > b ? a - b : b - a;
    }

    std::vector<std::string> prefix(size_t i) const {
        std::vector<std::string> grams = grams_[i];
        std::sort(grams.begin(), grams.end(), [&](const std::string& a, const std::string& b) {
            size_t fa = frequency_.at(a), fb = frequency_.at(b);
            return fa != fb ? fa < fb : a < b;
        });
        grams.resize(std::min(grams.size(), k_ * kGramsPerEdit + 1));
        return grams;
    }

    std::vector<SimilarPair> verify(const std::set<std::pair<size_t, size_t>>& candidates) const {
        std::vector<SimilarPair> out;
        for (const auto& [a, b] : candidates) {
            if (lengthGap(a, b) > k_ || strings_[a] == strings_[b]) {
                continue;
            }
            size_t d = editDistanceWithin(strings_[a], strings_[b], k_);
            if (d >= 1 && d <= k_) {
                out.push_back({a, b, d});
            }
        }
        return out;
    }

    const std::vector<std::string>& strings_;
    size_t k_;
    std::vector<std::vector<std::string>> grams_;
    std::unordered_map<std::string, size_t> frequency_;
};

} // namespace

std::vector<SimilarPair> similarPairs(const std::vector<std::string>& strings, size_t maxDistance) {
    if (maxDistance == 0) {
        return {};
    }
    return Matcher(strings, maxDistance).run();
}

} // namespace clue::text
