// Building the SARIF log with nlohmann::json, one function per object kind.
#include "compiler/lint/output/sarif_writer.h"

#include "common/assert.h"
#include "common/uri.h"
#include "compiler/lint/output/diagnostic_docs.h"
#include "compiler/lint/output/docs_location.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

namespace clue::lint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* sarifLevel(Level level) {
    switch (level) {
    case Level::Error:
        return "error";
    case Level::Warning:
        return "warning";
    case Level::Note:
        return "note";
    }
    CLUE_UNREACHABLE();
}

class SarifBuilder {
public:
    SarifBuilder(const SourceManager& sources, const Catalogue& catalogue, const LintConfig& config,
                 const SarifOptions& options)
        : sources_(sources), catalogue_(catalogue), config_(config), options_(options),
          root_(rootOf(options.root)) {}

    json build(const LintResult& result) const {
        json run = {
            {"tool", {{"driver", driver(result)}}},
            {"invocations", json::array({invocation(result)})},
            {"originalUriBaseIds", {{"SRCROOT", {{"uri", fileUri(root_.generic_string() + "/")}}}}},
            {"columnKind", "unicodeCodePoints"},
            {"results", json::array()}};
        for (const Finding& f : result.findings) {
            if (f.rule != nullptr) {
                run["results"].push_back(resultOf(f));
            }
        }
        return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({std::move(run)})}};
    }

