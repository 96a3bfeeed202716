// SPDX-License-Identifier: EUPL-1.2
#include "web/herkomst.hpp"

#include <regex>

namespace ww::web {

std::string herkomst_fout(std::string_view tekst) {
    if (tekst == "*") return {};
    static const std::regex herkomst(R"(^https?://([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$)");
    const std::string t(tekst);
    if (std::regex_match(t, herkomst)) return {};
    const std::string fout = "'" + t + "' is geen herkomst zoals een browser die stuurt";
    // What people paste: the address of a page, or a host without its scheme.
    static const std::regex pagina(R"(^(https?://[^/?#]+)[/?#].*$)");
    std::smatch m;
    if (std::regex_match(t, m, pagina) && std::regex_match(m[1].str(), herkomst))
        return fout + "; zonder pad of / aan het eind: " + m[1].str();
    if (t.find("://") == std::string::npos && std::regex_match("https://" + t, herkomst))
        return fout + "; met het schema ervoor: https://" + t;
    return fout + " (bijvoorbeeld https://intranet.gemeente.nl)";
}

}  // namespace ww::web
