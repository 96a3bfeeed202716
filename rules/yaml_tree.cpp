// SPDX-License-Identifier: EUPL-1.2
#include "rules/yaml_tree.hpp"

#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "rules/input_limits.hpp"
#include "rules/yaml_open_nodes.hpp"

namespace ww {

namespace {

const std::string& empty_text() {
    static const std::string empty;
    return empty;
}

// Turns parser events into nodes (yaml-cpp's own parser bounds the depth of the open collections).
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(YamlDocuments& docs, std::size_t max_documents, std::uint64_t max_expanded)
        : docs_(docs), max_documents_(max_documents), max_expanded_(max_expanded), open_(docs) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (docs_.roots.size() >= max_documents_)
            throw YAML::ParserException(mark, "tekst die bij geen enkel document hoort");
        anchors_.assign(1, nullptr);  // anchors are numbered from 1, per document
        expanded_ = 0;
        expanded_bytes_ = 0;
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        YamlNode::Data& d = make(YamlNode::Kind::null, mark, anchor);
        d.open = false;
        open_.attach(d);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        // yaml-cpp checks that the anchor exists before it reports the alias.
        YamlNode::Data* target = anchor < anchors_.size() ? anchors_[anchor] : nullptr;
        if (target == nullptr) throw YAML::ParserException(mark, "onbekend anker");
        if (target->open) too_many(mark);  // the alias sits inside its own anchor: a cycle
        count(target->expanded, mark);
        count_bytes(target->expanded_bytes, mark);
        open_.attach(*target);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        check_tag(tag, mark);
        check_text(value, mark);
        count_bytes(value.size(), mark);
        YamlNode::Data& d = make(YamlNode::Kind::scalar, mark, anchor);
        d.tag = tag;
        d.scalar = value;
        d.expanded_bytes = value.size();
        d.open = false;
        open_.attach(d);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        start(YamlNode::Kind::sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { open_.close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        start(YamlNode::Kind::map, mark, tag, anchor);
    }
    void OnMapEnd() override { open_.close(); }

private:
    YamlNode::Data& make(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        count(1, mark);
        YamlNode::Data& d = docs_.storage->emplace_back();
        d.kind = kind;
        d.mark = mark;
        if (anchor != YAML::NullAnchor) {
            if (anchor >= anchors_.size()) anchors_.resize(anchor + 1, nullptr);
            anchors_[anchor] = &d;
        }
        return d;
    }

    // The nodes a reader will visit in this document, aliases expanded; stops a "billion laughs"
    // before it is built out.
    void count(std::uint64_t nodes, const YAML::Mark& mark) {
        expanded_ += nodes;
        if (expanded_ > max_expanded_) too_many(mark);
    }

    // The text a reader will see in this document, aliases expanded: one long name aliased a few
    // thousand times is a few nodes but gigabytes of output. Never more than a file without aliases
    // could hold.
    void count_bytes(std::uint64_t bytes, const YAML::Mark& mark) {
        expanded_bytes_ += bytes;
        if (expanded_bytes_ > limits::max_file_bytes)
            throw YAML::ParserException(mark, fmt::format("aliassen (*naam) vouwen uit tot meer dan {} MiB tekst; "
                                                          "schrijf de waarden uit",
                                                          limits::max_file_bytes >> 20));
    }

    // Texts end up on terminals, in reports and in messages: escape sequences (ESC, BEL, CR, NUL
    // and the C1 controls, which YAML's "\e", "\x9b" and "\0" can write even though the file itself may
    // not hold them) could retitle a terminal, clear it or forge a line (docs/robuustheid.md).
    // Tab and line feed are text.
    static void check_text(const std::string& value, const YAML::Mark& mark) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto c = static_cast<unsigned char>(value[i]);
            unsigned code = 0;
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) code = c;
            else if (c == 0xc2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                     static_cast<unsigned char>(value[i + 1]) <= 0x9f)
                code = static_cast<unsigned char>(value[i + 1]);
            else continue;
            throw YAML::ParserException(mark, fmt::format("een tekst mag geen stuurteken bevatten (U+{:04X}); "
                                                          "alleen tab en regeleinde",
                                                          code));
        }
    }

    // yaml-cpp reports a tag but converts nothing: `inwoners: !!str 5` would be read as the number 5.
    // Rather than honour half of YAML's tags, every explicit tag is refused.
    static void check_tag(const std::string& tag, const YAML::Mark& mark) {
        if (tag.empty() || tag == "?" || tag == "!") return;
        constexpr std::string_view standaard = "tag:yaml.org,2002:";
        const std::string getoond = tag.rfind(standaard, 0) == 0 ? "!!" + tag.substr(standaard.size()) : tag;
        throw YAML::ParserException(mark, fmt::format("YAML-tags ({}) worden niet ondersteund; laat de tag weg", getoond));
    }

    [[noreturn]] void too_many(const YAML::Mark& mark) const {
        throw YAML::ParserException(mark, fmt::format("aliassen (*naam) vouwen uit tot meer dan {} knopen, of "
                                                      "verwijzen naar zichzelf; schrijf de waarden uit",
                                                      max_expanded_));
    }

    void start(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
        check_tag(tag, mark);
        YamlNode::Data& d = make(kind, mark, anchor);
        d.tag = tag;
        open_.open(d);
    }

    YamlDocuments& docs_;
    std::size_t max_documents_;
    std::uint64_t max_expanded_;
    std::uint64_t expanded_ = 0;
    std::uint64_t expanded_bytes_ = 0;
    std::vector<YamlNode::Data*> anchors_;
    YamlOpenNodes open_;
};

}  // namespace

bool YamlNode::is_null() const { return data_ && data_->kind == Kind::null; }
bool YamlNode::is_scalar() const { return data_ && data_->kind == Kind::scalar; }
bool YamlNode::is_sequence() const { return data_ && data_->kind == Kind::sequence; }
bool YamlNode::is_map() const { return data_ && data_->kind == Kind::map; }
const std::string& YamlNode::tag() const { return data_ ? data_->tag : empty_text(); }
const std::string& YamlNode::scalar() const { return data_ ? data_->scalar : empty_text(); }
YAML::Mark YamlNode::mark() const { return data_ ? data_->mark : YAML::Mark::null_mark(); }
std::span<const YamlNode> YamlNode::items() const {
    return data_ ? std::span<const YamlNode>(data_->items) : std::span<const YamlNode>();
}
std::span<const YamlNode::Entry> YamlNode::entries() const {
    return data_ ? std::span<const Entry>(data_->entries) : std::span<const Entry>();
}
std::size_t YamlNode::size() const { return data_ ? data_->items.size() + data_->entries.size() : 0; }

YamlDocuments parse_yaml_documents(std::string_view text, std::size_t max_documents, std::uint64_t max_expanded_nodes) {
    YamlDocuments docs;
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    TreeBuilder builder(docs, max_documents, max_expanded_nodes);
    while (parser.HandleNextDocument(builder)) {
    }
    return docs;
}

}  // namespace ww
