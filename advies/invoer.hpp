// A gemeenteprofiel turned into facts (knowledge-base/invoer.yaml): what the reader hands to the
// consultation. Facts are named by template and slot so that the reader needs no engine; the
// consultation resolves the names once per knowledge base.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/value.hpp"

namespace ww::advies {

enum class Opdracht { advies, communicatie };

struct InvoerFeit {
    std::string tmpl;
    std::vector<std::pair<std::string, Value>> slots;
};

struct Invoer {
    std::string gemeente;  // gemeente.naam
    std::vector<InvoerFeit> feiten;
};

}  // namespace ww::advies
