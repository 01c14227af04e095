// The documents the client has open, their text as edited (saved or not), and the paths the
// front end reads them under: an overlay on the disk, so that imports of open files see their
// unsaved text too.
#pragma once

#include "compiler/sema/source_reader.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace clue::lsp {

struct Document {
    std::string uri;
    std::string path; // absolute; a made-up one under the working directory for non-file URIs
    std::string text;
    int64_t version = 0;
};

class DocumentStore {
public:
    DocumentStore() : overlay_(disk_) {}

    Document& open(const std::string& uri, std::string text, int64_t version);
    // Applies TextDocumentContentChangeEvent[] (whole texts or ranges) in order; false when the
    // document is not open. Throws nlohmann::json::exception on malformed changes.
    bool change(const std::string& uri, const nlohmann::json& changes, int64_t version);
    void close(const std::string& uri);

    Document* find(const std::string& uri);
    const std::map<std::string, Document>& all() const { return documents_; }

    // The URI of a path the front end read: the open document's, else a file:// URI.
    std::string uriOf(const std::string& path) const;
    // The open document read under `path`, if any.
    const Document* byPath(const std::string& path) const;
    const SourceReader& reader() const { return overlay_; }

    // The path a URI is read under (see Document::path).
    static std::string pathOf(const std::string& uri);

private:
    DiskReader disk_;
    OverlayReader overlay_;
    std::map<std::string, Document> documents_; // by URI
};

} // namespace clue::lsp
