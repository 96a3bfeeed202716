// SPDX-License-Identifier: EUPL-1.2
// Filling a node from its parent's tokens, and restart: the matches of the root made again after a
// reset, as a new network makes them. In a file of their own: in beta_network.cpp their code made
// the compiler stop inlining the alpha memory's bucket lookup into the joins (+0.09 % instructions
// per warm consultation; docs/prestaties-metingen.md, Sessie 34, h-exact2).
#include "engine/beta_network.hpp"

#include <utility>
#include <vector>

namespace ww {

void BetaNetwork::fill_from_parent(BetaNode* n) {
    for (Token* t = n->parent->out.head(); t;) {
        Token* next = n->parent->out.next(t);
        left_activate(n, t);
        t = next;
    }
}

// Without facts the only matches are those of the root alone: rules without conditions, and those
// starting with `not`, `exists`, an aggregate or a test. A network built with no facts made them
// node by node as the nodes were added, each filled from its parent's tokens while it had no output
// yet, and activated each rule as its terminal came: so rules activate in the order they were
// added, and the newest fires first. Emitting the root token instead would send it down the
// newest output first, and activate those rules in another order (the reverse, for rules that
// share nothing). So the build is replayed: every node, in the order made, filled from its parent
// with no outputs to pass its tokens on to; then every terminal, in the order made. A node's
// tokens come only from its parent (no fact can join, and an aggregate is made after the chain of
// its terms), so what each node holds is the same as after the build.
void BetaNetwork::restart() {
    if (terms_first_stale_) settle_terms_first();
    withdraw(root_token_);
    if (marked_ && root_token_->serial < mark_serial_) renew_serial(root_token_);
    root_->out.insert(root_token_);
    root_token_->in_out = true;
    std::vector<std::vector<std::pair<BetaNode*, Terminal*>>> outputs(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) outputs[i].swap(nodes_[i]->outputs);
    for (const auto& n : nodes_)
        if (n.get() != root_ && n->parent->out.size() != 0) fill_from_parent(n.get());
    for (std::size_t i = 0; i < nodes_.size(); ++i) nodes_[i]->outputs.swap(outputs[i]);
    for (const auto& term : terminals_)
        for (Token* t = term->parent->out.head(); t; t = term->parent->out.next(t)) activate(term.get(), t);
}

}  // namespace ww
