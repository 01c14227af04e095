// World file reader: checks keys, types and ranges, and indexes statements and images.
#include "tests/sim/world_loader.h"

#include "common/statement.h"
#include "common/yaml_input.h"
#include "tests/sim/embedding_space.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace clue::sim {
namespace {

class Reader {
public:
    explicit Reader(std::string name) : name_(std::move(name)) {}

    [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
        const YAML::Mark mark = node.Mark();
        throw WorldError(name_ + ":" + std::to_string(mark.line + 1) + ":" +
                         std::to_string(mark.column + 1) + ": " + message);
    }

    void expectMap(const YAML::Node& node, const std::string& what) const {
        if (!node.IsMap()) {
            fail(node, what + " must be a mapping");
        }
    }

    void checkKeys(const YAML::Node& map, const std::vector<std::string_view>& allowed) const {
        for (const auto& entry : map) {
            const std::string key = entry.first.as<std::string>();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                fail(entry.first, "unknown key '" + key + "'");
            }
        }
    }

    double number(const YAML::Node& map, const char* key, double fallback, double lo,
                  double hi) const {
        const YAML::Node node = map[key];
        if (!node) {
            return fallback;
        }
        double value = 0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
            fail(node, std::string("'") + key + "' must be a number");
        }
        if (value < lo || value > hi) {
            std::ostringstream range;
            range << "'" << key << "' must be between " << lo << " and " << hi;
            fail(node, range.str());
        }
        return value;
    }

    int integer(const YAML::Node& map, const char* key, int fallback, int lo, int hi) const {
        const double value = number(map, key, fallback, lo, hi);
        if (value != static_cast<int>(value)) {
            fail(map[key], std::string("'") + key + "' must be an integer");
        }
        return static_cast<int>(value);
    }

    std::string text(const YAML::Node& map, const char* key, const std::string& fallback) const {
        const YAML::Node node = map[key];
        if (!node) {
            return fallback;
        }
        if (!node.IsScalar()) {
            fail(node, std::string("'") + key + "' must be a string");
        }
        return node.as<std::string>();
    }

    std::vector<std::string> texts(const YAML::Node& map, const char* key) const {
        std::vector<std::string> out;
        const YAML::Node node = map[key];
        if (!node) {
            return out;
        }
        if (!node.IsSequence()) {
            fail(node, std::string("'") + key + "' must be a list of strings");
        }
        for (const YAML::Node& item : node) {
            if (!item.IsScalar()) {
                fail(item, std::string("'") + key + "' must be a list of strings");
            }
            out.push_back(item.as<std::string>());
        }
        return out;
    }

    // The mapping under `key`, its keys checked; an undefined node when the key is absent.
    YAML::Node section(const YAML::Node& map, const char* key,
                       const std::vector<std::string_view>& keys) const {
        const YAML::Node node = map[key];
        if (node) {
            expectMap(node, std::string("'") + key + "'");
            checkKeys(node, keys);
        }
        return node;
    }

    YAML::Node list(const YAML::Node& map, const char* key) const {
        const YAML::Node node = map[key];
        if (node && !node.IsSequence()) {
            fail(node, std::string("'") + key + "' must be a list");
        }
        return node;
    }

private:
    std::string name_;
};

std::set<std::string> normalizedSet(const std::vector<std::string>& statements) {
    std::set<std::string> out;
    for (const std::string& s : statements) {
        out.insert(normalizeStatement(s));
    }
    return out;
}

StatementBehaviour readBehaviour(const Reader& r, const YAML::Node& node,
                                 const StatementBehaviour& base) {
    StatementBehaviour b = base;
    b.prior = r.number(node, "prior", base.prior, 0.001, 0.999);
    b.noise = r.number(node, "noise", base.noise, 0, 10);
    b.evidenceTrue = r.number(node, "evidence_true", base.evidenceTrue, 0, 50);
    b.evidenceFalse = r.number(node, "evidence_false", base.evidenceFalse, 0, 50);
    b.hard = r.number(node, "hard", base.hard, 0, 1);
    b.regionBias = r.number(node, "region_bias", base.regionBias, 0, 1);
    b.object = r.text(node, "object", base.object);
    if (node["reasoning_error_rate"]) {
        b.reasoningErrorRate = r.number(node, "reasoning_error_rate", 0, 0, 1);
    }
    return b;
}

const std::vector<std::string_view> behaviourKeys = {
    "prior", "noise",       "evidence_true", "evidence_false",
    "hard",  "region_bias", "object",        "reasoning_error_rate"};

void readDefaults(const Reader& r, const YAML::Node& root, World& world) {
    if (const YAML::Node node = r.section(root, "defaults", behaviourKeys)) {
        world.defaults = readBehaviour(r, node, world.defaults);
    }
}

