// The lockfile's YAML: fixed key order, sorted entries, every text quoted the same way, so
// that the same content always gives the same bytes and a diff shows only what changed.
#include "compiler/objectify/lockfile.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace clue::objectify {
namespace {

void quoted(YAML::Emitter& out, const char* key, const std::string& value) {
    out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

void emitRound(YAML::Emitter& out, const LockRound& round) {
    out << YAML::BeginMap;
    quoted(out, "text", round.text);
    out << YAML::Key << "rating" << YAML::Value << round.rating;
    quoted(out, "explanation", round.explanation);
    out << YAML::EndMap;
}

void emitObjects(YAML::Emitter& out, const std::vector<ChainStatement>& objects) {
    out << YAML::Key << "objects" << YAML::Value << YAML::BeginSeq;
    for (const ChainStatement& s : objects) {
        out << YAML::BeginMap;
        quoted(out, "statement", s.statement);
        quoted(out, "object", s.object);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitEntry(YAML::Emitter& out, const LockEntry& e) {
    out << YAML::BeginMap;
    quoted(out, "id", e.ruleId);
    quoted(out, "text", e.text);
    out << YAML::Key << "text_sha256" << YAML::Value << e.textSha256;
    quoted(out, "model", e.model);
    quoted(out, "prompt_version", e.promptVersion);
    out << YAML::Key << "rating" << YAML::Value << e.rating;
    quoted(out, "explanation", e.explanation);
    if (!e.rewrites.empty()) {
        out << YAML::Key << "rewrites" << YAML::Value << YAML::BeginSeq;
        for (const LockRound& round : e.rewrites) {
            emitRound(out, round);
        }
        out << YAML::EndSeq;
    }
    out << YAML::Key << "final_round" << YAML::Value << e.finalRound;
    // Single quotes keep the formula's own double quotes readable.
    out << YAML::Key << "when" << YAML::Value << YAML::SingleQuoted << e.when;
    if (!e.objects.empty()) {
        emitObjects(out, e.objects);
    }
    out << YAML::EndMap;
}

} // namespace

std::string writeLockfile(const Lockfile& lockfile, const std::string& sourceName) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "lockfile" << YAML::Value << kLockfileVersion;
    out << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq;
    for (const LockEntry* entry : lockfile.sorted()) {
        emitEntry(out, *entry);
    }
    out << YAML::EndSeq << YAML::EndMap;
    return fmt::format(
               "# The objectification results of `clue objectify` for {}: per rule, the model's\n"
               "# ratings, rewrites and extracted precondition chain. `clue compile` reads the "
               "chain\n"
               "# of each rule that has no `when`. Generated: review changes like code.\n",
               sourceName) +
           out.c_str() + "\n";
}

} // namespace clue::objectify
