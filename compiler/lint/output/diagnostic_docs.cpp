// Finding a code's section in diagnostics.md, or a rule's page, by reading the docs folder.
#include "compiler/lint/output/diagnostic_docs.h"

#include "common/edit_distance.h"
#include "common/file_io.h"
#include "compiler/lint/catalogue.h"
#include "compiler/lint/output/docs_location.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

namespace clue::lint {
namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

struct Section {
    std::string heading; // "E025: unknown severity"
    std::string markdown;
};

// The "### CODE: title" sections of diagnostics.md by code; each runs to the next heading of
// level 3 or above.
std::map<std::string, Section> sectionsOf(std::string_view text) {
    std::map<std::string, Section> sections;
    Section* open = nullptr;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end == std::string_view::npos ? text.size() : end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (line.starts_with("#") && !line.starts_with("####")) {
            open = nullptr;
            size_t colon = line.find(':');
            if (line.starts_with("### ") && colon != std::string_view::npos) {
                std::string code(line.substr(4, colon - 4));
                open = &sections[code];
                open->heading = std::string(line.substr(4));
            }
        }
        if (open != nullptr) {
            open->markdown.append(line).append("\n");
        }
    }
    return sections;
}

// diagnostics.md's sections, read once per docs folder.
const std::map<std::string, Section>* diagnosticSections(const std::string& docsDir,
                                                         std::string& error) {
    static std::mutex mutex;
    static std::map<std::string, std::optional<std::map<std::string, Section>>> cache;
    std::lock_guard lock(mutex);
    auto [it, inserted] = cache.try_emplace(docsDir);
    if (inserted) {
        std::optional<std::string> text = readFile(docsDir + "/diagnostics.md", error);
        if (text) {
            it->second = sectionsOf(*text);
        } else {
            error = "cannot read " + docsDir + "/diagnostics.md: " + error;
        }
    }
    if (!it->second) {
        if (error.empty()) {
            error = "cannot read " + docsDir + "/diagnostics.md";
        }
        return nullptr;
    }
    return &*it->second;
}

std::optional<DiagnosticDoc> lintRuleDoc(const LintRule& rule, const std::string& docsDir,
                                         std::string& error) {
    std::string page = "lint/" + rule.name() + ".md";
    std::optional<std::string> text = readFile(docsDir + "/" + page, error);
    if (!text) {
        error = "cannot read " + docsDir + "/" + page + ": " + error;
        return std::nullopt;
    }
    return DiagnosticDoc{rule.code(), page, "", std::move(*text)};
}

} // namespace

std::string headingAnchor(std::string_view heading) {
    std::string anchor;
    for (char c : heading) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || u >= 0x80) {
            anchor += static_cast<char>(std::tolower(u));
        } else if (c == ' ') {
            anchor += '-';
        }
    }
    return anchor;
}

std::optional<DiagnosticDoc> findDiagnosticDoc(std::string_view codeOrName,
                                               const std::string& docsDir, std::string& error) {
    const Catalogue& catalogue = Catalogue::standard();
    if (const LintRule* rule = catalogue.find(codeOrName)) {
        return lintRuleDoc(*rule, docsDir, error);
    }
    if (const LintRule* rule = catalogue.find(upper(codeOrName))) {
        return lintRuleDoc(*rule, docsDir, error);
    }
    const std::map<std::string, Section>* sections = diagnosticSections(docsDir, error);
    if (sections == nullptr) {
        return std::nullopt;
    }
    std::string code = upper(codeOrName);
    auto it = sections->find(code);
    if (it == sections->end()) {
        // Compared in upper case, as codes are read in any case; shown as spelled.
        std::vector<std::string> known = catalogue.codesAndNames();
        for (const auto& [c, section] : *sections) {
            known.push_back(c);
        }
        std::vector<std::string> upperKnown;
        for (const std::string& k : known) {
            upperKnown.push_back(upper(k));
        }
        std::optional<std::string> near = closestMatch(code, upperKnown);
        if (near) {
            near = known[size_t(std::find(upperKnown.begin(), upperKnown.end(), *near) -
                                upperKnown.begin())];
        }
        error = "no diagnostic or lint rule is called '" + std::string(codeOrName) + "'" +
                (near ? "; did you mean " + *near + "?" : "");
        return std::nullopt;
    }
    return DiagnosticDoc{it->first, "diagnostics.md", headingAnchor(it->second.heading),
                         it->second.markdown};
}

std::string diagnosticHelpUri(const std::string& docsBase, std::string_view code) {
    if (const LintRule* rule = Catalogue::standard().find(code)) {
        return docsBase + "lint/" + rule->name() + ".md";
    }
    std::string error;
    if (const auto* sections = diagnosticSections(docsDirectory(), error)) {
        if (auto it = sections->find(std::string(code)); it != sections->end()) {
            return docsBase + "diagnostics.md#" + headingAnchor(it->second.heading);
        }
    }
    return docsBase + "diagnostics.md";
}

} // namespace clue::lint
