#include "rules/yaml_tree.hpp"

#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace ww {

namespace {

const std::string& empty_text() {
    static const std::string empty;
    return empty;
}

// Turns parser events into nodes. Collections under construction sit on a stack, so nesting costs
// no recursion here (yaml-cpp's own parser bounds the depth).
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(YamlDocuments& docs, std::size_t max_documents, std::uint64_t max_expanded)
        : docs_(docs), max_documents_(max_documents), max_expanded_(max_expanded) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (docs_.roots.size() >= max_documents_)
            throw YAML::ParserException(mark, "tekst die bij geen enkel document hoort");
        anchors_.assign(1, nullptr);  // anchors are numbered from 1, per document
        expanded_ = 0;
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        YamlNode::Data& d = make(YamlNode::Kind::null, mark, anchor);
        d.open = false;
        attach(d);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        // yaml-cpp checks that the anchor exists before it reports the alias.
        YamlNode::Data* target = anchor < anchors_.size() ? anchors_[anchor] : nullptr;
        if (target == nullptr) throw YAML::ParserException(mark, "onbekend anker");
        if (target->open) too_many(mark);  // the alias sits inside its own anchor: a cycle
        count(target->expanded, mark);
        attach(*target);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode::Data& d = make(YamlNode::Kind::scalar, mark, anchor);
        d.tag = tag;
        d.scalar = value;
        d.open = false;
        attach(d);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        start(YamlNode::Kind::sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        start(YamlNode::Kind::map, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        YamlNode::Data* node;
        YamlNode key;  // of a map, waiting for its value
        bool have_key;
    };

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

    [[noreturn]] void too_many(const YAML::Mark& mark) const {
        throw YAML::ParserException(mark, fmt::format("aliassen (*naam) vouwen uit tot meer dan {} knopen, of "
                                                      "verwijzen naar zichzelf; schrijf de waarden uit",
                                                      max_expanded_));
    }

    void start(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
        YamlNode::Data& d = make(kind, mark, anchor);
        d.tag = tag;
        open_.push_back({&d, {}, false});
    }

    void attach(YamlNode::Data& d) {
        const YamlNode node(&d);
        if (open_.empty()) {
            docs_.roots.push_back(node);
            return;
        }
        Open& parent = open_.back();
        parent.node->expanded += d.expanded;
        if (parent.node->kind == YamlNode::Kind::sequence) {
            parent.node->items.push_back(node);
        } else if (!parent.have_key) {
            parent.key = node;
            parent.have_key = true;
        } else {
            parent.node->entries.emplace_back(parent.key, node);
            parent.have_key = false;
        }
    }

    void close() {
        YamlNode::Data& d = *open_.back().node;
        open_.pop_back();
        d.open = false;
        attach(d);
    }

    YamlDocuments& docs_;
    std::size_t max_documents_;
    std::uint64_t max_expanded_;
    std::uint64_t expanded_ = 0;
    std::vector<YamlNode::Data*> anchors_;
    std::vector<Open> open_;
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
