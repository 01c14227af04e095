// Loading and checking bearer tokens.
#include "serve/token_set.h"

#include "common/sha256.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace clue::serve {
namespace {

constexpr std::size_t kMaxTokenFileBytes = 1u << 20;

// RFC 6750's b64token: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then "=" padding.
bool tokenCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("-._~+/=").find(c) != std::string_view::npos;
}

bool separator(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\r';
}

// Equal contents, in time that depends only on the length (digests all have the same length).
bool sameDigest(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return difference == 0;
}

} // namespace

std::optional<std::string> TokenSet::add(std::string_view text, std::string_view origin) {
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const auto end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        ++lineNumber;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') {
            continue;
        }
        std::size_t at = 0;
        while (at < line.size()) {
            while (at < line.size() && separator(line[at])) {
                ++at;
            }
            std::size_t stop = at;
            while (stop < line.size() && !separator(line[stop])) {
                ++stop;
            }
            const std::string_view token = line.substr(at, stop - at);
            if (!token.empty() && !std::all_of(token.begin(), token.end(), tokenCharacter)) {
                return std::string(origin) + ":" + std::to_string(lineNumber) +
                       ": a token may hold only letters, digits and -._~+/= (the token is "
                       "not shown)";
            }
            if (!token.empty()) {
                digests_.push_back(sha256Hex(token));
            }
            at = stop;
        }
    }
    return std::nullopt;
}

std::optional<std::string> TokenSet::addFile(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return path + ": cannot read the token file (no such regular file)";
    }
    if (static_cast<std::size_t>(info.st_size) > kMaxTokenFileBytes) {
        return path + ": the token file is over 1 MiB";
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        return path + ": cannot read the token file";
    }
    return add(text.str(), path);
}

bool TokenSet::accepts(std::string_view authorization) const {
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size() ||
        !std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
        return false;
    }
    const std::string digest = sha256Hex(authorization.substr(scheme.size()));
    bool found = false;
    for (const std::string& known : digests_) {
        found |= sameDigest(known, digest); // no early exit: every digest is compared
    }
    return found;
}

} // namespace clue::serve
