// The constitution header: `constitution "name" version "v" description "text" judges K`.
#include "compiler/frontend/transformer.h"

namespace clue {

ast::Header Transformer::transformHeader(P::HeaderContext* ctx) {
    ast::Header header;
    ast::StringPiece name = transformString(ctx->STRING());
    header.name = name.value;
    header.nameSpan = name.span;
    header.span = span(ctx);
    SourceSpan descriptionKeyword;
    for (P::HeaderClauseContext* clause : ctx->headerClause()) {
        if (auto* version = dynamic_cast<P::VersionClauseContext*>(clause)) {
            SourceSpan keyword = span(version->VERSION());
            if (header.version) {
                duplicateClause("the header's 'version'", keyword, header.versionSpan,
                                "a constitution has one version");
                continue;
            }
            ast::StringPiece value = transformString(version->STRING());
            header.version = value.value;
            header.versionSpan = value.span;
        } else if (auto* description = dynamic_cast<P::DescriptionClauseContext*>(clause)) {
            SourceSpan keyword = span(description->DESCRIPTION());
            if (header.description) {
                duplicateClause("the header's 'description'", keyword, descriptionKeyword,
                                "write one description; adjacent texts are joined");
                continue;
            }
            descriptionKeyword = keyword;
            header.description = transformText(description->text());
        } else if (auto* judges = dynamic_cast<P::JudgesClauseContext*>(clause)) {
            SourceSpan keyword = span(judges->JUDGES());
            if (header.judges) {
                duplicateClause("the header's 'judges'", keyword, header.judges->span,
                                "a constitution judges one kind of input");
                continue;
            }
            header.judges = ast::Identifier{judges->IDENT()->getText(), span(judges->IDENT())};
        }
    }
    return header;
}

} // namespace clue
