// Canonical writing and validating reading of clue.plan/v1 documents.
#include "plan/plan_json.h"

#include "common/assert.h"
#include "common/statement.h"
#include "plan/json_reader.h"
#include "plan/json_text_writer.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace clue::plan {
namespace {

// Limits that keep a hostile plan from exhausting memory or time.
constexpr size_t kMaxShortString = 256;     // ids, severities, hashes, model names
constexpr size_t kMaxStatement = 4096;      // a predicate statement
constexpr size_t kMaxText = 64 * 1024;      // rule texts, descriptions, prompts
constexpr size_t kMaxElements = 10'000'000; // any array

using Writer = JsonTextWriter;

const char* opName(NodeOp op) {
    switch (op) {
    case NodeOp::Predicate:
        return "pred";
    case NodeOp::Not:
        return "not";
    case NodeOp::And:
        return "and";
    case NodeOp::Or:
        return "or";
    case NodeOp::Const:
        return "const";
    }
    CLUE_UNREACHABLE();
}

void writeStrings(Writer& w, const std::vector<std::string>& items) {
    w.beginArray();
    for (const std::string& s : items) {
        w.value(s);
    }
    w.endArray();
}

void writeIndices(Writer& w, const std::vector<uint32_t>& items) {
    w.beginArray();
    for (uint32_t i : items) {
        w.value(uint64_t{i});
    }
    w.endArray();
}

void writeHeader(Writer& w, const Plan& plan) {
    w.key("schema");
    w.value(kSchemaVersion);
    w.key("compiler");
    w.value(plan.compiler);
    w.key("source");
    w.beginObject();
    w.key("digest");
    w.value(plan.source.digest);
    w.key("files");
    writeStrings(w, plan.source.files);
    w.endObject();
    w.key("constitution");
    w.beginObject();
    w.key("name");
    w.value(plan.constitution.name);
    w.key("version");
    w.value(plan.constitution.version);
    w.key("description");
    w.value(plan.constitution.description);
    w.endObject();
    w.key("optimization");
    w.beginObject();
    w.key("level");
    w.value(plan.optimization.level);
    w.key("passes");
    writeStrings(w, plan.optimization.passes);
    w.endObject();
}

void writePromptsAndThresholds(Writer& w, const Plan& plan) {
    w.key("prompts");
    w.beginObject();
    for (auto [name, text] : {std::pair{"version", &plan.prompts.version},
                              {"yes_no", &plan.prompts.yesNo},
                              {"reasoning", &plan.prompts.reasoning},
                              {"summary", &plan.prompts.summary}}) {
        w.key(name);
        w.value(*text);
    }
    w.endObject();
    const Thresholds& t = plan.thresholds;
    w.key("thresholds");
    w.beginObject();
    for (auto [name, number] : {std::pair{"not_satisfied", t.notSatisfied},
                                {"satisfied", t.satisfied},
                                {"region", t.region},
                                {"box_confidence", t.boxConfidence},
                                {"small_box_area", t.smallBoxArea}}) {
        w.key(name);
        w.value(number);
    }
    w.key("escalate");
    w.value(t.escalate);
    w.endObject();
    w.key("calibration");
    if (plan.calibrationModel) {
        w.beginObject();
        w.key("model");
        w.value(*plan.calibrationModel);
        w.endObject();
    } else {
        w.null();
    }
}

void writePredicate(Writer& w, const Predicate& p) {
    w.beginObject();
    w.key("statement");
    w.value(p.statement);
    w.key("key");
    w.value(p.key);
    w.key("object");
    w.value(p.object);
    w.key("cost");
    w.value(p.cost);
    w.key("prior");
    w.value(p.prior);
    w.key("m_none");
    w.value(p.mNone);
    w.endObject();
}

void writeNode(Writer& w, const Node& n) {
    w.beginObject();
    w.key("op");
    w.value(opName(n.op));
    if (n.op == NodeOp::Predicate) {
        w.key("predicate");
        w.value(uint64_t{n.predicate});
    } else if (n.op == NodeOp::Const) {
        w.key("value");
        w.value(n.value);
    } else {
        w.key("args");
        writeIndices(w, n.children);
    }
    w.endObject();
}

void writeRule(Writer& w, const Rule& r) {
    w.beginObject();
    w.key("id");
    w.value(r.id);
    w.key("text");
    w.value(r.text);
    w.key("category");
    w.value(r.category);
    w.key("severity");
    w.value(r.severity);
    w.key("tags");
    writeStrings(w, r.tags);
    w.key("root");
    w.value(uint64_t{r.root});
    w.key("location");
    w.value(r.location);
    if (r.objectified) {
        w.key("objectified");
        w.beginObject();
        w.key("model");
        w.value(r.objectified->model);
        w.key("prompt_version");
        w.value(r.objectified->promptVersion);
        w.endObject();
    }
    w.endObject();
}

template <typename T, typename Write>
void writeList(Writer& w, const char* name, const std::vector<T>& items, Write write) {
    w.key(name);
    w.beginArray();
    for (const T& item : items) {
        write(w, item);
    }
    w.endArray();
}

} // namespace

