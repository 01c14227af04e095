// Names of embedding protocols.
#include "runtime/embed/embedding_protocol.h"

#include "common/assert.h"

namespace clue::runtime {

std::string_view toString(EmbeddingProtocol protocol) {
    switch (protocol) {
    case EmbeddingProtocol::Vllm:
        return "vllm";
    case EmbeddingProtocol::Infinity:
        return "infinity";
    }
    CLUE_UNREACHABLE();
}

std::optional<EmbeddingProtocol> parseEmbeddingProtocol(std::string_view name) {
    for (auto protocol : {EmbeddingProtocol::Vllm, EmbeddingProtocol::Infinity}) {
        if (toString(protocol) == name) {
            return protocol;
        }
    }
    return std::nullopt;
}

} // namespace clue::runtime
