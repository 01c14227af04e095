// Deciding what fits before the cursor from the words on its line.
#include "lsp/completion.h"

#include "compiler/frontend/token_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace clue::lsp {
namespace {

// CompletionItemKind values of the protocol.
enum ItemKind { Function = 3, Variable = 6, File = 17, Keyword = 14, EnumMember = 20 };

nlohmann::json item(const std::string& label, ItemKind kind, const std::string& detail = "") {
    nlohmann::json out = {{"label", label}, {"kind", kind}};
    if (!detail.empty()) {
        out["detail"] = detail;
    }
    return out;
}

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

struct LineContext {
    std::string previousWord; // the last whole word before the one being typed
    bool inString = false;
    bool importPath = false; // inside the quotes of `import "`
    bool lineStart = false;  // only white space before the word being typed
    bool afterComma = false;
};

LineContext contextOf(std::string_view line) {
    LineContext c;
    size_t quotes = static_cast<size_t>(std::count(line.begin(), line.end(), '"'));
    c.inString = quotes % 2 == 1;
    size_t end = line.size();
    while (end > 0 && isWordChar(line[end - 1])) {
        --end; // the word being typed
    }
    std::string_view before = line.substr(0, end);
    c.importPath = c.inString && before.find("import") != std::string_view::npos;
    size_t last = before.find_last_not_of(" \t");
    c.lineStart = last == std::string_view::npos;
    c.afterComma = !c.lineStart && before[last] == ',';
    if (!c.lineStart) {
        size_t wordEnd = last + 1, wordBegin = wordEnd;
        while (wordBegin > 0 && isWordChar(before[wordBegin - 1])) {
            --wordBegin;
        }
        c.previousWord = std::string(before.substr(wordBegin, wordEnd - wordBegin));
    }
    return c;
}

void addPredicates(const KnownNames& names, nlohmann::json& items) {
    for (const auto& [name, statement] : names.predicates) {
        items.push_back(item(name, Variable, statement));
    }
}

void addStdlib(const std::string& stdlibDir, nlohmann::json& items) {
    std::error_code ec;
    std::vector<std::string> files;
    for (auto it = std::filesystem::directory_iterator(stdlibDir, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".clue") {
            files.push_back("std/" + it->path().filename().string());
        }
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
        items.push_back(item(f, File, "the standard library"));
    }
}

void addKeywords(const std::vector<std::string>& keywords, nlohmann::json& items) {
    for (const std::string& k : keywords) {
        items.push_back(item(k, Keyword));
    }
}

} // namespace

nlohmann::json completionsAt(std::string_view text, Position position, const KnownNames& names,
                             const std::string& stdlibDir) {
    LineIndex index(text);
    uint32_t cursor = index.offsetOf(position);
    uint32_t lineBegin = index.offsetOf({position.line, 0});
    LineContext c = contextOf(text.substr(lineBegin, cursor - lineBegin));
    nlohmann::json items = nlohmann::json::array();
    static const std::array<std::string, 4> severities = {"low", "medium", "high", "critical"};
    static const std::vector<std::string> starters = {
        "constitution", "import",  "predicate", "category", "rule",  "test",
        "severity",     "when",    "unless",    "tags",     "given", "expect",
        "description",  "version", "judges",    "score"};
    static const std::vector<std::string> formulaWords = {"not", "true", "false"};
    if (c.importPath) {
        addStdlib(stdlibDir, items);
    } else if (c.inString) {
        // inside a statement or rule text: nothing to complete
    } else if (c.previousWord == "violates") {
        for (const auto& [id, ruleText] : names.rules) {
            items.push_back(item(id, Function, ruleText));
        }
    } else if (c.previousWord == "severity") {
        for (const std::string& s : severities) {
            items.push_back(item(s, EnumMember));
        }
    } else if (c.previousWord == "judges") {
        addKeywords({"images", "responses"}, items);
    } else if (c.previousWord == "expect") {
        addKeywords({"safe", "unsafe", "violates", "not"}, items);
    } else if (c.previousWord == "when" || c.previousWord == "unless" || c.previousWord == "and" ||
               c.previousWord == "or" || c.previousWord == "not" || c.previousWord == "given" ||
               c.afterComma) {
        addPredicates(names, items);
        addKeywords(formulaWords, items);
    } else if (c.lineStart) {
        addKeywords(starters, items);
    } else {
        addKeywords(allKeywords(), items);
        addPredicates(names, items);
    }
    return {{"isIncomplete", false}, {"items", items}};
}

} // namespace clue::lsp
