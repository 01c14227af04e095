// The file level of the transformer: header, items and comments.
#include "compiler/frontend/transformer.h"

#include "compiler/diag/diagnostic_codes.h"

#include <fmt/format.h>

namespace clue {

ast::Module Transformer::transformFile(P::FileContext* ctx, antlr4::BufferedTokenStream& tokens) {
    ast::Module module;
    module.file = session_.locator().file();
    auto size = static_cast<uint32_t>(session_.sources().contents(module.file).size());
    module.span = {module.file, 0, size};
    if (ctx->header() != nullptr) {
        module.header = transformHeader(ctx->header());
    }
    for (P::ItemContext* item : ctx->item()) {
        module.items.push_back(transformItem(item));
    }
    module.comments = collectComments(tokens);
    return module;
}

void Transformer::duplicateClause(const std::string& what, SourceSpan second, SourceSpan first,
                                  std::string help) {
    session_.error(code::DuplicateClause, second, fmt::format("{} is written twice", what))
        .note("the first one is here", first)
        .withHelp(std::move(help));
}

} // namespace clue
