// Reading a lockfile: YAML through yaml-cpp and the typed reader that clue.yaml shares
// (common/yaml_map.h), every key and value checked, with the YAML marks turned into source spans
// for the diagnostics.
#include "compiler/objectify/lockfile_reader.h"

#include "common/file_io.h"
#include "common/sha256.h"
#include "common/statement.h"
#include "common/yaml_input.h"
#include "common/yaml_map.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/objectify/locked_formula.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <set>
#include <tuple>

namespace clue::objectify {
namespace {

class LockReader {
public:
    LockReader(SourceManager& sources, FileId file, DiagnosticEngine& diags)
        : sources_(sources), file_(file), diags_(diags) {}

    std::optional<Lockfile> read();

private:
    std::optional<LockEntry> readEntry(const YAML::Node& node);
    bool readList(const YAML::Node& entry, const char* key, std::initializer_list<const char*> keys,
                  const std::function<bool(const YAML::Node&)>& read);
    bool readRounds(const YAML::Node& entry, LockEntry& out);
    bool readObjects(const YAML::Node& entry, LockEntry& out);
    bool checkFormula(const YAML::Node& entry, LockEntry& out);
    bool checkKeys(const YAML::Node& map, std::initializer_list<const char*> known,
                   std::initializer_list<const char*> required);

    std::optional<std::string> text(const YAML::Node& map, const char* key, bool allowEmpty);
    std::optional<int> integer(const YAML::Node& map, const char* key, int min, int max);

    SourceSpan spanAt(const YAML::Mark& mark) const;
    void error(const YAML::Mark& mark, std::string message);

