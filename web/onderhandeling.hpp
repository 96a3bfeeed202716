// SPDX-License-Identifier: EUPL-1.2
// Content types of requests and answers: which request bodies the API reads (Content-Type) and
// which format of the advice a client asked for (Accept).
#pragma once

#include <optional>
#include <string_view>

#include "advies/opmaak.hpp"

namespace ww::web {

enum class Lichaamssoort { json, yaml };

// application/json (and +json), or application/yaml, text/yaml, application/x-yaml; parameters such
// as charset are allowed. nullopt for anything else, and for a missing Content-Type (415).
std::optional<Lichaamssoort> lichaamssoort(std::string_view inhoudstype);

// The format an Accept header asks for among json, html (text/html) and markdown (text/markdown),
// by quality value, the earliest on equal quality; json when it names none of them (or is absent).
advies::Formaat gevraagd_formaat(std::string_view accept);

// The Content-Type of an answer in `formaat`.
std::string_view antwoordtype(advies::Formaat formaat);

}  // namespace ww::web
