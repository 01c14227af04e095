// Token spelling per tokenizer family.
#include "tests/sim/token_style.h"

namespace clue::sim {

std::string spellToken(std::string_view decoded, TokenStyle style) {
    if (style == TokenStyle::Decoded) {
        return std::string(decoded);
    }
    const std::string_view space = style == TokenStyle::SentencePiece ? "\u2581" : "\u0120";
    const std::string_view newline = style == TokenStyle::SentencePiece ? "<0x0A>" : "\u010a";
    std::string out;
    for (char c : decoded) {
        out += c == ' ' ? std::string(space) : c == '\n' ? std::string(newline) : std::string(1, c);
    }
    return out;
}

std::optional<TokenStyle> tokenStyleFromName(std::string_view name) {
    if (name == "decoded") {
        return TokenStyle::Decoded;
    }
    if (name == "sentencepiece") {
        return TokenStyle::SentencePiece;
    }
    if (name == "byte_bpe") {
        return TokenStyle::ByteBpe;
    }
    return std::nullopt;
}

} // namespace clue::sim
