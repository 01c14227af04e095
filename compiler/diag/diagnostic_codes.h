// The stable codes of the compiler's diagnostics; docs/diagnostics.md explains each one.
// E001-E019 lexical and syntax, E020-E049 names and values, E050-E069 imports,
// E070-E079 the IR and compile stages, E080-E089 objectification and lockfiles, E090-E099 the
// settings (common/config_codes.h, included here so that code:: holds them all). Warnings use
// the same ranges with a W.
#pragma once

#include "common/config_codes.h"

namespace clue::code {

// Lexical and syntax errors.
inline constexpr const char* InvalidUtf8 = "E001";
inline constexpr const char* UnterminatedString = "E002";
inline constexpr const char* StrayCharacter = "E003";
inline constexpr const char* UnknownEscape = "E004";
inline constexpr const char* ExpectedSyntax = "E005";
inline constexpr const char* UnexpectedToken = "E006";
inline constexpr const char* KeywordAsName = "E007";
inline constexpr const char* NestingTooDeep = "E008";
inline constexpr const char* MisplacedHeader = "E009";
inline constexpr const char* UnclosedBracket = "E010";
inline constexpr const char* DuplicateClause = "E011";
inline constexpr const char* TooManyErrors = "E012";
inline constexpr const char* NameTooLong = "E013";
inline constexpr const char* TextTooLong = "E014";
inline constexpr const char* ControlCharacter = "E015";

// Names and values.
inline constexpr const char* UndefinedPredicate = "E020";
inline constexpr const char* DuplicatePredicate = "E021";
inline constexpr const char* DuplicateRule = "E022";
inline constexpr const char* DuplicateCategory = "E023";
inline constexpr const char* DuplicateTest = "E024";
inline constexpr const char* UnknownSeverity = "E025";
inline constexpr const char* UnknownOption = "E026";
inline constexpr const char* OptionType = "E027";
inline constexpr const char* OptionRange = "E028";
inline constexpr const char* DuplicateOption = "E029";
inline constexpr const char* TestUnknownRule = "E030";
inline constexpr const char* TestUnknownPredicate = "E031";
inline constexpr const char* EmptyFile = "E032";
inline constexpr const char* TestWithoutExpect = "E033";
inline constexpr const char* ContradictoryGiven = "E034";
inline constexpr const char* EmptyText = "E035";
inline constexpr const char* UnknownSubject = "E036";
inline constexpr const char* NotResponseConstitution = "E037";
inline constexpr const char* DuplicateScore = "E038";
inline constexpr const char* ScoreOffScale = "E039";
inline constexpr const char* ScoreUnknownRule = "E040";
inline constexpr const char* ScoreIncomplete = "E041";

// Imports.
inline constexpr const char* ImportNotFound = "E050";
inline constexpr const char* ImportCycle = "E051";
inline constexpr const char* NameClash = "E052";
inline constexpr const char* ImportHasErrors = "E053";
inline constexpr const char* ImportUnreadable = "E054";
inline constexpr const char* DuplicateImport = "W050";

// The IR and compile stages.
inline constexpr const char* NeedsObjectification = "E070";
inline constexpr const char* NoRules = "E071";
inline constexpr const char* ResponsePlanUnsupported = "E072";
inline constexpr const char* RuleNeverFires = "W070";
inline constexpr const char* RuleAlwaysFires = "W071";
inline constexpr const char* ConflictingPredicateOptions = "W072";

// Objectification and lockfiles (`clue objectify`, and `clue compile` reading lock entries).
inline constexpr const char* LockfileMalformed = "E080";
inline constexpr const char* LockEntryStale = "E081";
inline constexpr const char* ObjectifyInvalidAnswers = "E082";
inline constexpr const char* ObjectifyModelFailed = "E083";
inline constexpr const char* ObjectifyUnderThreshold = "W080";

} // namespace clue::code
