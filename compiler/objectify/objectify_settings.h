// The knobs of the objectification loop, from clue.yaml's `objectify` section and the flags.
#pragma once

#include "compiler/objectify/answer_parser.h"

namespace clue::objectify {

struct ObjectifySettings {
    int threshold = 9;   // a rule rated under this is rewritten
    int rounds = 3;      // at most this many rewrite rounds per rule
    int attempts = 3;    // answers asked per question: the first and the retries after bad ones
    int concurrency = 4; // rules objectified at once
    AnswerLimits limits;
};

} // namespace clue::objectify
