// SPDX-License-Identifier: EUPL-1.2
#include "web/herkomst.hpp"

#include <cctype>

namespace ww::web {
namespace {

// Scanned by hand, not with std::regex: libstdc++'s matcher recurses per character, and an argument
// of 130,000 characters overflowed the stack.
bool is_poort(std::string_view p) {
    if (p.empty() || p.size() > 5) return false;
    for (char c : p)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

bool is_hostnaam(std::string_view h) {
    if (h.empty()) return false;
    bool label_leeg = true;
    for (char c : h) {
        if (c == '.') {
            if (label_leeg) return false;
            label_leeg = true;
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
            label_leeg = false;
        } else {
            return false;
        }
    }
    return !label_leeg;
}

bool is_ip6(std::string_view h) {
    if (h.size() < 3 || h.front() != '[' || h.back() != ']') return false;
    for (char c : h.substr(1, h.size() - 2))
        if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
    return true;
}

// http or https, a host, optionally a port, nothing after it.
bool is_herkomst(std::string_view t) {
    std::string_view rest;
    if (t.starts_with("https://")) rest = t.substr(8);
    else if (t.starts_with("http://")) rest = t.substr(7);
    else return false;
    std::string_view host = rest, poort;
    const auto haak = rest.rfind(']');
    const auto dubbelepunt = rest.rfind(':');
    if (dubbelepunt != std::string_view::npos && (haak == std::string_view::npos || dubbelepunt > haak)) {
        host = rest.substr(0, dubbelepunt);
        poort = rest.substr(dubbelepunt + 1);
        if (!is_poort(poort)) return false;
    }
    return is_hostnaam(host) || is_ip6(host);
}

}  // namespace

std::string herkomst_fout(std::string_view tekst) {
    if (tekst == "*" || is_herkomst(tekst)) return {};
    const std::string t(tekst);
    const std::string fout = "'" + t + "' is geen herkomst zoals een browser die stuurt";
    // What people paste: the address of a page, or a host without its scheme.
    const auto schema = tekst.find("://");
    if (schema != std::string_view::npos) {
        const auto einde = tekst.find_first_of("/?#", schema + 3);
        if (einde != std::string_view::npos && is_herkomst(tekst.substr(0, einde)))
            return fout + "; zonder pad of / aan het eind: " + std::string(tekst.substr(0, einde));
    } else if (is_herkomst("https://" + t)) {
        return fout + "; met het schema ervoor: https://" + t;
    }
    return fout + " (bijvoorbeeld https://intranet.gemeente.nl)";
}

}  // namespace ww::web
