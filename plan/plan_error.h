// The error a malformed plan raises: which file, where in the document, and what was expected.
#pragma once

#include <stdexcept>
#include <string>

namespace clue::plan {

class PlanError : public std::runtime_error {
public:
    // `where` is a JSON pointer such as "/nodes/3/args/0", or "" for the whole document;
    // `source` names the file or input, or is empty.
    PlanError(std::string where, std::string message, std::string source = "")
        : std::runtime_error(compose(source, where, message)), where_(std::move(where)),
          message_(std::move(message)) {}

    const std::string& where() const { return where_; }
    const std::string& message() const { return message_; }
    PlanError inSource(const std::string& source) const { return {where_, message_, source}; }

private:
    static std::string compose(const std::string& source, const std::string& where,
                               const std::string& message) {
        std::string out = source.empty() ? "" : source + ": ";
        return out + (where.empty() ? "" : where + ": ") + message;
    }
    std::string where_;
    std::string message_;
};

} // namespace clue::plan