// Laid out as nlohmann's dump(2) lays out a document, plus a newline (a test holds it to that),
// written without building the document first.
std::string toText(const Plan& plan) {
    Writer w;
    w.beginObject();
    writeHeader(w, plan);
    writePromptsAndThresholds(w, plan);
    writeList(w, "predicates", plan.predicates, writePredicate);
    writeList(w, "nodes", plan.nodes, writeNode);
    writeList(w, "rules", plan.rules, writeRule);
    writeList(w, "categories", plan.categories, [](Writer& out, const Category& c) {
        out.beginObject();
        out.key("id");
        out.value(c.id);
        out.key("title");
        out.value(c.title);
        out.endObject();
    });
    writeList(w, "schedule", plan.schedule, writeIndices);
    w.endObject();
    return w.take();
}

namespace {

std::optional<std::string> optionalString(const JsonReader& parent, const char* key,
                                          size_t maxBytes) {
    auto field = parent.optional(key);
    return field ? std::optional(field->string(maxBytes)) : std::nullopt;
}

void readHeader(const JsonReader& root, Plan& plan) {
    JsonReader schema = root.at("schema");
    std::string version = schema.string(kMaxShortString);
    if (version != kSchemaVersion) {
        schema.fail(fmt::format("unsupported plan schema '{}': this clue reads '{}'; recompile "
                                "the constitution with this clue",
                                version, kSchemaVersion));
    }
    plan.compiler = root.at("compiler").string(kMaxShortString);
    JsonReader source = root.at("source");
    plan.source.digest = source.at("digest").string(kMaxShortString);
    JsonReader files = source.at("files");
    for (size_t i = 0, n = files.arraySize(kMaxElements); i < n; ++i) {
        plan.source.files.push_back(files.at(i).string(kMaxText));
    }
    JsonReader constitution = root.at("constitution");
    plan.constitution.name = optionalString(constitution, "name", kMaxText);
    plan.constitution.version = optionalString(constitution, "version", kMaxShortString);
    plan.constitution.description = optionalString(constitution, "description", kMaxText);
    JsonReader optimization = root.at("optimization");
    plan.optimization.level = static_cast<int>(optimization.at("level").numberIn(0, 3));
    JsonReader passes = optimization.at("passes");
    for (size_t i = 0, n = passes.arraySize(64); i < n; ++i) {
        plan.optimization.passes.push_back(passes.at(i).string(kMaxShortString));
    }
}

void readPromptsAndThresholds(const JsonReader& root, Plan& plan) {
    JsonReader prompts = root.at("prompts");
    plan.prompts.version = prompts.at("version").string(kMaxShortString);
    plan.prompts.yesNo = prompts.at("yes_no").string(kMaxText);
    plan.prompts.reasoning = prompts.at("reasoning").string(kMaxText);
    plan.prompts.summary = prompts.at("summary").string(kMaxText);
    if (plan.prompts.yesNo.find("{statement}") == std::string::npos) {
        prompts.at("yes_no").fail("the yes/no prompt has no {statement} placeholder");
    }
    JsonReader t = root.at("thresholds");
    plan.thresholds.notSatisfied = t.at("not_satisfied").numberIn(-1, 0);
    plan.thresholds.satisfied = t.at("satisfied").numberIn(0, 1);
    plan.thresholds.region = t.at("region").numberIn(0, 1);
    plan.thresholds.boxConfidence = t.at("box_confidence").numberIn(0, 1);
    plan.thresholds.smallBoxArea = t.at("small_box_area").numberIn(0, 1);
    plan.thresholds.escalate = t.at("escalate").boolean();
    if (auto calibration = root.optional("calibration")) {
        plan.calibrationModel = calibration->at("model").string(kMaxShortString);
    }
}

// The key is what the score cache and the priors are looked up by: recomputed, never trusted,
// so that no predicate can take another statement's answers.
void checkKey(const JsonReader& item, const Predicate& p) {
    const std::string expected = statementHash(p.statement);
    if (p.key != expected) {
        item.at("key").fail(fmt::format("the key does not match the statement: expected {} (the "
                                        "SHA-256 of the normalized statement), found '{}'",
                                        expected, p.key));
    }
}

void readPredicates(const JsonReader& root, Plan& plan) {
    JsonReader list = root.at("predicates");
    for (size_t i = 0, n = list.arraySize(kMaxElements); i < n; ++i) {
        JsonReader item = list.at(i);
        Predicate p;
        p.statement = item.at("statement").string(kMaxStatement);
        p.key = item.at("key").string(kMaxShortString);
        checkKey(item, p);
        p.object = optionalString(item, "object", kMaxStatement);
        p.cost = item.at("cost").numberIn(0, 1e9);
        if (p.cost <= 0) {
            item.at("cost").fail("cost must be greater than 0");
        }
        if (auto prior = item.optional("prior")) {
            p.prior = prior->numberIn(0, 1);
        }
        if (auto mNone = item.optional("m_none")) {
            p.mNone = mNone->numberIn(0, 1);
        }
        if (p.mNone && !plan.calibrationModel) {
            item.at("m_none").fail("a calibrated prior needs 'calibration.model' to say which "
                                   "model measured it");
        }
        plan.predicates.push_back(std::move(p));
    }
}

NodeOp parseOp(const JsonReader& op) {
    std::string name = op.string(kMaxShortString);
    if (name == "pred") {
        return NodeOp::Predicate;
    }
    if (name == "not") {
        return NodeOp::Not;
    }
    if (name == "and") {
        return NodeOp::And;
    }
    if (name == "or") {
        return NodeOp::Or;
    }
    if (name == "const") {
        return NodeOp::Const;
    }
    op.fail(fmt::format("unknown node op '{}': expected pred, not, and, or or const", name));
}

Node readNode(const JsonReader& item, size_t self, size_t total, const Plan& plan) {
    Node node;
    node.op = parseOp(item.at("op"));
    if (node.op == NodeOp::Predicate) {
        node.predicate = item.at("predicate").index(plan.predicates.size(), "predicates");
        return node;
    }
    if (node.op == NodeOp::Const) {
        node.value = item.at("value").boolean();
        return node;
    }
    JsonReader args = item.at("args");
    size_t count = args.arraySize(kMaxElements);
    if (count == 0 || (node.op == NodeOp::Not && count != 1)) {
        args.fail(node.op == NodeOp::Not ? "a 'not' node takes exactly one argument"
                                         : "an 'and' or 'or' node takes at least one argument");
    }
    for (size_t a = 0; a < count; ++a) {
        JsonReader arg = args.at(a);
        uint32_t child = arg.index(total, "nodes");
        if (child >= self) {
            arg.fail(fmt::format("node {} refers to node {}, which does not come before it: "
                                 "nodes must be topologically sorted (this also rules out cycles)",
                                 self, child));
        }
        node.children.push_back(child);
    }
    return node;
}

void readNodes(const JsonReader& root, Plan& plan) {
    JsonReader list = root.at("nodes");
    size_t n = list.arraySize(kMaxElements);
    plan.nodes.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        plan.nodes.push_back(readNode(list.at(i), i, n, plan));
    }
}

