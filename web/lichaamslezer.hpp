// SPDX-License-Identifier: EUPL-1.2
// Reading a request body from a source of bytes: a given number of bytes (Content-Length), or chunked
// (RFC 9112, 7.1) within a limit. The service's source is its connection (web/verbinding.hpp), a buffer
// refilled from the socket; the fuzz target's is a string (tests/fuzz/fuzz_lichaamsvorm.cpp). Both
// read the same code, so what the fuzzer tries is what a client can send.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ww::web {

class Bytebron {
public:
    // The bytes that are there now: at least one, or none when the source has ended (the connection
    // closed, the read timeout passed). They stay valid until the next call.
    virtual std::string_view beschikbaar() = 0;
    // The first `n` bytes of what beschikbaar() gave are read.
    virtual void gebruikt(std::size_t n) = 0;

protected:
    ~Bytebron() = default;
};

// Appends the next `n` bytes to `uit`; false when the source ends first.
bool lees_bytes(Bytebron& bron, std::size_t n, std::string& uit);

// Appends a chunked body, its chunks joined, to `uit`, reading no more than `max` bytes of content:
// te_groot as soon as the chunks announce more, before those are read. Chunk extensions and trailer
// fields are read and dropped (they mean nothing to the service). Strict (RFC 9112, 7.1): every line
// ends in CR LF, and after a chunk's size comes nothing or, after optional white space, ';' and an
// extension; otherwise ongeldig. After gelezen, the source stands at
// the first byte after the body (a pipelined next request); after the others the connection closes.
enum class Stukken { gelezen, te_groot, ongeldig, afgebroken };
Stukken lees_stukken(Bytebron& bron, std::size_t max, std::string& uit);

}  // namespace ww::web
