// Pseudo-tokenization: whitespace-led words, long words split.
#include "tests/sim/pseudo_tokenizer.h"

namespace clue::sim {
namespace {

constexpr std::size_t maxPieceBytes = 6;
constexpr std::size_t pieceBytes = 4;

bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}
bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void splitLong(std::string_view word, std::vector<std::string>& out) {
    while (word.size() > maxPieceBytes) {
        std::size_t cut = pieceBytes;
        while (cut < word.size() && isContinuation(word[cut])) {
            ++cut;
        }
        out.emplace_back(word.substr(0, cut));
        word.remove_prefix(cut);
    }
    if (!word.empty()) {
        out.emplace_back(word);
    }
}

} // namespace

std::vector<std::string> pseudoTokens(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size() && isSpace(text[end])) {
            ++end;
        }
        while (end < text.size() && !isSpace(text[end])) {
            ++end;
        }
        splitLong(text.substr(start, end - start), out);
        start = end;
    }
    return out;
}

int countPseudoTokens(std::string_view text) {
    return static_cast<int>(pseudoTokens(text).size());
}

} // namespace clue::sim
