// SPDX-License-Identifier: EUPL-1.2
#include "web/lichaamslezer.hpp"

#include <algorithm>

namespace ww::web {

namespace {

// One line (up to LF, without the CR LF that must end it) of at most `max` bytes into `regel`; false
// when longer, when it ends in a bare LF or holds a CR elsewhere, or when the source ends first
// (`afgebroken` says which). Strict, unlike the request's head (RFC 9112, 2.2 lets a recipient take a
// bare LF there): a body framed in chunks is where a proxy in front and the service must agree on every
// byte, or the proxy forwards as the rest of one request what the service reads as a next one (request
// smuggling). A proxy that takes LF, or LF after CR only, for the end of a chunk line would split the
// body elsewhere; refused here, a request that two parsers could read differently is never answered.
bool lees_regel(Bytebron& bron, std::string& regel, std::size_t max, bool& afgebroken) {
    regel.clear();
    afgebroken = false;
    for (;;) {
        const std::string_view er = bron.beschikbaar();
        if (er.empty()) {
            afgebroken = true;
            return false;
        }
        const std::size_t lf = er.find('\n');
        const std::size_t tot = std::min(lf, er.size());
        // A byte beyond `max` that is not the LF: too long (that byte counts as read).
        if (tot > max - regel.size()) {
            bron.gebruikt(max - regel.size() + 1);
            return false;
        }
        regel.append(er.data(), tot);
        if (lf != std::string_view::npos) {
            bron.gebruikt(lf + 1);
            break;
        }
        bron.gebruikt(er.size());
    }
    if (regel.empty() || regel.back() != '\r') return false;
    regel.pop_back();
    return regel.find('\r') == std::string::npos;
}

}  // namespace

bool lees_bytes(Bytebron& bron, std::size_t n, std::string& uit) {
    while (n > 0) {
        const std::string_view er = bron.beschikbaar();
        if (er.empty()) return false;
        const std::size_t k = std::min(n, er.size());
        uit.append(er.data(), k);
        bron.gebruikt(k);
        n -= k;
    }
    return true;
}

Stukken lees_stukken(Bytebron& bron, std::size_t max, std::string& uit) {
    // A chunk's size line: at most 15 hex digits (a size that cannot overflow, far above any --max-body),
    // then perhaps ";extension"; 4 kB is ample for that.
    constexpr std::size_t max_regel = 4096;
    // The trailer fields together: as much as a request's headers may take in cpp-httplib (8 kB).
    constexpr std::size_t max_naloop = 8192;
    std::string regel;
    bool afgebroken = false;
    std::size_t inhoud = 0;
    for (;;) {
        if (!lees_regel(bron, regel, max_regel, afgebroken)) return afgebroken ? Stukken::afgebroken : Stukken::ongeldig;
        std::size_t n = 0, cijfers = 0;
        for (char c : regel) {
            int w;
            if (c >= '0' && c <= '9') w = c - '0';
            else if (c >= 'a' && c <= 'f') w = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') w = c - 'A' + 10;
            else break;
            if (++cijfers > 15) return Stukken::ongeldig;
            n = n * 16 + static_cast<std::size_t>(w);
        }
        if (cijfers == 0) return Stukken::ongeldig;
        // After the size only extensions: white space, then ';' (RFC 9112, 7.1.1: chunk-ext =
        // *( BWS ";" BWS chunk-ext-name ... )). A space and then other text ("5 abc"), or white space alone,
        // is no chunk line; a parser that ends the size at the first byte that is no hex digit would read
        // what some other one refuses.
        std::size_t na = cijfers;
        while (na < regel.size() && (regel[na] == ' ' || regel[na] == '\t')) ++na;
        if (na < regel.size() ? regel[na] != ';' : na != cijfers) return Stukken::ongeldig;
        if (n == 0) break;
        if (n > max - inhoud) return Stukken::te_groot;
        if (!lees_bytes(bron, n, uit)) return Stukken::afgebroken;
        inhoud += n;
        if (!lees_regel(bron, regel, 2, afgebroken)) return afgebroken ? Stukken::afgebroken : Stukken::ongeldig;
        if (!regel.empty()) return Stukken::ongeldig;
    }
    for (std::size_t naloop = 0;;) {
        if (!lees_regel(bron, regel, max_naloop - naloop, afgebroken)) return afgebroken ? Stukken::afgebroken : Stukken::ongeldig;
        if (regel.empty()) return Stukken::gelezen;
        naloop += regel.size() + 2;
        if (naloop > max_naloop) return Stukken::ongeldig;
    }
}

}  // namespace ww::web
