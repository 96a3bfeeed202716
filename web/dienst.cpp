// SPDX-License-Identifier: EUPL-1.2
#include "web/dienst.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iterator>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

#include "advies/fout.hpp"
#include "advies/kennisbank.hpp"
#include "web/assets.hpp"
#include "web/grootte.hpp"
#include "web/hoofdletters.hpp"
#include "web/kopregels.hpp"
#include "web/lichaamsvorm.hpp"
#include "web/metrieken.hpp"
#include "web/raadplegingen.hpp"
#include "web/stopsignaal.hpp"
#include "web/taakwachtrij.hpp"
#include "web/verbinding.hpp"
#include "web/verzoek_fout.hpp"
#include "web/verzoeklog.hpp"

namespace ww::web {

namespace {

using Klok = std::chrono::steady_clock;

// What the log and the metrics need of a request beyond what cpp-httplib hands its logger: when its
// headers were read and which endpoint answered. A worker handles one request at a time.
thread_local Klok::time_point verzoek_begin;
thread_local bool verzoek_begonnen = false;
thread_local std::string_view verzoek_eindpunt = "andere";
// The connection the worker serves (HttpServer below), for reading a request body directly.
thread_local Verbinding* verzoek_verbinding = nullptr;
// Whether the answer to this request closes the connection (sluit_na_antwoord).
thread_local bool verzoek_sluit_verbinding = false;
// The size of a body the connection sends from the worker's buffer (schrijf_antwoord), for the log.
thread_local std::size_t verzoek_lichaam_uit_buffer = 0;

void fout(const std::string& melding) { schrijf_logregel("wegwijzer: fout: " + melding + "\n"); }

// The Dutch text for a status cpp-httplib sets itself, before any route sees the request.
std::string http_melding(int status, std::size_t max_body) {
    switch (status) {
        case 400: return "het verzoek is geen geldig HTTP-verzoek";
        case 413: return fmt::format("het verzoek is groter dan {}, de grens van deze dienst (--max-body)", grootte_tekst(max_body));
        case 414: return "het adres in het verzoek is te lang";
        case 416: return "het gevraagde bereik (Range) bestaat niet";
        case 431: return "de kopregels van het verzoek zijn te groot";
        default: return fmt::format("het verzoek kan niet worden verwerkt (status {})", status);
    }
}

// A chunked body that is not framed as RFC 9112 (7.1) says, to the letter (web/lichaamslezer.hpp).
constexpr char stukken_ongeldig[] =
    "het lichaam is niet goed in stukken (chunked) verdeeld: elke regel eindigt op CR LF, en achter de lengte van "
    "een stuk staat niets of, na ';', een extensie";

// The first header of that name, as get_header_value gives it.
const std::string* kopregel(const httplib::Headers& kopregels, std::string_view naam) {
    for (const auto& [k, waarde] : kopregels)
        if (gelijk_op_hoofdletters_na(k, naam)) return &waarde;
    return nullptr;
}

// Replaces every header `naam` of the answer (the service's defaults among them): found with the pass
// above, so that only the insertion goes through the map's comparisons. One header of that name (the
// report's Content-Security-Policy over the service's) takes the new value where it stands: the same
// place in the map an erase and an insertion give it, without them.
void zet(httplib::Response& res, std::string_view naam, std::string_view waarde) {
    auto gevonden = res.headers.end();
    std::size_t aantal = 0;
    for (auto it = res.headers.begin(); it != res.headers.end(); ++it)
        if (gelijk_op_hoofdletters_na(it->first, naam)) {
            if (aantal++ == 0) gevonden = it;
        }
    if (aantal == 1 && gevonden->first == naam) {
        gevonden->second.assign(waarde);  // into the default's room (the report's policy is shorter): no allocation
        return;
    }
    for (auto it = gevonden; aantal > 0 && it != res.headers.end();) {
        if (gelijk_op_hoofdletters_na(it->first, naam)) it = res.headers.erase(it);
        else ++it;
    }
    res.headers.emplace(std::string(naam), std::string(waarde));
}

// For an answer given before the request was read to its end (a body over the limit, the service
// stopping): what follows on the connection is not a request. Connection: close alone does not end
// it, since cpp-httplib's keep-alive loop listens only to the request's Connection header; without
// this the rest of the body would be read as a next request (a "- - 414" in the log and the metrics).
// The header itself comes from cpp-httplib, as for a client that asked to close: it writes either
// Connection: close or Keep-Alive (timeout, max), by the request's Connection header, after every
// handler. Set on the answer here, the answer carried both, a close and a promise to stay open. The
// Request is the one process_request owns and hands on as const (as in the pre-routing handler).
void sluit_na_antwoord(const httplib::Request& req) {
    auto& kopregels = const_cast<httplib::Request&>(req).headers;
    for (auto it = kopregels.begin(); it != kopregels.end();)
        it = gelijk_op_hoofdletters_na(it->first, "Connection") ? kopregels.erase(it) : std::next(it);
    kopregels.emplace("Connection", "close");
    verzoek_sluit_verbinding = true;
}

// Closing a socket with unread bytes resets the connection (RST), which can destroy the answer before
// the client has read it, while the client is still sending the body that was refused. So: the answer
// is out, no more writing (FIN), then read and drop what still comes until the client closes, for at
// most two seconds (as a web server's lingering close).
void laat_uitlopen(socket_t sock) {
    ::shutdown(sock, SHUT_WR);
    std::array<char, 16384> weg;
    const auto tot = Klok::now() + std::chrono::seconds(2);
    for (;;) {
        const auto over = std::chrono::duration_cast<std::chrono::milliseconds>(tot - Klok::now()).count();
        pollfd p{sock, POLLIN, 0};
        if (over <= 0 || ::poll(&p, 1, static_cast<int>(over)) <= 0) return;
        if (::recv(sock, weg.data(), weg.size(), 0) <= 0) return;
    }
}

// The body moves into the response: an advice or report is not copied once more on its way out. One
// written in the worker's buffer goes out from there, through the connection, when `uit_buffer` (the
// request is answered with a body, not HEAD, and whole, without Range) and the answer is no error
// (cpp-httplib's error handler would write a body of its own): cpp-httplib then writes the headers
// with the service's Content-Length and no body, and the connection the body right after them.
// Otherwise it is copied into the response.
void schrijf_antwoord(Antwoord a, httplib::Response& res, bool uit_buffer = false) {
    res.status = a.status;
    zet(res, "Content-Type", a.inhoudstype);
    for (const auto& [naam, waarde] : a.kopregels) {
        // Vary adds to the service's own (Origin, with --cors) instead of replacing it.
        const std::string* eerder = naam == "Vary" ? kopregel(res.headers, "Vary") : nullptr;
        if (eerder != nullptr && *eerder != waarde) zet(res, naam, *eerder + ", " + std::string(waarde));
        else zet(res, naam, waarde);
    }
    // The body last: what throws above (an allocation) leaves no body with the connection, and the
    // error answer that follows is written as any other.
    if (!a.in_buffer) {
        res.body = std::move(a.lichaam);
    } else if (uit_buffer && a.status < 400 && verzoek_verbinding != nullptr) {
        const std::size_t grootte = a.in_buffer->size();
        // The text first: if making it throws, no stale length is left for the error answer that follows
        // (emplace itself inserts whole or not at all).
        std::string lengte = std::to_string(grootte);
        res.headers.emplace("Content-Length", std::move(lengte));
        verzoek_lichaam_uit_buffer = grootte;
        verzoek_verbinding->lichaam_na_kopregels(std::move(*a.in_buffer));
    } else {
        res.body = a.in_buffer->klaar();
    }
}

// cpp-httplib's server with the service's own connection stream (web/verbinding.hpp): the same
// keep-alive loop as cpp-httplib's process_and_close_socket, over one Verbinding per connection instead
// of a SocketStream per request. Overriding this virtual member is how cpp-httplib's SSLServer puts its
// own stream under process_request.
class HttpServer final : public httplib::Server {
    bool process_and_close_socket(socket_t sock) override {
        Verbinding verbinding(sock, read_timeout_sec_, read_timeout_usec_, write_timeout_sec_, write_timeout_usec_);
        verzoek_verbinding = &verbinding;
        bool goed = false;
        for (std::size_t over = keep_alive_max_count_; svr_sock_ != INVALID_SOCKET && over > 0 && verbinding.wacht_op_verzoek(keep_alive_timeout_sec_); --over) {
            bool gesloten = false;
            verzoek_sluit_verbinding = false;
            verbinding.begin_verzoek();
            goed = process_request(verbinding, over == 1, gesloten, nullptr);
            // Sent by now, or no answer was written: the worker's buffer is free again.
            verbinding.vergeet_lichaam();
            verzoek_lichaam_uit_buffer = 0;
            if (!goed || gesloten || verzoek_sluit_verbinding) break;
        }
        verzoek_verbinding = nullptr;
        if (verzoek_sluit_verbinding) laat_uitlopen(sock);
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return goed;
    }
};

class Dienst {
public:
    Dienst(const DienstOpties& opties, std::vector<Route> routes, advies::Kennisbank& kb)
        : opties_(opties), routes_(std::move(routes)), raadplegingen_(kb), omgeving_{kb, raadplegingen_, metrieken_} {}

