// How token strings are spelled in logprobs. vLLM reports the tokenizer's own pieces, so a
// leading space shows as U+2581 with SentencePiece vocabularies and as U+0120 with byte-level BPE.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue::sim {

enum class TokenStyle {
    Decoded,       // " Yes", "\n"
    SentencePiece, // "\u2581Yes", "<0x0A>"
    ByteBpe,       // "\u0120Yes", "\u010a"
};

std::string spellToken(std::string_view decoded, TokenStyle style);
// "decoded", "sentencepiece", "byte_bpe": the names used in world files.
const char* tokenStyleName(TokenStyle style);
std::optional<TokenStyle> tokenStyleFromName(std::string_view name);

} // namespace clue::sim
