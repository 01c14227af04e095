// Reading requests and writing replies on one connection; every step runs on the connection's
// strand.
#include "serve/http_session.h"

#include <boost/asio/dispatch.hpp>

#include <limits>
#include <utility>

namespace clue::serve {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::chrono::seconds kLinger{1}; // reading what a refused client still sends
// A body's bytes live on as the decoded image and its data URL until the reply: about three
// times the body in all.
constexpr std::size_t kBodyCopies = 3;

// Beast 1.74 speaks boost::string_view.
std::string_view view(beast::string_view text) {
    return {text.data(), text.size()};
}

// A malformed request (the HTTP parser's errors), as opposed to a connection that went away.
bool isParseError(const beast::error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_target).category() &&
           ec != http::error::end_of_stream;
}

} // namespace

HttpSession::HttpSession(tcp::socket socket, SessionHost& host, bool overLimit)
    : stream_(std::move(socket)), host_(host), overLimit_(overLimit) {}

HttpSession::~HttpSession() {
    release();
    host_.sessionClosed();
}

void HttpSession::release() {
    if (inRequest_) {
        inRequest_ = false;
        host_.requestEnded();
    }
    if (reserved_ > 0) {
        host_.releaseBytes(std::exchange(reserved_, 0));
    }
}

void HttpSession::start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->readHead(); });
}

void HttpSession::closeIfIdle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        if (self->idle_) {
            self->close();
        }
    });
}

void HttpSession::readHead() {
    if (closed_) {
        return;
    }
    if (host_.draining() && !overLimit_) {
        close(); // between two requests of a keep-alive connection
        return;
    }
    idle_ = true;
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // No limit yet: a Content-Length over the route's limit is answered 413 by checkHead(),
    // before any of the body is read; continueWithBody() sets the route's limit. (Not
    // boost::none: Beast 1.74 compares a Content-Length with it as larger than any limit.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(host_.options().readTimeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHead(ec); });
}

void HttpSession::onHead(beast::error_code ec) {
    idle_ = false;
    if (ec) {
        if (ec == http::error::header_limit) {
            send(errorReply(431, "header-too-large", "the request head is over 16 KiB"));
        } else if (isParseError(ec)) {
            send(errorReply(400, "bad-request", "malformed HTTP request: " + ec.message()));
        } else {
            close(); // the client went away, or stayed silent past the read timeout
        }
        return;
    }
    started_ = Clock::now();
    inRequest_ = true;
    host_.requestStarted();
    const auto& request = parser_->get();
    const std::string_view target = view(request.target());
    const std::string_view path = target.substr(0, target.find('?'));
    match_ = matchRoute(view(request.method_string()), path);
    if (overLimit_) {
        Reply reply = errorReply(429, "too-many-connections",
                                 "the server has as many connections open as it takes");
        reply.headers.emplace_back("Retry-After", "1");
        send(std::move(reply));
        return;
    }
    const auto length = parser_->content_length();
    RequestHead head{view(request.method_string()), path, view(request[http::field::authorization]),
                     length ? std::optional<std::uint64_t>(*length) : std::nullopt};
    HeadCheck check = host_.api().checkHead(head, match_);
    if (check.refusal) {
        send(std::move(*check.refusal));
        return;
    }
    continueWithBody(check);
}

void HttpSession::continueWithBody(const HeadCheck& check) {
    parser_->body_limit(check.bodyLimit);
    if (parser_->is_done()) {
        onBody({});
        return;
    }
    const auto length = parser_->content_length();
    const std::size_t bytes = kBodyCopies * (length ? *length : check.bodyLimit);
    if (!host_.reserveBytes(bytes)) {
        Reply reply =
            errorReply(429, "overloaded", "the server holds as much request data as it takes");
        reply.headers.emplace_back("Retry-After", "1");
        send(std::move(reply));
        return;
    }
    reserved_ = bytes;
    auto readBody = [self = shared_from_this()] {
        self->stream_.expires_after(self->host_.options().readTimeout);
        http::async_read(self->stream_, self->buffer_, *self->parser_,
                         [self](beast::error_code ec, std::size_t) { self->onBody(ec); });
    };
    const auto& request = parser_->get();
    if (beast::iequals(request[http::field::expect], "100-continue")) {
        auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                          request.version());
        outgoing_ = interim;
        stream_.expires_after(host_.options().readTimeout);
        http::async_write(stream_, *interim,
                          [self = shared_from_this(), readBody](beast::error_code ec, std::size_t) {
                              if (ec) {
                                  self->close();
                                  return;
                              }
                              readBody();
                          });
        return;
    }
    readBody();
}

void HttpSession::onBody(beast::error_code ec) {
    if (ec == http::error::body_limit) {
        send(errorReply(413, "body-too-large", "the body is over the limit of this route"));
        return;
    }
    if (ec) {
        if (isParseError(ec)) {
            send(errorReply(400, "bad-request", "malformed HTTP body: " + ec.message()));
        } else {
            close();
        }
        return;
    }
    started_ = Clock::now();
    dispatch();
}

void HttpSession::dispatch() {
    auto& request = parser_->get();
    Request plain{std::string(view(request.method_string())),
                  std::string(match_.route == Route::Unknown ? "" : routeLabel(match_.route)),
                  std::string(view(request[http::field::content_type])), std::move(request.body())};
    stream_.expires_never(); // judging may take up to --timeout; the deadline bounds it
    host_.api().handle(std::move(plain), match_, [self = shared_from_this()](Reply reply) {
        net::dispatch(self->stream_.get_executor(),
                      [self, reply = std::move(reply)]() mutable { self->send(std::move(reply)); });
    });
}

void HttpSession::send(Reply reply) {
    if (closed_) {
        return;
    }
    const auto& request = parser_->get();
    auto response = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(reply.status), request.version());
    response->set(http::field::server, "clue");
    response->set(http::field::content_type, reply.contentType);
    for (const auto& [name, value] : reply.headers) {
        response->set(name, value);
    }
    response->body() = std::move(reply.body);
    // A refusal before the body was read leaves it on the wire: the connection cannot go on.
    const bool closeAfter = reply.close || overLimit_ || !parser_->is_done() ||
                            !request.keep_alive() || host_.draining();
    response->keep_alive(!closeAfter);
    response->prepare_payload();
    host_.metrics().request(routeLabel(match_.route), reply.status, Clock::now() - started_);
    outgoing_ = response;
    stream_.expires_after(host_.options().readTimeout);
    http::async_write(stream_, *response,
                      [self = shared_from_this(), closeAfter](beast::error_code ec, std::size_t) {
                          self->onWritten(closeAfter, ec);
                      });
}

void HttpSession::onWritten(bool closeAfter, beast::error_code ec) {
    outgoing_.reset();
    release();
    if (ec) {
        close();
    } else if (!closeAfter) {
        readHead();
    } else {
        // Half-close, then read and drop what the client still sends for a moment, so that the
        // reply is not lost to a reset of a connection with unread data.
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(kLinger);
        lingerBuffer_ = std::make_unique<std::array<char, 16 * 1024>>();
        linger();
    }
}

void HttpSession::linger() {
    stream_.async_read_some(net::buffer(*lingerBuffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec) {
                                    self->close();
                                } else {
                                    self->linger();
                                }
                            });
}

void HttpSession::close() {
    if (closed_) {
        return;
    }
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
}

} // namespace clue::serve
