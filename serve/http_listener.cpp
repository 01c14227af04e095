// Accepting connections.
#include "serve/http_listener.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>

namespace clue::serve {

namespace net = boost::asio;
using tcp = net::ip::tcp;

HttpListener::HttpListener(net::io_context& io, SessionHost& host, std::function<bool()> admit,
                           std::function<void(const std::shared_ptr<HttpSession>&)> started)
    : io_(io), acceptor_(net::make_strand(io)), retry_(acceptor_.get_executor()), host_(host),
      admit_(std::move(admit)), started_(std::move(started)) {}

std::optional<std::string> HttpListener::open(const tcp::endpoint& endpoint) {
    boost::system::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor_.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor_.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return "cannot listen on " + endpoint.address().to_string() + ":" +
               std::to_string(endpoint.port()) + ": " + ec.message();
    }
    return std::nullopt;
}

void HttpListener::start() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void HttpListener::stop() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
        self->retry_.cancel();
    });
}

void HttpListener::accept() {
    acceptor_.async_accept(
        net::make_strand(io_),
        [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) {
                return;
            }
            if (ec) { // out of descriptors, or the like: try again shortly
                self->retry_.expires_after(std::chrono::milliseconds(100));
                self->retry_.async_wait([self](boost::system::error_code e) {
                    if (!e) {
                        self->accept();
                    }
                });
                return;
            }
            const bool withinLimit = self->admit_();
            auto session =
                std::make_shared<HttpSession>(std::move(socket), self->host_, !withinLimit);
            self->started_(session);
            session->start();
            self->accept();
        });
}

} // namespace clue::serve
