// The bearer tokens that `clue serve` accepts (--auth-tokens FILE, CLUE_SERVE_TOKENS). Only their
// SHA-256 digests are kept, and a presented token is compared with each in constant time, so
// neither the tokens nor how much of one matched can leak through memory dumps or timing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::serve {

class TokenSet {
public:
    // Adds every token of `text`: one per line, or separated by commas or blanks; blank lines
    // and lines starting with '#' are skipped. Returns a problem (never quoting a token): a
    // token with characters outside RFC 6750's token68 set.
    std::optional<std::string> add(std::string_view text, std::string_view origin);
    // Reads and adds a token file (at most 1 MiB).
    std::optional<std::string> addFile(const std::string& path);

    bool empty() const { return digests_.empty(); }
    std::size_t size() const { return digests_.size(); }
    // Whether `authorization` (the header's value) is "Bearer <one of the tokens>".
    bool accepts(std::string_view authorization) const;

private:
    std::vector<std::string> digests_;
};

} // namespace clue::serve
