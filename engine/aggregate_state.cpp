// SPDX-License-Identifier: EUPL-1.2
#include "engine/aggregate_state.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww {

namespace {
bool has_nan(const Value& v) {
    if (v.kind() == ValueKind::floating) return std::isnan(v.as_float());
    if (v.kind() == ValueKind::list)
        for (const Value& x : v.as_list())
            if (has_nan(x)) return true;
    return false;
}
}  // namespace

std::strong_ordering extreme_order(const Value& a, const Value& b) {
    auto c = compare(a, b);
    if (c != 0) return c;
    if (a.kind() != b.kind()) {
        // Only an integer and a float can be equal in compare() and differ in kind.
        return a.kind() == ValueKind::integer ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    if (a.kind() == ValueKind::floating) {
        bool na = std::signbit(a.as_float()), nb = std::signbit(b.as_float());
        if (na == nb) return std::strong_ordering::equal;
        return na ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    if (a.kind() == ValueKind::list) {
        const auto& la = a.as_list();
        const auto& lb = b.as_list();
        for (std::size_t i = 0; i < la.size() && i < lb.size(); ++i) {
            auto e = extreme_order(la[i], lb[i]);
            if (e != 0) return e;
        }
    }
    return std::strong_ordering::equal;
}

namespace {
// The first term not before `v`: the place of `v` if it is there, or where it belongs. Terms often
// arrive in order, so the last one is looked at first.
AggregateState::Terms::iterator place_of(AggregateState::Terms& terms, const Value& v) {
    if (terms.empty() || extreme_order(terms.back().value, v) < 0) return terms.end();
    return std::lower_bound(terms.begin(), terms.end(), v, [](const AggregateState::Term& t, const Value& x) {
        return extreme_order(t.value, x) < 0;
    });
}
}  // namespace

bool aggregate_accepts(AggregateKind k, const Value& v) {
    switch (k) {
        case AggregateKind::count: return true;
        case AggregateKind::sum: return v.is_number();
        case AggregateKind::min:
        case AggregateKind::max:
        case AggregateKind::collect: return !v.is_nil() && !has_nan(v);
    }
    return false;
}

void aggregate_add(AggregateKind k, AggregateState& s, const Value& v) {
    if (k == AggregateKind::sum) {
        if (v.kind() == ValueKind::integer) {
            s.integers += v.as_int();
            return;
        }
        ++s.floats;
        double d = v.as_float();
        if (std::isnan(d)) ++s.nans;
        else if (std::isinf(d)) ++(d > 0 ? s.pos_infs : s.neg_infs);
        else {
            if (!s.float_sum) s.float_sum = std::make_unique<ExactSum>();
            s.float_sum->add(d);
        }
        return;
    }
    if (k == AggregateKind::collect) {
        if (s.terms.capacity() == 0) s.terms.reserve(8);  // rather than growing by 1, 2, 4, 8
        auto it = place_of(s.terms, v);
        if (it != s.terms.end() && extreme_order(it->value, v) == 0) {
            ++it->facts;
            return;
        }
        s.terms.insert(it, AggregateState::Term{v, 1});
        return;
    }
    if (k != AggregateKind::min && k != AggregateKind::max) return;
    if (s.best_count == 0) {
        s.best = v;
        s.best_count = 1;
        return;
    }
    auto c = extreme_order(v, s.best);
    if (c == 0) {
        ++s.best_count;
    } else if (k == AggregateKind::max ? c > 0 : c < 0) {
        s.best = v;
        s.best_count = 1;
    }
}

bool aggregate_take(AggregateKind k, AggregateState& s, const Value& v) {
    if (k == AggregateKind::sum) {
        if (v.kind() == ValueKind::integer) {
            s.integers -= v.as_int();
            return true;
        }
        --s.floats;
        double d = v.as_float();
        if (std::isnan(d)) --s.nans;
        else if (std::isinf(d)) --(d > 0 ? s.pos_infs : s.neg_infs);
        else s.float_sum->subtract(d);
        return true;
    }
    if (k == AggregateKind::collect) {
        auto it = place_of(s.terms, v);
        // Not there cannot happen (a term that leaves came in first); the caller then refills.
        if (it == s.terms.end() || extreme_order(it->value, v) != 0) return false;
        if (--it->facts == 0) s.terms.erase(it);
        return true;
    }
    if (k != AggregateKind::min && k != AggregateKind::max) return true;
    if (s.best_count > 0 && extreme_order(v, s.best) == 0 && --s.best_count == 0) {
        s.best = Value();
        return false;
    }
    return true;
}

bool aggregate_result(AggregateKind k, const AggregateState& s, std::int64_t count, Value& out) {
    switch (k) {
        case AggregateKind::count: out = Value(count); return true;
        case AggregateKind::sum: {
            if (s.floats == 0) {
                // Integers stay integers; a sum beyond 64 bits becomes the nearest float rather
                // than wrapping around.
                if (s.integers >= std::numeric_limits<std::int64_t>::min() &&
                    s.integers <= std::numeric_limits<std::int64_t>::max())
                    out = Value(static_cast<std::int64_t>(s.integers));
                else
                    out = Value(static_cast<double>(s.integers));
                return true;
            }
            if (s.nans || (s.pos_infs && s.neg_infs)) out = Value(std::numeric_limits<double>::quiet_NaN());
            else if (s.pos_infs) out = Value(std::numeric_limits<double>::infinity());
            else if (s.neg_infs) out = Value(-std::numeric_limits<double>::infinity());
            else {
                ExactSum total = s.float_sum ? *s.float_sum : ExactSum{};
                total.add_integer(s.integers);
                out = Value(total.value());
            }
            return true;
        }
        case AggregateKind::min:
        case AggregateKind::max:
            if (s.best_count == 0) return false;
            out = s.best;
            return true;
        case AggregateKind::collect: {
            std::vector<Value> items;
            items.reserve(s.terms.size());
            for (const AggregateState::Term& t : s.terms) items.push_back(t.value);
            out = Value(std::move(items));
            return true;
        }
    }
    return false;
}

}  // namespace ww
