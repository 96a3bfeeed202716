// SPDX-License-Identifier: EUPL-1.2
// What the advice contract forbids in a text meant for a person (advies.md: names, not ids; Dutch
// plurals and numbers). One check serves two places: `wegwijzer test` holds every computed advice to
// it, and `wegwijzer lint` holds the literal texts of the rules to it, so that a sloppy text is found
// before any scenario has to run into it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "advies/vocabulaire.hpp"

namespace ww::advies {

// An id a person would not read as a word, with the name the text should use instead.
struct OnleesbaarId {
    std::string id;
    std::string naam;
};

// Whether a person would not read `id` as a word: it holds a hyphen or underscore (`gebouwde-omgeving`,
// `onveilig_buurt`). Only such ids can be told apart from ordinary words (an id like `toezicht` is
// also the word), so only they are looked for in texts.
bool onleesbaar_id(std::string_view id);

// The vocabulary's unreadable ids (factors, indicators, sources) with their names.
std::vector<OnleesbaarId> onleesbare_ids(const Vocabulaire& vocabulaire);

// The objections to `tekst`, each a Dutch phrase without the text itself ("schrijft 'bron(nen)' in
// plaats van enkelvoud of meervoud"); empty when the text is fine. `cijfers` also judges numbers, which
// only makes sense for a finished text (a literal fragment may hold "2." of a list).
std::vector<std::string> tekstbezwaren(std::string_view tekst, const std::vector<OnleesbaarId>& ids, bool cijfers = true);

}  // namespace ww::advies
