// Statement normalization shared by the compiler, the runtime and the simulator.
#include "common/statement.h"

#include "common/sha256.h"

namespace clue {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isFinalPunctuation(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',';
}

} // namespace

std::string normalizeStatement(std::string_view statement) {
    std::string out;
    out.reserve(statement.size());
    bool pendingSpace = false;
    for (char c : statement) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && (isFinalPunctuation(out.back()) || isSpace(out.back()))) {
        out.pop_back();
    }
    return out;
}

std::string statementHash(std::string_view statement) {
    return sha256Hex(normalizeStatement(statement));
}

} // namespace clue
