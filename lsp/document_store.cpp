// Opening, editing and closing documents, and mapping between URIs and paths.
#include "lsp/document_store.h"

#include "common/uri.h"
#include "lsp/line_index.h"

#include <cctype>
#include <filesystem>

namespace clue::lsp {

namespace fs = std::filesystem;

std::string DocumentStore::pathOf(const std::string& uri) {
    if (std::optional<std::string> path = pathOfFileUri(uri); path && !path->empty()) {
        return fs::path(*path).lexically_normal().string();
    }
    // An untitled buffer or another scheme: a name of its own in the working directory, so
    // that relative imports resolve somewhere sensible and nothing on disk is shadowed.
    std::string name = "lsp-buffer-";
    for (char c : uri) {
        bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        name += plain ? c : '_';
    }
    std::error_code ec;
    return (fs::current_path(ec) / (name + ".clue")).string();
}

Document& DocumentStore::open(const std::string& uri, std::string text, int64_t version) {
    Document& d = documents_[uri];
    d.uri = uri;
    d.path = pathOf(uri);
    d.text = std::move(text);
    d.version = version;
    overlay_.set(d.path, d.text);
    return d;
}

bool DocumentStore::change(const std::string& uri, const nlohmann::json& changes, int64_t version) {
    Document* d = find(uri);
    if (d == nullptr) {
        return false;
    }
    for (const nlohmann::json& change : changes) {
        const std::string& text = change.at("text").get_ref<const std::string&>();
        if (!change.contains("range")) {
            d->text = text;
            continue;
        }
        LineIndex index(d->text);
        uint32_t begin = index.offsetOf(positionFromJson(change.at("range").at("start")));
        uint32_t end = index.offsetOf(positionFromJson(change.at("range").at("end")));
        if (end < begin) {
            std::swap(begin, end);
        }
        d->text.replace(begin, end - begin, text);
    }
    d->version = version;
    overlay_.set(d->path, d->text);
    return true;
}

void DocumentStore::close(const std::string& uri) {
    auto it = documents_.find(uri);
    if (it != documents_.end()) {
        overlay_.remove(it->second.path);
        documents_.erase(it);
    }
}

Document* DocumentStore::find(const std::string& uri) {
    auto it = documents_.find(uri);
    return it == documents_.end() ? nullptr : &it->second;
}

const Document* DocumentStore::byPath(const std::string& path) const {
    std::string identity = overlay_.identity(path);
    for (const auto& [uri, d] : documents_) {
        if (overlay_.identity(d.path) == identity) {
            return &d;
        }
    }
    return nullptr;
}

std::string DocumentStore::uriOf(const std::string& path) const {
    if (const Document* d = byPath(path)) {
        return d->uri;
    }
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    return fileUri((ec ? fs::path(path) : absolute).lexically_normal().string());
}

} // namespace clue::lsp
