// Token spelling per tokenizer family.
#include "tests/sim/token_style.h"

#include <array>
#include <utility>

namespace clue::sim {
namespace {

constexpr std::array<std::pair<TokenStyle, const char*>, 3> styleNames{{
    {TokenStyle::Decoded, "decoded"},
    {TokenStyle::SentencePiece, "sentencepiece"},
    {TokenStyle::ByteBpe, "byte_bpe"},
}};

} // namespace

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

const char* tokenStyleName(TokenStyle style) {
    for (const auto& [s, name] : styleNames) {
        if (s == style) {
            return name;
        }
    }
    return "decoded";
}

std::optional<TokenStyle> tokenStyleFromName(std::string_view name) {
    for (const auto& [style, n] : styleNames) {
        if (name == n) {
            return style;
        }
    }
    return std::nullopt;
}

} // namespace clue::sim
