// SPDX-License-Identifier: EUPL-1.2
// What a route of the service sees and returns, without the HTTP library: a request with its body and
// the parts of the path its pattern captured, and an answer with status, type and body. The service
// (web/dienst.cpp) adds the headers every answer carries, logs and counts.
//
// A new endpoint is a function returning a Route, added to the list in web/routes.cpp: the method
// and path pattern there also give 405 with Allow, the OpenAPI-checked paths and the metric label.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "advies/kennisbank.hpp"
#include "advies/uitbuffer.hpp"

namespace ww::web {

class Raadplegingen;
class Metrieken;

struct Verzoek {
    std::string_view methode;  // "GET", "POST", ...
    std::string_view pad;      // decoded, without the query
    std::string_view lichaam;
    std::string_view inhoudstype;  // the Content-Type header, "" when absent
    std::string_view accept;       // the Accept header, "" when absent
    std::vector<std::pair<std::string, std::string>> parameters;  // the query, decoded
    std::vector<std::string> delen;  // what the route's {..} parts matched, in order
};

// A yes/no query parameter (`uitleg=1`): absent is `standaard`; 1, true and ja are yes, 0, false and
// nee no (without case). Any other value, or the parameter twice with different answers, is a
// ParameterFout: nothing the user gave is silently ignored.
struct ParameterFout : std::runtime_error {
    using std::runtime_error::runtime_error;
};
bool janee_parameter(const Verzoek& v, std::string_view naam, bool standaard);

// An answer's own headers: a few, each name and value a constant of the service (the report's
// Content-Security-Policy, Vary, Accept-Post), kept in place: no allocation per answer.
class AntwoordKopregels {
public:
    static constexpr std::size_t max = 3;
    void voeg_toe(std::string_view naam, std::string_view waarde) {
        if (aantal_ == max) throw std::logic_error("een antwoord van de dienst heeft meer eigen kopregels dan AntwoordKopregels::max");
        regels_[aantal_++] = {naam, waarde};
    }
    const std::pair<std::string_view, std::string_view>* begin() const { return regels_.data(); }
    const std::pair<std::string_view, std::string_view>* end() const { return regels_.data() + aantal_; }
    std::size_t size() const { return aantal_; }

private:
    std::array<std::pair<std::string_view, std::string_view>, max> regels_{};
    std::size_t aantal_ = 0;
};

struct Antwoord {
    int status = 200;
    // A constant, or text that outlives the answer (a route's own): every answer has one, and as a string
    // it was an allocation per answer, two for a report ("application/json" first).
    std::string_view inhoudstype = "application/json";
    std::string lichaam;
    // Headers of this answer; one named like a standard header of the service replaces it.
    AntwoordKopregels kopregels;
    // Or, instead of `lichaam`, the body as written in the worker's buffer (the advice and the report):
    // the service sends it from there, which keeps the buffer in use until the answer is out, instead
    // of copying it into `lichaam` (advies/uitbuffer.hpp). Made, sent and given up on the worker's thread.
    std::optional<advies::Uitbuffer> in_buffer = std::nullopt;
};

// What the routes share: the knowledge base, the consultations to borrow, the counters.
struct Omgeving {
    const advies::Kennisbank& kennisbank;
    Raadplegingen& raadplegingen;
    Metrieken& metrieken;
};

struct Route {
    std::string methode;
    // "/api/v1/waarom-niet/{regel}": a part in braces matches one non-empty path segment.
    std::string patroon;
    std::function<Antwoord(const Verzoek&, Omgeving&)> behandel;
};

// A GET route whose answer is a document that `maak` makes on the first request and every later
// request gets as it is: what it is made of (the knowledge base, its vocabulary) does not change while
// the service runs.
Route eenmalig_document_route(std::string patroon, std::string inhoudstype, std::function<std::string(Omgeving&)> maak);

// Whether `pad` matches `patroon`; the {..} parts' values go to `delen`.
bool past(std::string_view patroon, std::string_view pad, std::vector<std::string>& delen);

}  // namespace ww::web
