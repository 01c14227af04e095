// The corpus part of `clue diff` in each output format: verdict flips, rules and categories
// that newly fire or clear, and what the cache could not decide.
#pragma once

#include "runtime/corpus/corpus_impact.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace clue::cli {

std::string corpusText(const runtime::CorpusImpact& impact);
nlohmann::ordered_json corpusJson(const runtime::CorpusImpact& impact);
std::string corpusMarkdown(const runtime::CorpusImpact& impact);
// `thumbnails`: data URLs by image path, shown beside the flipped images they have.
std::string corpusHtml(const runtime::CorpusImpact& impact,
                       const std::map<std::string, std::string>& thumbnails);

// "replayed from the score cache (no model asked)" or "missing answers asked of the model".
std::string corpusMode(const runtime::CorpusImpact& impact);
// "about N model calls (P priors, I image answers, R chains of thought)".
std::string missingCalls(const runtime::MissingAnswers& missing);

} // namespace clue::cli
