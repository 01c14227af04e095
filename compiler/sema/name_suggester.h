// "did you mean" for a name that is not declared, among the names that are.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clue {

class NameSuggester {
public:
    // Suggestions stop after this many lookups, so that a file full of unknown names among
    // thousands of declared ones stays fast.
    static constexpr size_t maxLookups = 100;

    explicit NameSuggester(std::vector<std::string> names) : names_(std::move(names)) {}
    template <typename T> static NameSuggester fromKeys(const std::map<std::string, T>& map) {
        std::vector<std::string> names;
        for (const auto& [name, value] : map) {
            names.push_back(name);
        }
        return NameSuggester(std::move(names));
    }

    // "did you mean 'x'?", or `otherwise` when no declared name is close.
    std::string help(const std::string& unknown, std::string otherwise = {});

private:
    std::vector<std::string> names_;
    size_t lookups_ = 0;
};

} // namespace clue
