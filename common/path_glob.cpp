// Glob matching by recursion over the pattern; patterns are short, so backtracking is cheap.
#include "common/path_glob.h"

namespace clue {
namespace {

bool matchHere(std::string_view pattern, std::string_view path) {
    while (!pattern.empty()) {
        if (pattern.substr(0, 2) == "**") {
            std::string_view rest = pattern.substr(2);
            // "**/" may also match nothing at all, so that "**/x" matches "x".
            if (rest.substr(0, 1) == "/" && matchHere(rest.substr(1), path)) {
                return true;
            }
            for (size_t i = 0; i <= path.size(); ++i) {
                if (matchHere(rest, path.substr(i))) {
                    return true;
                }
            }
            return false;
        }
        if (pattern.front() == '*') {
            for (size_t i = 0; i <= path.size(); ++i) {
                if (matchHere(pattern.substr(1), path.substr(i))) {
                    return true;
                }
                if (i < path.size() && path[i] == '/') {
                    return false;
                }
            }
            return false;
        }
        if (path.empty()) {
            return false;
        }
        const char p = pattern.front();
        const char c = path.front();
        if (p != c && (p != '?' || c == '/')) {
            return false;
        }
        pattern.remove_prefix(1);
        path.remove_prefix(1);
    }
    return path.empty();
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view path) {
    while (path.substr(0, 2) == "./") {
        path.remove_prefix(2);
    }
    if (pattern.find('/') == std::string_view::npos) {
        size_t slash = path.rfind('/');
        return matchHere(pattern, slash == std::string_view::npos ? path : path.substr(slash + 1));
    }
    if (pattern.front() == '/') {
        pattern.remove_prefix(1);
    }
    return matchHere(pattern, path);
}

} // namespace clue