private:
    static fs::path rootOf(const std::string& root) {
        std::error_code ec;
        fs::path base = root.empty() ? fs::current_path(ec) : fs::absolute(root, ec);
        return base.lexically_normal();
    }

    json driver(const LintResult& result) const {
        json rules = json::array();
        for (const auto& rule : catalogue_.rules()) {
            rules.push_back(descriptor(*rule));
        }
        json out = {{"name", "clue"},
                    {"version", options_.toolVersion},
                    {"semanticVersion", options_.toolVersion},
                    {"informationUri", options_.docsBase + "cli/lint.md"},
                    {"rules", std::move(rules)}};
        if (json codes = notificationDescriptors(result); !codes.empty()) {
            out["notifications"] = std::move(codes);
        }
        return out;
    }

    // The compiler's codes among the notifications, each with a link to its docs.
    json notificationDescriptors(const LintResult& result) const {
        std::set<std::string> codes;
        for (const Finding& f : result.findings) {
            if (f.rule == nullptr) {
                codes.insert(f.diagnostic.code);
            }
        }
        json out = json::array();
        for (const std::string& code : codes) {
            out.push_back({{"id", code}, {"helpUri", diagnosticHelpUri(options_.docsBase, code)}});
        }
        return out;
    }

    json descriptor(const LintRule& rule) const {
        const RuleMeta& m = rule.meta();
        std::string full = m.summary + ". Category: " + categoryName(m.category) + ".";
        return {{"id", m.code},
                {"name", m.name},
                {"shortDescription", {{"text", m.summary}}},
                {"fullDescription", {{"text", full}}},
                {"helpUri", options_.docsBase + "lint/" + m.name + ".md"},
                {"help", {{"text", "See docs/lint/" + m.name + ".md"}}},
                {"defaultConfiguration", {{"level", ruleLevelName(m.defaultLevel)}}},
                {"properties",
                 {{"category", categoryName(m.category)},
                  {"tags", json::array({categoryName(m.category)})}}}};
    }

    json invocation(const LintResult& result) const {
        json notifications = json::array();
        for (const Finding& f : result.findings) {
            if (f.rule == nullptr) {
                notifications.push_back(notification(f.diagnostic));
            }
        }
        json overrides = json::array();
        for (const auto& rule : catalogue_.rules()) {
            RuleLevel level = config_.levelOf(*rule);
            if (level == rule->meta().defaultLevel) {
                continue;
            }
            json configuration = level == RuleLevel::Off ? json{{"enabled", false}}
                                                         : json{{"level", ruleLevelName(level)}};
            overrides.push_back(
                {{"descriptor", {{"id", rule->code()}, {"index", catalogue_.indexOf(*rule)}}},
                 {"configuration", std::move(configuration)}});
        }
        json out = {{"executionSuccessful", result.failed.empty()},
                    {"toolExecutionNotifications", std::move(notifications)}};
        if (!overrides.empty()) {
            out["ruleConfigurationOverrides"] = std::move(overrides);
        }
        return out;
    }

    json notification(const Diagnostic& d) const {
        json n = {{"level", sarifLevel(d.level)},
                  {"message", {{"text", d.message}}},
                  {"descriptor", {{"id", d.code}}}};
        if (d.span) {
            n["locations"] = json::array({location(*d.span)});
        }
        return n;
    }

    json artifact(FileId file) const {
        std::error_code ec;
        fs::path absolute = fs::absolute(sources_.path(file), ec).lexically_normal();
        fs::path relative = absolute.lexically_relative(root_);
        if (relative.empty() || *relative.begin() == "..") {
            return {{"uri", fileUri(absolute.generic_string())}};
        }
        return {{"uri", encodeUriPath(relative.generic_string())}, {"uriBaseId", "SRCROOT"}};
    }

    json region(const SourceSpan& span) const {
        LineColumn begin = sources_.lineColumn(span.file, span.begin);
        LineColumn end = sources_.lineColumn(span.file, span.end);
        return {{"startLine", begin.line},
                {"startColumn", begin.column},
                {"endLine", end.line},
                {"endColumn", end.column}};
    }

    json location(const SourceSpan& span) const {
        return {{"physicalLocation",
                 {{"artifactLocation", artifact(span.file)}, {"region", region(span)}}}};
    }

    json resultOf(const Finding& f) const {
        const Diagnostic& d = f.diagnostic;
        json r = {{"ruleId", d.code},
                  {"ruleIndex", catalogue_.indexOf(*f.rule)},
                  {"level", sarifLevel(d.level)},
                  {"message", {{"text", d.message}}},
                  {"locations", json::array({location(*d.span)})}};
        json related = json::array();
        json notes = json::array();
        for (const DiagnosticNote& note : d.notes) {
            if (note.span) {
                json l = location(*note.span);
                l["id"] = related.size();
                l["message"] = {{"text", note.message}};
                related.push_back(std::move(l));
            } else {
                notes.push_back(note.message);
            }
        }
        if (!related.empty()) {
            r["relatedLocations"] = std::move(related);
        }
        if (!f.fix.empty()) {
            r["fixes"] = json::array({fixOf(f)});
        }
        if (f.suppression) {
            json s = {{"kind", "inSource"}, {"location", location(f.suppression->span)}};
            if (!f.suppression->reason.empty()) {
                s["justification"] = f.suppression->reason;
            }
            r["suppressions"] = json::array({std::move(s)});
        }
        json properties = {{"category", categoryName(f.rule->meta().category)}};
        if (!d.help.empty()) {
            properties["help"] = d.help;
        }
        if (!notes.empty()) {
            properties["notes"] = std::move(notes);
        }
        r["properties"] = std::move(properties);
        return r;
    }

    json fixOf(const Finding& f) const {
        json changes = json::array();
        for (const Edit& e : f.fix) {
            changes.push_back({{"artifactLocation", artifact(e.span.file)},
                               {"replacements",
                                json::array({{{"deletedRegion", region(e.span)},
                                              {"insertedContent", {{"text", e.replacement}}}}})}});
        }
        return {{"description", {{"text", f.diagnostic.help}}},
                {"artifactChanges", std::move(changes)}};
    }

    const SourceManager& sources_;
    const Catalogue& catalogue_;
    const LintConfig& config_;
    const SarifOptions& options_;
    fs::path root_; // absolute
};

} // namespace

nlohmann::json sarifLog(const LintResult& result, const SourceManager& sources,
                        const Catalogue& catalogue, const LintConfig& config,
                        const SarifOptions& options) {
    return SarifBuilder(sources, catalogue, config, options).build(result);
}

} // namespace clue::lint
