// SPDX-License-Identifier: EUPL-1.2
#include "rules/cost_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace ww {

namespace {

// One decimal, with a decimal comma; whole numbers without.
std::string number(double x) {
    if (std::abs(x - std::round(x)) < 0.05) return fmt::format("{}", static_cast<long long>(std::llround(x)));
    std::string s = fmt::format("{:.1f}", x);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

}  // namespace

std::string cost_table(const std::vector<RuleCost>& costs, bool time, std::size_t runs) {
    const double per = runs ? static_cast<double>(runs) : 1.0;
    std::vector<const RuleCost*> rows;
    RuleCost total;
    for (const RuleCost& c : costs) {
        total.tokens += c.tokens;
        total.activations += c.activations;
        total.firings += c.firings;
        total.facts += c.facts;
        total.action_tokens += c.action_tokens;
        total.action_ns += c.action_ns;
        if (c.tokens >= 0.05 || c.activations || c.firings) rows.push_back(&c);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const RuleCost* a, const RuleCost* b) {
        if (a->tokens != b->tokens) return a->tokens > b->tokens;
        if (a->action_tokens != b->action_tokens) return a->action_tokens > b->action_tokens;
        return a->rule->id < b->rule->id;
    });
    struct Line {
        std::vector<std::string> cells;
    };
    std::vector<Line> lines;
    std::vector<std::string> header{"regel", "tokens", "conditie", "activaties", "vuringen", "feiten", "tokens-acties"};
    if (time) header.emplace_back("µs");
    lines.push_back({header});
    const auto row = [&](const std::string& name, const RuleCost& c, const std::string& where) {
        Line l{{name, number(c.tokens / per), where, number(static_cast<double>(c.activations) / per),
                number(static_cast<double>(c.firings) / per), number(static_cast<double>(c.facts) / per),
                number(static_cast<double>(c.action_tokens) / per)}};
        if (time) l.cells.push_back(number(static_cast<double>(c.action_ns) / 1000.0 / per));
        lines.push_back(std::move(l));
    };
    for (const RuleCost* c : rows) {
        std::string where = "-";
        const auto& ct = c->condition_tokens;
        const auto most = std::max_element(ct.begin(), ct.end());
        if (most != ct.end() && *most >= 0.05)
            where = fmt::format("{}: {}", most - ct.begin() + 1, number(*most / per));
        row(c->rule->id, *c, where);
    }
    row("totaal", total, "");
    std::vector<std::size_t> width(header.size(), 0);
    // Widths in characters, not bytes (µs).
    const auto length = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
        return n;
    };
    for (const Line& l : lines)
        for (std::size_t i = 0; i < l.cells.size(); ++i) width[i] = std::max(width[i], length(l.cells[i]));
    std::string out;
    for (const Line& l : lines) {
        std::string text;
        for (std::size_t i = 0; i < l.cells.size(); ++i) {
            const std::string pad(width[i] - length(l.cells[i]), ' ');
            if (i == 0) text += l.cells[i] + pad;
            else text += "  " + pad + l.cells[i];
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + '\n';
    }
    return out;
}

}  // namespace ww