    int draai();

private:
    void behandel(const httplib::Request& req, httplib::Response& res);
    // The endpoint a path belongs to, for the metrics of a request refused before it reached behandel.
    std::string_view eindpunt(std::string_view pad) const {
        std::vector<std::string> delen;
        for (const Route& r : routes_)
            if (past(r.patroon, pad, delen)) return r.patroon;
        return zoek_asset(pad) ? std::string_view("/") : std::string_view("andere");
    }
    void stop() {
        stoppen_.store(true);
        // A signal that comes between binding and listening: wait until there is a server to stop.
        while (!server_.is_running() && !luisteren_voorbij_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        server_.stop();
    }

    const DienstOpties& opties_;
    std::vector<Route> routes_;
    Raadplegingen raadplegingen_;
    Metrieken metrieken_;
    Omgeving omgeving_;
    HttpServer server_;
    std::atomic<bool> stoppen_{false};
    std::atomic<bool> luisteren_voorbij_{false};  // listening failed, or ended
};

void Dienst::behandel(const httplib::Request& req, httplib::Response& res) {
    // The service ignores Range (the pre-routing handler): cpp-httplib would promise it to every HEAD.
    if (req.method == "HEAD") zet(res, "Accept-Ranges", "none");
    Verzoek v;
    v.methode = req.method;
    v.pad = req.path;
    v.lichaam = req.body;
    if (const auto* type = kopregel(req.headers, "Content-Type")) v.inhoudstype = *type;
    if (const auto* accept = kopregel(req.headers, "Accept")) v.accept = *accept;
    for (const auto& [naam, waarde] : req.params) v.parameters.emplace_back(naam, waarde);

    const bool lezen = req.method == "GET" || req.method == "HEAD";
    const Route* gekozen = nullptr;
    std::vector<std::string> delen;
    std::vector<std::string> toegestaan;
    for (const Route& r : routes_) {
        if (!past(r.patroon, req.path, delen)) continue;
        verzoek_eindpunt = r.patroon;
        toegestaan.push_back(r.methode);
        if (r.methode == "GET") toegestaan.push_back("HEAD");
        if (r.methode == req.method || (r.methode == "GET" && req.method == "HEAD")) {
            gekozen = &r;
            v.delen = delen;
            break;
        }
    }
    if (!gekozen && toegestaan.empty()) {
        if (auto asset = zoek_asset(req.path)) {
            verzoek_eindpunt = "/";
            toegestaan = {"GET", "HEAD"};
            if (lezen) {
                res.status = 200;
                res.body.assign(asset->inhoud);
                zet(res, "Content-Type", asset->inhoudstype);
                return;
            }
        }
    }
    if (!gekozen) {
        if (toegestaan.empty()) {
            verzoek_eindpunt = "andere";
            schrijf_antwoord(foutantwoord(404, fmt::format("er is hier niets op '{}'", req.path)), res);
            return;
        }
        toegestaan.push_back("OPTIONS");
        std::string allow;
        for (const auto& m : toegestaan) allow += (allow.empty() ? "" : ", ") + m;
        if (req.method == "OPTIONS") {
            res.status = 204;
        } else {
            schrijf_antwoord(foutantwoord(405, fmt::format("{} kan niet op '{}'; wel: {}", req.method, req.path, allow)), res);
        }
        zet(res, "Allow", allow);
        return;
    }
    try {
        schrijf_antwoord(gekozen->behandel(v, omgeving_), res, req.method != "HEAD" && req.ranges.empty());
    } catch (const std::bad_alloc&) {
        schrijf_antwoord(foutantwoord(503, "de dienst heeft nu te weinig geheugen; probeer het later opnieuw"), res);
    } catch (const std::exception& e) {
        // Only a fault of the service or its knowledge base gets here, never the client's input.
        fout(fmt::format("{} {}: {}", req.method, req.path, e.what()));
        schrijf_antwoord(foutantwoord(500, "interne fout van de dienst; de beheerder vindt de melding in het logboek"), res);
    }
}

int Dienst::draai() {
    // Before any thread starts, so that all of them have SIGINT and SIGTERM blocked.
    Stopsignaal signaal([this] { stop(); });
    const unsigned threads = opties_.threads > 0 ? opties_.threads : std::max(8u, 4 * std::thread::hardware_concurrency());
    server_.new_task_queue = [threads] { return new Taakwachtrij(threads, 4 * threads); };
    // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let a second service share a port
    // that is in use instead of refusing to start.
    server_.set_socket_options([](socket_t s) {
        int ja = 1;
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &ja, sizeof ja);
    });
    // An answer goes out in two writes (headers, body): with Nagle's algorithm the second waited for
    // the client's delayed ACK, 40 ms per request.
    server_.set_tcp_nodelay(true);
    server_.set_payload_max_length(opties_.max_body);
    server_.set_read_timeout(opties_.leestijd, 0);
    server_.set_write_timeout(opties_.leestijd, 0);
    // An idle connection holds a worker (cpp-httplib serves a connection on one thread): short, so that
    // idle clients free it soon. Browsers and load generators reuse a connection at once.
    server_.set_keep_alive_timeout(2);
    server_.set_keep_alive_max_count(1000);
    httplib::Headers standaard;
    for (auto& [naam, waarde] : standaard_kopregels(opties_.cors)) standaard.emplace(naam, waarde);
    server_.set_default_headers(standaard);

    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        verzoek_begin = Klok::now();
        verzoek_begonnen = true;
        verzoek_eindpunt = "andere";
        // cpp-httplib (0.11) compresses every text/* answer for a client that accepts it, brotli at its
        // highest quality (11) before gzip, with no setting to turn that off or down: a browser's report
        // (Accept-Encoding: gzip, deflate, br) took some 16 ms of processor time to compress, against
        // 0.07 ms to make, and every page of the web app the same again. The service answers
        // uncompressed; the reverse proxy in front compresses (docs/dienst.md). The Request is the one
        // process_request owns and hands on as const (as for the body below); the header is found and
        // erased by position, without the map's per-character comparisons.
        // Range goes too: the service answers whole, as RFC 9110 lets a server do. cpp-httplib (0.11) cut
        // the body of a 200 to the range (a truncated app.js with status 200), answered a range past the
        // end with 416 and an empty body instead of the API's JSON, and even an advice request with 416.
        auto& bewerkbaar = const_cast<httplib::Request&>(req);
        auto& kopregels = bewerkbaar.headers;
        for (auto it = kopregels.begin(); it != kopregels.end();)
            it = gelijk_op_hoofdletters_na(it->first, "Accept-Encoding") || gelijk_op_hoofdletters_na(it->first, "Range")
                     ? kopregels.erase(it)
                     : std::next(it);
        bewerkbaar.ranges.clear();
        // The service reads every body itself, from the connection (cpp-httplib's read_content would
        // read a chunked body or inflate a compressed one without a limit), and answers the request here.
        // Refused before the body is read: a length that cannot be known, a body over the limit, a
        // compressed body, and multipart forms (which no route reads).
        if (!stoppen_.load()) {
            const Lichaamsvorm vorm = lichaamsvorm(req.headers);
            // GET, HEAD and OPTIONS without a body (all of them, in practice): cpp-httplib's dispatch.
            if (vorm.soort == Lichaamsvorm::Soort::geen && req.method != "POST" && req.method != "PUT" &&
                req.method != "PATCH" && req.method != "DELETE")
                return httplib::Server::HandlerResponse::Unhandled;
            std::optional<Antwoord> weigering;
            const auto* type = kopregel(req.headers, "Content-Type");
            if (vorm.soort == Lichaamsvorm::Soort::ongeldig)
                weigering = foutantwoord(400, vorm.melding);
            else if (vorm.soort == Lichaamsvorm::Soort::lengte && vorm.lengte > opties_.max_body)
                weigering = foutantwoord(413, http_melding(413, opties_.max_body));
            else if (vorm.soort == Lichaamsvorm::Soort::gecomprimeerd)
                weigering = foutantwoord(415, vorm.melding);
            else if (type && type->starts_with("multipart/"))
                weigering = foutantwoord(415, "formulieren (multipart) worden niet gelezen; stuur het profiel als application/json of application/yaml");
            else if (verzoek_verbinding == nullptr)
                return httplib::Server::HandlerResponse::Unhandled;
            if (!weigering) {
                // cpp-httplib would read the body into req.body next (read_content) and then dispatch
                // to behandel: both here, the body straight from the connection. The Request is the
                // one process_request owns and hands on as const; the log reads its body's size.
                auto& verzoek = const_cast<httplib::Request&>(req);
                bool gelezen = true;
                if (vorm.soort == Lichaamsvorm::Soort::lengte) {
                    gelezen = verzoek_verbinding->lees_lichaam(vorm.lengte, verzoek.body);
                } else if (vorm.soort == Lichaamsvorm::Soort::stukken) {
                    switch (verzoek_verbinding->lees_stukken(opties_.max_body, verzoek.body)) {
                        case Verbinding::Stukken::gelezen: break;
                        case Verbinding::Stukken::te_groot: weigering = foutantwoord(413, http_melding(413, opties_.max_body)); break;
                        case Verbinding::Stukken::ongeldig: weigering = foutantwoord(400, stukken_ongeldig); break;
                        case Verbinding::Stukken::afgebroken: gelezen = false; break;
                    }
                }
                if (!gelezen) {
                    // As read_content: 400, with the body the error handler gives it.
                    res.status = 400;
                    return httplib::Server::HandlerResponse::Handled;
                }
                if (!weigering) {
                    behandel(req, res);
                    return httplib::Server::HandlerResponse::Handled;
                }
            }
            verzoek_eindpunt = eindpunt(req.path);
            schrijf_antwoord(std::move(*weigering), res);
            sluit_na_antwoord(req);
            return httplib::Server::HandlerResponse::Handled;
        }
        verzoek_eindpunt = eindpunt(req.path);
        schrijf_antwoord(foutantwoord(503, "de dienst stopt; probeer het zo opnieuw"), res);
        sluit_na_antwoord(req);
        zet(res, "Retry-After", "5");
        return httplib::Server::HandlerResponse::Handled;
    });
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { behandel(req, res); };
    // Every method to one dispatcher, which knows the routes and answers 404 and 405 itself.
    server_.Get(".*", handler).Post(".*", handler).Put(".*", handler).Delete(".*", handler).Patch(".*", handler).Options(".*", handler);
    // Statuses cpp-httplib sets itself (400, 413, ...) get the API's error body too.
    server_.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        schrijf_antwoord(foutantwoord(res.status, http_melding(res.status, opties_.max_body)), res);
        // The request was not read to its end: what follows on the connection is not a request.
        sluit_na_antwoord(req);
        return httplib::Server::HandlerResponse::Handled;
    }));
    server_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        fout(fmt::format("{} {}: onverwachte uitzondering", req.method, req.path));
        schrijf_antwoord(foutantwoord(500, "interne fout van de dienst; de beheerder vindt de melding in het logboek"), res);
    });
    server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        const double seconden = verzoek_begonnen ? std::chrono::duration<double>(Klok::now() - verzoek_begin).count() : 0.0;
        verzoek_begonnen = false;
        metrieken_.verzoek(verzoek_eindpunt, res.status, seconden);
        const std::size_t lichaam = res.body.empty() ? verzoek_lichaam_uit_buffer : res.body.size();
        verzoek_lichaam_uit_buffer = 0;
        schrijf_logregel(verzoekregel(req.method, req.path, res.status, seconden, req.body.size(), lichaam));
    });

    int poort = opties_.poort;
    errno = 0;
    if (poort == 0) {
        poort = server_.bind_to_any_port(opties_.adres);
        if (poort <= 0) poort = -1;
    } else if (!server_.bind_to_port(opties_.adres, poort)) {
        poort = -1;
    }
    if (poort < 0) {
        const int e = errno;
        const std::string waar = fmt::format("{}:{}", opties_.adres, opties_.poort);
        if (e == EADDRINUSE) fout(fmt::format("kan niet luisteren op {}: de poort is al in gebruik (kies een andere met --poort)", waar));
        else if (e == EACCES) fout(fmt::format("kan niet luisteren op {}: geen toestemming voor deze poort (onder 1024 alleen voor root)", waar));
        else if (e == EADDRNOTAVAIL) fout(fmt::format("kan niet luisteren op {}: dit adres hoort niet bij deze machine", waar));
        else fout(fmt::format("kan niet luisteren op {}: {}", waar, e != 0 ? std::strerror(e) : "ongeldig adres"));
        luisteren_voorbij_.store(true);
        return 2;
    }
    const bool ipv6 = opties_.adres.find(':') != std::string::npos;
    const std::string regel = fmt::format("wegwijzer luistert op http://{}{}{}:{}/\n", ipv6 ? "[" : "", opties_.adres, ipv6 ? "]" : "", poort);
    std::cout << regel << std::flush;
    const bool goed = server_.listen_after_bind();
    luisteren_voorbij_.store(true);
    if (!goed && !stoppen_.load()) {
        fout("de dienst kon geen verbindingen meer aannemen");
        return 1;
    }
    return 0;
}

}  // namespace

int draai_dienst(const DienstOpties& opties, std::vector<Route> routes) {
    try {
        const auto kb = advies::Kennisbank::laad_gekozen(opties.kb);
        Dienst dienst(opties, std::move(routes), *kb);
        return dienst.draai();
    } catch (const advies::InvoerFout& e) {
        schrijf_logregel(advies::formatteer(e.fouten));
        return 2;
    } catch (const LoadError& e) {
        schrijf_logregel(advies::formatteer(e.diagnostics.items()));
        return 2;
    } catch (const std::exception& e) {
        fout(fmt::format("kennisbank: {}", e.what()));
        return 2;
    }
}

}  // namespace ww::web
