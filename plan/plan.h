// The judgment plan (schema clue.plan/v1): what the compiler emits and the runtime executes.
// docs/plan.md describes every field; docs/plan.schema.json is its JSON Schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clue::plan {

inline constexpr const char* kSchemaVersion = "clue.plan/v1";

// A yes/no visual statement that the MLLM judges, asked at most once per image.
struct Predicate {
    std::string statement;
    std::string key;                   // statementHash(statement): identity in caches
    std::optional<std::string> object; // central object, for region debiasing
    double cost = 1.0;                 // relative cost of asking, for ordering
    std::optional<double> prior;       // the author's P(true), for ordering
    std::optional<double> mNone;       // calibrated language prior M(None, c)
};

enum class NodeOp { Predicate, Not, And, Or, Const };

// One node of the flat formula DAG; children always come before their parents.
struct Node {
    NodeOp op = NodeOp::Const;
    uint32_t predicate = 0;         // Predicate
    bool value = false;             // Const
    std::vector<uint32_t> children; // Not (one), And / Or (one or more)
};

// Where a rule's chain came from when its source has no `when`: the lock entry that
// `clue objectify` made, with the model and the prompt version that made it.
struct Objectified {
    std::string model;
    std::string promptVersion;
};

struct Rule {
    std::string id;
    std::string text;
    std::optional<std::string> category;
    std::optional<std::string> severity;
    std::vector<std::string> tags;
    uint32_t root = 0;    // index into nodes
    std::string location; // "file:line" of the rule in the source, relative paths
    std::optional<Objectified> objectified; // set only for a chain taken from a lockfile
};

struct Category {
    std::string id;
    std::string title;
};

struct Prompts {
    std::string version; // recorded in caches and evidence
    std::string yesNo;   // "{statement}" is replaced by the predicate's statement
    std::string reasoning;
    std::string summary;
};

// The CLUE decision thresholds (paper defaults), applied to M(x,c) and M(None,c).
struct Thresholds {
    double notSatisfied = -0.3;  // M(x)-M(None) < notSatisfied * M(None): false
    double satisfied = 0.8;      // M(x)-M(None) > satisfied * (1-M(None)): true
    double region = 0.6;         // M(x)-M(x minus region) > region: true
    double boxConfidence = 0.05; // detector boxes below this are ignored
    double smallBoxArea = 0.01;  // boxes smaller than this share of the image are cropped
    bool escalate = true;        // undecided predicates go to chain-of-thought
};

struct SourceInfo {
    std::string digest;             // SHA-256 over the sources, in a fixed order
    std::vector<std::string> files; // relative paths, sorted
};

struct Constitution {
    std::optional<std::string> name;
    std::optional<std::string> version;
    std::optional<std::string> description;
};

struct Optimization {
    int level = 2;
    std::vector<std::string> passes;
};

struct Plan {
    std::string compiler; // "clue 0.1.0"
    SourceInfo source;
    Constitution constitution;
    Optimization optimization;
    Prompts prompts;
    Thresholds thresholds;
    std::optional<std::string> calibrationModel; // model that measured every mNone
    std::vector<Predicate> predicates;
    std::vector<Node> nodes;
    std::vector<Rule> rules;
    std::vector<Category> categories;
    std::vector<std::vector<uint32_t>> schedule; // waves of predicate indices
};

// The default judge prompts; their version string is part of every cache key.
Prompts defaultPrompts();

} // namespace clue::plan