void readStatements(const Reader& r, const YAML::Node& root, World& world) {
    for (const YAML::Node& node : r.list(root, "statements")) {
        r.expectMap(node, "a statement entry");
        std::vector<std::string_view> keys = behaviourKeys;
        keys.push_back("statement");
        r.checkKeys(node, keys);
        StatementBehaviour b = readBehaviour(r, node, world.defaults);
        b.statement = r.text(node, "statement", "");
        const std::string key = normalizeStatement(b.statement);
        if (key.empty()) {
            r.fail(node, "a statement entry needs a non-empty 'statement'");
        }
        if (!world.statements.emplace(key, b).second) {
            r.fail(node, "statement '" + b.statement + "' is listed twice");
        }
    }
}

bool isSha256Hex(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// `relevance`: a mapping from a text to the cosine similarity of the image with it, in [-1, 1].
std::map<std::string, double> readRelevance(const Reader& r, const YAML::Node& image) {
    std::map<std::string, double> out;
    const YAML::Node node = image["relevance"];
    if (!node) {
        return out;
    }
    r.expectMap(node, "'relevance'");
    for (const auto& entry : node) {
        const std::string text = entry.first.as<std::string>();
        const double similarity = r.number(node, text.c_str(), 0, -1, 1);
        if (!out.emplace(normalizeStatement(text), similarity).second) {
            r.fail(entry.first, "the text '" + text + "' is listed twice in 'relevance'");
        }
    }
    return out;
}

void readImages(const Reader& r, const YAML::Node& root, World& world) {
    for (const YAML::Node& node : r.list(root, "images")) {
        r.expectMap(node, "an image entry");
        r.checkKeys(
            node, {"sha256", "file", "true", "hard", "region", "masked_of", "object", "relevance"});
        ImageFacts facts;
        facts.sha256 = r.text(node, "sha256", "");
        if (!isSha256Hex(facts.sha256)) {
            r.fail(node, "an image entry needs 'sha256': 64 lower-case hex digits");
        }
        facts.file = r.text(node, "file", "");
        facts.trueStatements = normalizedSet(r.texts(node, "true"));
        facts.hardStatements = normalizedSet(r.texts(node, "hard"));
        facts.regionStatements = normalizedSet(r.texts(node, "region"));
        facts.maskedOf = r.text(node, "masked_of", "");
        facts.maskedObject = r.text(node, "object", "");
        facts.relevance = readRelevance(r, node);
        if (!facts.maskedOf.empty() && !isSha256Hex(facts.maskedOf)) {
            r.fail(node["masked_of"], "'masked_of' must be a SHA-256 in lower-case hex");
        }
        if (!world.images.emplace(facts.sha256, facts).second) {
            r.fail(node, "image " + facts.sha256 + " is listed twice");
        }
    }
}

void readEmbeddings(const Reader& r, const YAML::Node& root, World& world) {
    const YAML::Node node = r.section(root, "embeddings", {"model", "default_similarity"});
    if (!node) {
        return;
    }
    world.embeddings.model = r.text(node, "model", world.embeddings.model);
    world.embeddings.defaultSimilarity =
        r.number(node, "default_similarity", world.embeddings.defaultSimilarity, -1, 1);
}

void readLatency(const Reader& r, const YAML::Node& root, World& world) {
    const YAML::Node node = r.section(root, "latency", {"base_ms", "per_token_ms", "slots"});
    if (!node) {
        return;
    }
    world.latency.baseMs = r.number(node, "base_ms", 0, 0, 600000);
    world.latency.perTokenMs = r.number(node, "per_token_ms", 0, 0, 60000);
    world.latency.slots = r.integer(node, "slots", world.latency.slots, 1, 4096);
}

void readReasoning(const Reader& r, const YAML::Node& root, World& world) {
    const YAML::Node node =
        r.section(root, "reasoning", {"error_rate", "fenced_share", "prose_share"});
    if (!node) {
        return;
    }
    ReasoningBehaviour& rb = world.reasoning;
    rb.errorRate = r.number(node, "error_rate", rb.errorRate, 0, 1);
    rb.fencedShare = r.number(node, "fenced_share", rb.fencedShare, 0, 1);
    rb.proseShare = r.number(node, "prose_share", rb.proseShare, 0, 1);
    if (rb.fencedShare + rb.proseShare > 1) {
        r.fail(node, "'fenced_share' and 'prose_share' add up to more than 1");
    }
}

void readPerturbation(const Reader& r, const YAML::Node& root, World& world) {
    const YAML::Node node = r.section(root, "perturbation", {"max_distance", "noise_per_distance"});
    if (!node) {
        return;
    }
    PerturbationBehaviour& p = world.perturbation;
    p.maxDistance = r.number(node, "max_distance", p.maxDistance, 0, 1);
    p.noisePerDistance = r.number(node, "noise_per_distance", p.noisePerDistance, 0, 1000);
}

FaultRule readFault(const Reader& r, const YAML::Node& node) {
    r.expectMap(node, "a fault entry");
    r.checkKeys(
        node, {"kind", "share", "first", "statement", "request_kind", "retry_after_s", "stall_ms"});
    FaultRule rule;
    const std::string kind = r.text(node, "kind", "");
    const auto parsed = faultKindFromName(kind);
    if (!parsed) {
        r.fail(node, "a fault needs 'kind': http_500, http_429, stall, truncate or no_logprobs");
    }
    rule.kind = *parsed;
    rule.share = r.number(node, "share", 1, 0, 1);
    if (node["first"]) {
        rule.first = static_cast<std::uint64_t>(r.integer(node, "first", 0, 0, 1 << 30));
    }
    rule.statement = normalizeStatement(r.text(node, "statement", ""));
    rule.requestKind = r.text(node, "request_kind", "");
    rule.retryAfterSeconds = r.integer(node, "retry_after_s", 1, 0, 3600);
    rule.stallMs = r.integer(node, "stall_ms", 2000, 0, 3600000);
    return rule;
}

std::vector<ChainAlternative> readChainStep(const Reader& r, const YAML::Node& step) {
    r.expectMap(step, "a chain step");
    r.checkKeys(step, {"any"});
    std::vector<ChainAlternative> group;
    for (const YAML::Node& alt : r.list(step, "any")) {
        r.expectMap(alt, "a chain alternative");
        r.checkKeys(alt, {"statement", "object"});
        group.push_back({r.text(alt, "statement", ""), r.text(alt, "object", "")});
    }
    return group;
}

ObjectifyScript readObjectify(const Reader& r, const YAML::Node& node) {
    r.expectMap(node, "an objectify entry");
    r.checkKeys(node, {"rule", "ratings", "explanations", "rewrites", "chain", "invalid"});
    ObjectifyScript script;
    script.rule = r.text(node, "rule", "");
    if (normalizeStatement(script.rule).empty()) {
        r.fail(node, "an objectify entry needs a non-empty 'rule'");
    }
    for (const YAML::Node& rating : r.list(node, "ratings")) {
        int value = 0;
        if (!rating.IsScalar() || !YAML::convert<int>::decode(rating, value)) {
            r.fail(rating, "'ratings' must be a list of integers");
        }
        script.ratings.push_back(value);
    }
    script.explanations = r.texts(node, "explanations");
    script.rewrites = r.texts(node, "rewrites");
    for (const YAML::Node& step : r.list(node, "chain")) {
        script.chain.push_back(readChainStep(r, step));
    }
    if (const YAML::Node invalid = r.section(node, "invalid", {"rate", "rewrite", "extract"})) {
        script.invalidRate = r.integer(invalid, "rate", 0, 0, 1000);
        script.invalidRewrite = r.integer(invalid, "rewrite", 0, 0, 1000);
        script.invalidExtract = r.integer(invalid, "extract", 0, 0, 1000);
    }
    return script;
}

std::uint64_t readSeed(const Reader& r, const YAML::Node& root) {
    std::uint64_t seed = 0;
    const YAML::Node node = root["seed"];
    if (node && (!node.IsScalar() || !YAML::convert<std::uint64_t>::decode(node, seed))) {
        r.fail(node, "'seed' must be a non-negative integer");
    }
    return seed;
}

World readWorld(const Reader& r, const YAML::Node& root) {
    if (!root || root.IsNull()) {
        return World{};
    }
    r.expectMap(root, "a world file");
    r.checkKeys(root,
                {"seed", "model", "image_tokens", "token_style", "latency", "reasoning", "defaults",
                 "statements", "images", "faults", "objectify", "perturbation", "embeddings"});
    World world;
    world.seed = readSeed(r, root);
    world.model = r.text(root, "model", world.model);
    world.imageTokens = r.integer(root, "image_tokens", world.imageTokens, 0, 1 << 20);
    if (root["token_style"]) {
        const auto style = tokenStyleFromName(r.text(root, "token_style", ""));
        if (!style) {
            r.fail(root["token_style"], "'token_style' must be decoded, sentencepiece or byte_bpe");
        }
        world.tokenStyle = *style;
    }
    readLatency(r, root, world);
    readReasoning(r, root, world);
    readPerturbation(r, root, world);
    readDefaults(r, root, world);
    readStatements(r, root, world);
    readEmbeddings(r, root, world);
    readImages(r, root, world);
    for (const YAML::Node& node : r.list(root, "faults")) {
        world.faults.push_back(readFault(r, node));
    }
    for (const YAML::Node& node : r.list(root, "objectify")) {
        world.objectify.push_back(readObjectify(r, node));
    }
    return world;
}

} // namespace

World parseWorld(const std::string& yamlText, const std::string& name) {
    YAML::Node root;
    try {
        root = loadYamlInput(yamlText);
    } catch (const YAML::Exception& e) {
        throw WorldError(name + ":" + std::to_string(e.mark.line + 1) + ":" +
                         std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
    World world = readWorld(Reader(name), root);
    try {
        EmbeddingSpace check(world); // every image's relevance must be embeddable
    } catch (const WorldError& e) {
        throw WorldError(name + ": " + e.what());
    }
    return world;
}

World loadWorldFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw WorldError(path + ": cannot read the world file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    World world = parseWorld(text.str(), path);
    world.directory = std::filesystem::absolute(path).parent_path();
    return world;
}

} // namespace clue::sim