    SourceManager& sources_;
    FileId file_;
    DiagnosticEngine& diags_;
    bool failed_ = false;
};

// From the mark to the end of its line: the caret underlines the value or entry at fault.
SourceSpan LockReader::spanAt(const YAML::Mark& mark) const {
    if (mark.line < 0) {
        return {file_, 0, 0};
    }
    return sources_.restOfLine(file_, static_cast<uint32_t>(mark.line) + 1,
                               static_cast<uint32_t>(std::max(mark.column, 0)));
}

void LockReader::error(const YAML::Mark& mark, std::string message) {
    failed_ = true;
    diags_.error(code::LockfileMalformed, spanAt(mark), std::move(message))
        .withHelp("fix the entry by hand, or delete it and run `clue objectify` again");
}

bool LockReader::checkKeys(const YAML::Node& map, std::initializer_list<const char*> known,
                           std::initializer_list<const char*> required) {
    YamlMap entry(map);
    bool ok = true;
    for (const auto& [key, mark] : entry.unknownKeys({known.begin(), known.end()})) {
        error(mark, fmt::format("unknown key '{}' in a lock entry", key));
        ok = false;
    }
    for (const char* key : required) {
        if (!entry.has(key)) {
            error(entry.mark(), fmt::format("the lock entry has no '{}'", key));
            ok = false;
        }
    }
    return ok;
}

std::optional<std::string> LockReader::text(const YAML::Node& map, const char* key,
                                            bool allowEmpty) {
    YamlValue<std::string> read = YamlMap(map).scalar(key);
    if (!read.value || (!allowEmpty && read.value->empty())) {
        error(read.mark, fmt::format("'{}' must be a {}text", key, allowEmpty ? "" : "non-empty "));
        return std::nullopt;
    }
    return read.value;
}

std::optional<int> LockReader::integer(const YAML::Node& map, const char* key, int min, int max) {
    YamlValue<long long> read = YamlMap(map).integer(key);
    if (!read.value || *read.value < min || *read.value > max) {
        error(read.mark, fmt::format("'{}' must be a whole number from {} to {}", key, min, max));
        return std::nullopt;
    }
    return static_cast<int>(*read.value);
}

// The optional list `key` of `entry`: each item a mapping with exactly `keys`, given to `read`.
bool LockReader::readList(const YAML::Node& entry, const char* key,
                          std::initializer_list<const char*> keys,
                          const std::function<bool(const YAML::Node&)>& read) {
    const YAML::Node list = entry[key];
    if (!list) {
        return true;
    }
    std::string shape = fmt::format("{{{}}}", fmt::join(keys, ", "));
    if (!list.IsSequence()) {
        error(list.Mark(), fmt::format("'{}' must be a list of {}", key, shape));
        return false;
    }
    for (const YAML::Node& item : list) {
        if (!item.IsMap()) {
            error(item.Mark(), fmt::format("each item of '{}' must be a mapping {}", key, shape));
            return false;
        }
        if (!checkKeys(item, keys, keys) || !read(item)) {
            return false;
        }
    }
    return true;
}

bool LockReader::readRounds(const YAML::Node& entry, LockEntry& out) {
    return readList(entry, "rewrites", {"text", "rating", "explanation"},
                    [&](const YAML::Node& round) {
                        auto text = this->text(round, "text", false);
                        auto rating = integer(round, "rating", 1, 10);
                        auto explanation = this->text(round, "explanation", true);
                        if (text && rating && explanation) {
                            out.rewrites.push_back({*text, *rating, *explanation});
                        }
                        return text && rating && explanation;
                    });
}

bool LockReader::readObjects(const YAML::Node& entry, LockEntry& out) {
    return readList(entry, "objects", {"statement", "object"}, [&](const YAML::Node& item) {
        auto statement = text(item, "statement", false);
        auto object = text(item, "object", false);
        if (statement && object) {
            out.objects.push_back({*statement, *object});
        }
        return statement && object;
    });
}

// The formula must parse, and every object must belong to one of its statements.
bool LockReader::checkFormula(const YAML::Node& entry, LockEntry& out) {
    const YAML::Node when = entry["when"];
    std::string why;
    // The writer single-quotes the formula: it starts one column after the value's mark.
    FormulaPlace place{sources_.path(file_), static_cast<uint32_t>(when.Mark().line) + 1,
                       static_cast<uint32_t>(when.Mark().column) + 1};
    std::unique_ptr<ast::Formula> formula = parseLockedFormula(out.when, sources_, place, why);
    if (!formula) {
        error(when.Mark(), "the 'when' formula cannot be read: " + why);
        return false;
    }
    std::vector<std::string> used;
    collectStatements(*formula, used);
    std::set<std::string> statements;
    for (const std::string& s : used) {
        statements.insert(normalizeStatement(s));
    }
    for (size_t i = 0; i < out.objects.size(); ++i) {
        if (!statements.contains(normalizeStatement(out.objects[i].statement))) {
            error(entry["objects"][i].Mark(),
                  fmt::format("the object '{}' is for \"{}\", which the 'when' formula does not "
                              "use",
                              out.objects[i].object, out.objects[i].statement));
            return false;
        }
    }
    out.formula = std::move(formula);
    return true;
}

std::optional<LockEntry> LockReader::readEntry(const YAML::Node& node) {
    if (!node.IsMap()) {
        error(node.Mark(), "a lock entry must be a mapping");
        return std::nullopt;
    }
    if (!checkKeys(node,
                   {"id", "text", "text_sha256", "model", "prompt_version", "rating", "explanation",
                    "rewrites", "final_round", "when", "objects"},
                   {"id", "text", "text_sha256", "model", "prompt_version", "rating", "explanation",
                    "final_round", "when"})) {
        return std::nullopt;
    }
    LockEntry e;
    auto id = text(node, "id", false), ruleText = text(node, "text", false),
         hash = text(node, "text_sha256", false), model = text(node, "model", false),
         prompts = text(node, "prompt_version", false),
         explanation = text(node, "explanation", true), when = text(node, "when", false);
    auto rating = integer(node, "rating", 1, 10);
    if (!id || !ruleText || !hash || !model || !prompts || !explanation || !when || !rating ||
        !readRounds(node, e) || !readObjects(node, e)) {
        return std::nullopt;
    }
    e.ruleId = *id, e.text = *ruleText, e.textSha256 = *hash, e.model = *model;
    e.promptVersion = *prompts, e.explanation = *explanation, e.when = *when, e.rating = *rating;
    e.span = spanAt(YamlMap(node).keyMark("id"));
    if (e.textSha256 != sha256Hex(e.text)) {
        error(node["text_sha256"].Mark(),
              "'text_sha256' is not the SHA-256 of 'text': the entry was edited by hand");
        return std::nullopt;
    }
    auto finalRound = integer(node, "final_round", 0, static_cast<int>(e.rewrites.size()));
    if (!finalRound || !checkFormula(node, e)) {
        return std::nullopt;
    }
    e.finalRound = *finalRound;
    return e;
}

std::optional<Lockfile> LockReader::read() {
    YAML::Node root;
    try {
        root = loadYamlInput(sources_.contents(file_));
    } catch (const YAML::Exception& e) {
        error(e.mark, "the lockfile is not valid YAML: " + e.msg);
        return std::nullopt;
    }
    if (!root.IsMap() || !root["lockfile"] || !root["rules"]) {
        error(root.IsDefined() ? root.Mark() : YAML::Mark(),
              fmt::format("this is not a lockfile: it must be a mapping with 'lockfile: {}' and "
                          "'rules'",
                          kLockfileVersion));
        return std::nullopt;
    }
    if (!root["lockfile"].IsScalar() || root["lockfile"].Scalar() != kLockfileVersion) {
        error(root["lockfile"].Mark(),
              fmt::format("unknown lockfile version; this clue reads '{}'", kLockfileVersion));
        return std::nullopt;
    }
    const YAML::Node rules = root["rules"];
    if (!rules.IsSequence()) {
        error(rules.Mark(), "'rules' must be a list of lock entries");
        return std::nullopt;
    }
    Lockfile lockfile;
    std::set<std::tuple<std::string, std::string, std::string>> keys;
    for (const YAML::Node& node : rules) {
        std::optional<LockEntry> entry = readEntry(node);
        if (entry && !keys.emplace(entry->textSha256, entry->model, entry->promptVersion).second) {
            error(node.Mark(), "a second entry for the same rule text, model and prompt version");
        } else if (entry) {
            lockfile.add(std::move(*entry));
        }
    }
    if (failed_) {
        return std::nullopt;
    }
    return lockfile;
}

} // namespace

std::optional<Lockfile> parseLockfile(SourceManager& sources, FileId file,
                                      DiagnosticEngine& diags) {
    return LockReader(sources, file, diags).read();
}

std::optional<Lockfile> readLockfile(const std::string& path, SourceManager& sources,
                                     DiagnosticEngine& diags) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return Lockfile{};
    }
    std::string why;
    std::optional<std::string> contents = readFile(path, why);
    if (!contents) {
        diags.error(code::LockfileMalformed, std::nullopt,
                    fmt::format("cannot read the lockfile '{}': {}", path, why));
        return std::nullopt;
    }
    return parseLockfile(sources, sources.addFile(path, std::move(*contents)), diags);
}

} // namespace clue::objectify
