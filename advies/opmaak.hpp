// SPDX-License-Identifier: EUPL-1.2
// The ways advice is written: json (the output contract), text (a person at a terminal), markdown (a
// report to paste into a memo) and html (a report to hand over or print; advies/opmaak_html.hpp). Each
// returns the whole output, so that the caller writes it in one go or not at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "advies/advies.hpp"

namespace ww::advies {

enum class Formaat { text, json, markdown, html };
std::optional<Formaat> formaat_uit(std::string_view naam);

struct KennisbankNamen;

struct OpmaakOpties {
    bool uitleg = false;  // per advice the chain of rules and facts (items must carry `uitleg`)
    bool kleur = false;   // ANSI colour (text only)
    int breedte = 80;     // wrap width (text only)
    // The knowledge base's names of the factors (markdown): without them the ids, marked as code.
    const KennisbankNamen* namen = nullptr;
};

class Uitbuffer;

std::string als_json(const Advies& advies, const OpmaakOpties& opties);
// As als_json, appended to `uit` (advies/uitbuffer.hpp): the service sends it from there.
void als_json_in(Uitbuffer& uit, const Advies& advies, const OpmaakOpties& opties);
std::string als_tekst(const Advies& advies, const OpmaakOpties& opties);
std::string als_markdown(const Advies& advies, const OpmaakOpties& opties);
// html here shows the advice alone; with the profile's facts it is als_html (opmaak_html.hpp).
std::string opmaak(const Advies& advies, Formaat formaat, const OpmaakOpties& opties);

// The label of an advice's `onderwerp` in the human formats: "Tafel van 12" rather than the contract's
// word `tafel-van-12`, which stays in the JSON. An unknown word comes back as it is.
std::string_view onderwerp_naam(std::string_view onderwerp);

// The footer line of the human formats: "Gemaakt met wegwijzer 0.2.0 en de kennisbank NAAM VERSIE."
std::string herkomst_tekst(const Herkomst& herkomst);

// Word-wraps `tekst` to `breedte` columns (UTF-8 aware), every line after the first starting with
// `inspringing` spaces; the first line is assumed to start `eerste_kolom` columns in, and with
// `spatie_voor` the first word is preceded by a space (or moves to the next line when it does not fit).
std::string omloop(std::string_view tekst, int breedte, int inspringing, int eerste_kolom, bool spatie_voor = false);

}  // namespace ww::advies