void readCategories(const JsonReader& root, Plan& plan) {
    JsonReader list = root.at("categories");
    std::set<std::string> seen;
    for (size_t i = 0, n = list.arraySize(kMaxElements); i < n; ++i) {
        JsonReader item = list.at(i);
        Category c{item.at("id").string(kMaxShortString), item.at("title").string(kMaxText)};
        if (!seen.insert(c.id).second) {
            item.at("id").fail(fmt::format("duplicate category id '{}'", c.id));
        }
        plan.categories.push_back(std::move(c));
    }
}

void readRules(const JsonReader& root, Plan& plan) {
    std::set<std::string> categories;
    for (const Category& c : plan.categories) {
        categories.insert(c.id);
    }
    JsonReader list = root.at("rules");
    std::set<std::string> seen;
    for (size_t i = 0, n = list.arraySize(kMaxElements); i < n; ++i) {
        JsonReader item = list.at(i);
        Rule r;
        r.id = item.at("id").string(kMaxShortString);
        if (r.id.empty() || !seen.insert(r.id).second) {
            item.at("id").fail(r.id.empty() ? "a rule id must not be empty"
                                            : fmt::format("duplicate rule id '{}'", r.id));
        }
        r.text = item.at("text").string(kMaxText);
        r.category = optionalString(item, "category", kMaxShortString);
        if (r.category && !categories.count(*r.category)) {
            item.at("category").fail(fmt::format("unknown category '{}'", *r.category));
        }
        r.severity = optionalString(item, "severity", kMaxShortString);
        JsonReader tags = item.at("tags");
        for (size_t t = 0, m = tags.arraySize(kMaxElements); t < m; ++t) {
            r.tags.push_back(tags.at(t).string(kMaxShortString));
        }
        r.root = item.at("root").index(plan.nodes.size(), "nodes");
        r.location = item.at("location").string(kMaxText);
        if (auto objectified = item.optional("objectified")) {
            r.objectified = Objectified{objectified->at("model").string(kMaxShortString),
                                        objectified->at("prompt_version").string(kMaxShortString)};
        }
        plan.rules.push_back(std::move(r));
    }
}

