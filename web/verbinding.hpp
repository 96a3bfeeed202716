// SPDX-License-Identifier: EUPL-1.2
// One connection of the service as cpp-httplib's Stream, kept for as long as the connection stays open.
// It reads, writes, waits and times out as cpp-httplib's own SocketStream does (the same system calls:
// a poll with the read or write timeout before each recv or send), with two differences:
//  - it lives as long as the connection, not one request: bytes the client sent beyond a request (a
//    pipelined next request) are kept for that request instead of being dropped with the stream, and
//    its buffer is not allocated and zeroed again for every request;
//  - it can hand a request body to the service directly (lees_lichaam, lees_stukken), so that the
//    service reads a body without cpp-httplib's read_content, within --max-body (web/dienst.cpp); it is
//    the byte source of web/lichaamslezer.hpp, which decodes the body;
//  - it can send an answer's body from where the service wrote it (lichaam_na_kopregels), right
//    after the headers, with the same system calls as cpp-httplib's write of res.body.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>

#include "advies/uitbuffer.hpp"
#include "web/lichaamslezer.hpp"

namespace ww::web {

class Verbinding final : public httplib::Stream, private Bytebron {
public:
    Verbinding(socket_t sock, time_t lees_s, time_t lees_us, time_t schrijf_s, time_t schrijf_us)
        : sock_(sock), lees_s_(lees_s), lees_us_(lees_us), schrijf_s_(schrijf_s), schrijf_us_(schrijf_us) {}

    // A request begins (its first bytes are there or on their way): it must be read whole within three
    // times the read timeout. The read timeout alone cuts off a client that stalls, not one that sends a
    // byte just before each timeout (slowloris), which would hold a worker for as long as it liked.
    void begin_verzoek() {
        const auto tijd = std::chrono::seconds(lees_s_) + std::chrono::microseconds(lees_us_);
        uiterlijk_ = std::chrono::steady_clock::now() + 3 * tijd;
    }

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, std::size_t size) override;
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return sock_; }

    // Between two requests of a keep-alive connection: whether a next request starts, waiting at most
    // `keep_alive_s` seconds (as cpp-httplib's keep_alive: polls of 10 ms). At once when it is buffered.
    bool wacht_op_verzoek(time_t keep_alive_s);

    // Appends the next `n` bytes (a body of that Content-Length) to `uit`; false when the connection
    // closes or the read timeout passes first.
    bool lees_lichaam(std::size_t n, std::string& uit) { return lees_bytes(*this, n, uit); }

    // Appends a chunked body (RFC 9112, 7.1) to `uit`, at most `max` bytes of content (web/lichaamslezer.hpp).
    using Stukken = web::Stukken;
    Stukken lees_stukken(std::size_t max, std::string& uit) { return web::lees_stukken(*this, max, uit); }

    // The body of the answer to this request, sent right after the next write, which is the one of its
    // status line and headers (cpp-httplib writes them in one go, and then res.body, which is then
    // empty). The service sets a Content-Length of its size. What is left of it at the next request
    // (no answer was written) is dropped there.
    void lichaam_na_kopregels(advies::Uitbuffer lichaam) { na_kopregels_.emplace(std::move(lichaam)); }
    void vergeet_lichaam() { na_kopregels_.reset(); }

private:
    // read() beyond one buffered byte.
    [[gnu::noinline]] ssize_t lees_meer(char* ptr, std::size_t size);
    // The buffer as a Bytebron: refilled from the socket when it is empty.
    std::string_view beschikbaar() override;
    void gebruikt(std::size_t n) override { begin_ += n; }
    // Refills the buffer, which is empty: false when nothing came (closed, error, timeout).
    bool vul();
    // Sends na_kopregels_, as write() would in as many calls as it takes.
    bool stuur_lichaam();

    socket_t sock_;
    time_t lees_s_, lees_us_, schrijf_s_, schrijf_us_;
    std::array<char, 4096> buffer_;  // as SocketStream's: one recv of up to 4 kB
    std::size_t begin_ = 0;
    std::size_t eind_ = 0;
    std::optional<advies::Uitbuffer> na_kopregels_;
    std::chrono::steady_clock::time_point uiterlijk_ = std::chrono::steady_clock::time_point::max();
    bool kapot_ = false;  // sending failed (the client went): the connection takes no next request
};

}  // namespace ww::web
