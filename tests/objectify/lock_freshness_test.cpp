// The lockfile's one freshness rule (Lockfile::lookup) and the decisions made on it: which
// rules objectify asks about, which chains --write puts back, and what compile takes.
#include "common/sha256.h"
#include "compiler/frontend/parser.h"
#include "compiler/objectify/prompt_set.h"
#include "compiler/objectify/rule_selection.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

LockEntry entry(const std::string& id, const std::string& text, const std::string& model = "m1",
                const std::string& prompts = kPromptVersion) {
    LockEntry e;
    e.ruleId = id;
    e.text = text;
    e.textSha256 = sha256Hex(text);
    e.model = model;
    e.promptVersion = prompts;
    e.rating = 9;
    e.rewrites = {{text + " Rewritten.", 10, "Objective."}};
    e.finalRound = 1; // the rewrite was extracted (and may be accepted into the source)
    e.when = "\"a person is visible\"";
    return e;
}

const LockRequirement kAnyModel{kPromptVersion, std::nullopt};
const LockRequirement kModelM1{kPromptVersion, "m1"};

TEST(LockFreshness, FreshForTheTextTheCurrentPromptsAndTheRequiredModel) {
    Lockfile lock;
    lock.put(entry("r1", "Text one."));
    EXPECT_EQ(lock.lookup("r1", "Text one.", kAnyModel).state, LockState::Fresh);
    EXPECT_EQ(lock.lookup("r1", "Text one.", kModelM1).state, LockState::Fresh);
    // The accepted rewrite is the text the entry was made for, too.
    EXPECT_EQ(lock.lookup("r1", "Text one. Rewritten.", kModelM1).state, LockState::Fresh);
    EXPECT_EQ(lock.lookup("r1", "Text one.", kModelM1).entry, &lock.entries().front());
}

TEST(LockFreshness, EachKindOfStaleness) {
    Lockfile lock;
    lock.put(entry("r1", "Text one."));
    lock.put(entry("r2", "Text two.", "m1", "objectify/0"));
    LockLookup edited = lock.lookup("r1", "Text one, edited.", kAnyModel);
    EXPECT_EQ(edited.state, LockState::TextChanged);
    EXPECT_EQ(edited.entry->text, "Text one.");
    EXPECT_EQ(lock.lookup("r2", "Text two.", kAnyModel).state, LockState::PromptsChanged);
    EXPECT_EQ(lock.lookup("r1", "Text one.", {kPromptVersion, "m2"}).state,
              LockState::ModelChanged);
    LockLookup missing = lock.lookup("r3", "Text three.", kAnyModel);
    EXPECT_EQ(missing.state, LockState::Missing);
    EXPECT_EQ(missing.entry, nullptr);
}

struct Parsed {
    SourceManager sources;
    DiagnosticEngine diags;
    std::optional<ast::Module> module;

    explicit Parsed(const std::string& text) {
        module = parseModule(sources, sources.addFile("p.clue", text), diags);
    }
};

const char* kSource = "rule fresh \"Fresh text.\"\n"
                      "rule edited \"Edited text.\"\n"
                      "rule other_model \"Other model.\"\n"
                      "rule own \"Own when.\" when \"a cat is visible\"\n"
                      "rule unseen \"Never objectified.\"\n";

Lockfile sampleLock() {
    Lockfile lock;
    lock.put(entry("fresh", "Fresh text."));
    lock.put(entry("edited", "The text before the edit."));
    lock.put(entry("other_model", "Other model.", "m2"));
    return lock;
}

std::vector<Disposition> dispositions(const std::vector<SelectedRule>& rules) {
    std::vector<Disposition> out;
    for (const SelectedRule& r : rules) {
        out.push_back(r.disposition);
    }
    return out;
}

TEST(RuleSelection, AsksAboutEveryRuleWithoutAFreshEntryAndNoWhen) {
    Parsed p(kSource);
    ASSERT_TRUE(p.module);
    Lockfile lock = sampleLock();
    std::vector<SelectedRule> rules = selectRules(*p.module, lock, {"", false, kModelM1});
    using D = Disposition;
    EXPECT_EQ(dispositions(rules),
              (std::vector<D>{D::Fresh, D::Objectify, D::Objectify, D::HasWhen, D::Objectify}));
    EXPECT_TRUE(rules[1].textChanged);
    EXPECT_FALSE(rules[2].textChanged);
    // Without a model to ask, an entry of any model is fresh.
    rules = selectRules(*p.module, lock, {"", false, kAnyModel});
    EXPECT_EQ(rules[2].disposition, D::Fresh);
}

TEST(RuleSelection, OneRuleOrForceAll) {
    Parsed p(kSource);
    ASSERT_TRUE(p.module);
    Lockfile lock = sampleLock();
    std::vector<SelectedRule> one = selectRules(*p.module, lock, {"own", true, kModelM1});
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].disposition, Disposition::Objectify);
    EXPECT_TRUE(selectRules(*p.module, lock, {"nonesuch", false, kModelM1}).empty());
}

TEST(RuleSelection, WriteTakesFreshChainsForRulesWithoutWhenOrReplacedByForce) {
    Parsed p(kSource);
    ASSERT_TRUE(p.module);
    Lockfile lock = sampleLock();
    std::vector<SelectedRule> rules = selectRules(*p.module, lock, {"", false, kModelM1});
    std::vector<ChainWrite> writes = chainsToWrite(rules, lock, kModelM1);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].rule->id, "fresh");
    // --force objectified `own`: its new chain replaces its `when`.
    lock.put(entry("own", "Own when."));
    rules[3].outcome = RuleOutcome{"own", entry("own", "Own when."), FailureKind::None, "", "", 1};
    writes = chainsToWrite(rules, lock, kModelM1);
    ASSERT_EQ(writes.size(), 2u);
    EXPECT_EQ(writes[1].rule->id, "own");
}

} // namespace
} // namespace clue::objectify