void readSchedule(const JsonReader& root, Plan& plan) {
    JsonReader waves = root.at("schedule");
    std::vector<bool> scheduled(plan.predicates.size(), false);
    for (size_t w = 0, n = waves.arraySize(kMaxElements); w < n; ++w) {
        JsonReader wave = waves.at(w);
        std::vector<uint32_t> members;
        for (size_t i = 0, m = wave.arraySize(kMaxElements); i < m; ++i) {
            JsonReader entry = wave.at(i);
            uint32_t p = entry.index(plan.predicates.size(), "predicates");
            if (scheduled[p]) {
                entry.fail(fmt::format("predicate {} is scheduled twice", p));
            }
            scheduled[p] = true;
            members.push_back(p);
        }
        plan.schedule.push_back(std::move(members));
    }
    for (size_t p = 0; p < scheduled.size(); ++p) {
        if (!scheduled[p]) {
            waves.fail(fmt::format("predicate {} is in no wave of the schedule", p));
        }
    }
}

} // namespace

Plan fromJson(const nlohmann::json& doc) {
    JsonReader root(doc, "");
    if (!doc.is_object()) {
        root.fail(fmt::format("a plan is a JSON object, found {}", doc.type_name()));
    }
    if (!doc.contains("schema")) {
        root.fail("not a clue plan: the 'schema' field is missing");
    }
    Plan plan;
    readHeader(root, plan);
    readPromptsAndThresholds(root, plan);
    readPredicates(root, plan);
    readNodes(root, plan);
    readCategories(root, plan);
    readRules(root, plan);
    readSchedule(root, plan);
    return plan;
}

} // namespace clue::plan
