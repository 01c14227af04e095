// Which constitution categories and rules a dataset category stands for (`--category-map FILE`,
// YAML). A dataset category the map does not name is unmapped: reported, never dropped silently.
// Without a file, a dataset category that is the id of a category or a rule of the plan maps to
// it, and every other one is unmapped.
//
//     Violence: violence                      # a category of the constitution
//     Sexual: [nudity, sexual_acts]           # several; categories and rules may mix
//     Shocking: [rule:imminent_death, gore]   # `rule:` or `category:` when an id is both
//     Spam: []                                # covered by no rule, on purpose
#pragma once

#include "plan/plan.h"
#include "runtime/support/expected.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace clue::eval {

struct CategoryTarget {
    std::set<std::string> categories; // constitution category ids
    std::set<std::string> rules;      // rule ids

    bool empty() const { return categories.empty() && rules.empty(); }
};

class CategoryMap {
public:
    // The identity map described above.
    static CategoryMap identity(const plan::Plan& plan);
    // Reads the YAML file; an error names file, line and column: a key given twice, a value that
    // is not a name or a list of names, a name that is no category or rule of the plan (or both,
    // without a prefix).
    static runtime::Expected<CategoryMap, std::string> load(const std::filesystem::path& file,
                                                            const plan::Plan& plan);
    static runtime::Expected<CategoryMap, std::string>
    parse(const std::string& yaml, const std::string& name, const plan::Plan& plan);

    // What `datasetCategory` maps to; nothing when the map does not name it.
    const CategoryTarget* find(const std::string& datasetCategory) const;
    // Whether `target` covers constitution category `category` (directly, or by one of its
    // rules), or rule `rule` (named directly).
    bool coversCategory(const CategoryTarget& target, const std::string& category) const;
    static bool coversRule(const CategoryTarget& target, const std::string& rule);

    const std::optional<std::filesystem::path>& file() const { return file_; }
    const std::map<std::string, CategoryTarget>& entries() const { return entries_; }

private:
    explicit CategoryMap(const plan::Plan& plan);

    std::optional<std::filesystem::path> file_;
    std::map<std::string, CategoryTarget> entries_;   // by dataset category
    std::map<std::string, std::string> ruleCategory_; // rule id -> its category id
};

} // namespace clue::eval
