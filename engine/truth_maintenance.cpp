// SPDX-License-Identifier: EUPL-1.2
#include "engine/truth_maintenance.hpp"

#include "engine/beta_network.hpp"

namespace ww {

namespace {

std::vector<FactId> facts_at(const Token* t, const std::vector<std::uint32_t>& depths) {
    std::vector<FactId> out;
    out.reserve(depths.size());
    for (std::uint32_t d : depths) out.push_back(ancestor(t, d)->fact->fact.id);
    return out;
}

}  // namespace

void TruthMaintenance::prefix_matched(Activation* a) {
    auto [it, fresh] = prefixes_.emplace(PrefixKey{a->terminal, facts_at(a->token, a->terminal->fact_depths)}, a);
    if (!fresh) return;  // cannot be: one match of the prefix per combination of its facts
    prefix_keys_.emplace(a, it);
}

void TruthMaintenance::prefix_lost(Activation* a) {
    if (auto k = prefix_keys_.find(a); k != prefix_keys_.end()) {
        prefixes_.erase(k->second);
        prefix_keys_.erase(k);
    }
    support_lost(a);
}

Activation* TruthMaintenance::prefix_of(const Terminal* prefix, const Token* t, const std::vector<std::uint32_t>& depths) const {
    auto it = prefixes_.find(PrefixKey{prefix, facts_at(t, depths)});
    return it == prefixes_.end() ? nullptr : it->second;
}

void TruthMaintenance::forget_supports_from(FactId first) {
    for (auto& [key, a] : prefixes_) {
        if (!a->supported) continue;
        Supports kept;
        a->supported.for_each([&](FactId id) {
            if (id < first) kept.add(id);
        });
        a->supported = std::move(kept);
    }
}

void TruthMaintenance::add_support(Activation* a, FactRec* f) {
    a->supported.add(f->fact.id);
    ++f->supports;
}

void TruthMaintenance::support_lost(Activation* a) {
    if (!a->supported) return;
    a->supported.for_each([&](FactId id) {
        FactRec* f = wm_.get(id);
        if (!f) return;  // retracted already
        if (f->supports > 0 && --f->supports == 0 && !f->unconditional) pending_.push_back(id);
    });
    a->supported.clear();
}

std::vector<FactId> TruthMaintenance::take_unsupported() {
    std::vector<FactId> out;
    out.swap(pending_);
    return out;
}

bool TruthMaintenance::take_unsupported(std::vector<FactId>& out) {
    out.clear();
    out.swap(pending_);  // both keep their buffers: settling allocates nothing after the first time
    return !out.empty();
}

}  // namespace ww
