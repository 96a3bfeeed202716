// SPDX-License-Identifier: EUPL-1.2
#include "advies/json_boom.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "advies/open_knopen.hpp"
#include "rules/input_limits.hpp"

namespace ww::advies {

namespace {

using Json = nlohmann::json;
using Kind = YamlNode::Kind;

// Deeper than any profile; yaml-cpp (with its own limit and message) reads what goes beyond.
constexpr std::size_t max_diepte = 64;

// Builds the tree from nlohmann's SAX events. The events carry no positions: a cursor walks the text
// alongside them. Every event ends a token and comes before the next is read, and what lies between
// two events is white space and the separators ',' and ':' (which get no event), so the next event's
// token starts at the first other character after the cursor. nlohmann has checked the syntax.
class Bouwer : public nlohmann::json_sax<Json> {
public:
    Bouwer(std::string_view tekst, YamlDocuments& docs) : tekst_(tekst), docs_(docs), open_(docs) {}

    bool null() override {
        const std::size_t begin = token_begin();
        cursor_ = begin + 4;
        // yaml-cpp reports a plain `null` as a null node without tag.
        return voeg_toe(maak(Kind::null, begin));
    }
    bool boolean(bool waarde) override {
        const std::size_t begin = token_begin();
        cursor_ = begin + (waarde ? 4 : 5);
        return gewoon(begin);
    }
    bool number_integer(number_integer_t) override { return getal(); }
    bool number_unsigned(number_unsigned_t) override { return getal(); }
    bool number_float(number_float_t, const string_t&) override { return getal(); }

    bool string(string_t& waarde) override {
        YamlNode::Data* d = tekst(waarde);
        return d != nullptr && voeg_toe(*d);
    }
    bool key(string_t& waarde) override {
        YamlNode::Data* d = tekst(waarde);
        if (d == nullptr) return false;
        // A YAML key is one line up to its ':'; JSON lets the colon come on a later line.
        for (std::size_t i = cursor_; i < tekst_.size() && tekst_[i] != ':'; ++i)
            if (tekst_[i] == '\n') return false;
        return voeg_toe(*d);
    }
    bool binary(binary_t&) override { return false; }

    bool start_object(std::size_t) override { return open(Kind::map); }
    bool end_object() override { return sluit(); }
    bool start_array(std::size_t) override { return open(Kind::sequence); }
    bool end_array() override { return sluit(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    std::size_t token_begin() {
        while (cursor_ < tekst_.size()) {
            const char c = tekst_[cursor_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != ',' && c != ':') break;
            ++cursor_;
        }
        return cursor_;
    }

    // yaml-cpp's marks: 0-based line, 0-based column in bytes, byte offset. Positions only grow.
    YAML::Mark plaats(std::size_t pos) {
        for (; gemeten_ < pos; ++gemeten_)
            if (tekst_[gemeten_] == '\n') {
                ++regel_;
                regelbegin_ = gemeten_ + 1;
            }
        YAML::Mark m;
        m.pos = static_cast<int>(pos);
        m.line = regel_;
        m.column = static_cast<int>(pos - regelbegin_);
        return m;
    }

    YamlNode::Data& maak(Kind soort, std::size_t begin) {
        YamlNode::Data& d = docs_.storage->emplace_back();
        d.kind = soort;
        d.mark = plaats(begin);
        d.open = false;
        return d;
    }

    // A plain scalar (number, true, false): its text as written, as yaml-cpp keeps it.
    bool gewoon(std::size_t begin) {
        YamlNode::Data& d = maak(Kind::scalar, begin);
        d.tag = "?";
        d.scalar.assign(tekst_.substr(begin, cursor_ - begin));
        d.expanded_bytes = d.scalar.size();
        return voeg_toe(d);
    }

    bool getal() {
        const std::size_t begin = token_begin();
        cursor_ = begin;
        while (cursor_ < tekst_.size()) {
            const char c = tekst_[cursor_];
            if ((c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') break;
            ++cursor_;
        }
        return gewoon(begin);
    }

    // A quoted scalar, or nullptr when it holds what yaml-cpp should judge: an escape (yaml-cpp's
    // escapes are not all JSON's, and it may refuse what one writes), DEL or a C1 control character
    // (refused with yaml-cpp's message).
    YamlNode::Data* tekst(string_t& waarde) {
        const std::size_t begin = token_begin();
        std::size_t i = begin + 1;
        while (i < tekst_.size() && tekst_[i] != '"') {
            const auto c = static_cast<unsigned char>(tekst_[i]);
            if (c == '\\' || c == 0x7f) return nullptr;
            if (c == 0xc2 && i + 1 < tekst_.size() && static_cast<unsigned char>(tekst_[i + 1]) <= 0x9f) return nullptr;
            ++i;
        }
        cursor_ = i + 1;
        YamlNode::Data& d = maak(Kind::scalar, begin);
        d.tag = "!";
        d.scalar = std::move(waarde);
        d.expanded_bytes = d.scalar.size();
        return &d;
    }

    bool open(Kind soort) {
        if (open_.diepte() >= max_diepte) return false;
        const std::size_t begin = token_begin();
        cursor_ = begin + 1;
        YamlNode::Data& d = maak(soort, begin);
        d.tag = "?";
        d.open = true;
        open_.open(d);
        return true;
    }

    bool sluit() {
        cursor_ = token_begin() + 1;
        open_.sluit();
        return true;
    }

    bool voeg_toe(YamlNode::Data& d) {
        open_.voeg_toe(d);
        return true;
    }

    std::string_view tekst_;
    YamlDocuments& docs_;
    std::size_t cursor_ = 0;
    std::size_t gemeten_ = 0;
    int regel_ = 0;
    std::size_t regelbegin_ = 0;
    OpenKnopen open_;
};

}  // namespace

std::optional<YamlDocuments> lees_json_boom(std::string_view tekst) {
    if (tekst.size() > limits::max_file_bytes) return std::nullopt;
    const auto eerste = tekst.find_first_not_of(" \t\r\n");
    if (eerste == std::string_view::npos || tekst[eerste] != '{') return std::nullopt;
    // nlohmann stops reading at a NUL byte, as at the end of a C string; yaml-cpp refuses it.
    if (tekst.find('\0') != std::string_view::npos) return std::nullopt;
    // A carriage return on its own ends a line for yaml-cpp, not for the positions counted here.
    for (std::size_t i = tekst.find('\r'); i != std::string_view::npos; i = tekst.find('\r', i + 1))
        if (i + 1 == tekst.size() || tekst[i + 1] != '\n') return std::nullopt;
    YamlDocuments docs;
    Bouwer bouwer(tekst, docs);
    if (!Json::sax_parse(tekst.begin(), tekst.end(), &bouwer) || docs.roots.size() != 1) return std::nullopt;
    return docs;
}

}  // namespace ww::advies
