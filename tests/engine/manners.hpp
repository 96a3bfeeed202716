// SPDX-License-Identifier: EUPL-1.2
// Miss Manners built with the RuleDef API, rule for rule as bench/manners/manners.clp, with the same
// data generator. Used by the Manners test (small) and by manners_bench (128/256 guests, profiling).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "rule_builder.hpp"

namespace ww::test {

struct Manners {
    TemplateId guest, last_seat, count, context, seating, path, chosen;

    explicit Manners(Engine& e) {
        guest = e.define_template(tmpl("guest", {{"name", SlotType::symbol}, {"sex", SlotType::symbol}, {"hobby", SlotType::symbol}}));
        last_seat = e.define_template(tmpl("last_seat", {{"seat", SlotType::integer}}));
        count = e.define_template(tmpl("count", {{"c", SlotType::integer}}));
        context = e.define_template(tmpl("context", {{"state", SlotType::symbol}}));
        seating = e.define_template(tmpl("seating", {{"seat1", SlotType::integer}, {"name1", SlotType::symbol}, {"name2", SlotType::symbol},
                                                     {"seat2", SlotType::integer}, {"id", SlotType::integer}, {"pid", SlotType::integer},
                                                     {"path_done", SlotType::symbol}}));
        path = e.define_template(tmpl("path", {{"id", SlotType::integer}, {"name", SlotType::symbol}, {"seat", SlotType::integer}}));
        chosen = e.define_template(tmpl("chosen", {{"id", SlotType::integer}, {"name", SlotType::symbol}, {"hobby", SlotType::symbol}}));
        auto one = C(Value(1));
        {
            RuleBuilder b("assign_first_seat");
            b.fpat("?ctx", context, {cmp(0, Op::eq, sym("start"))})
                .pat(guest, {bind(0, b.var("?n"))})
                .fpat("?cnt", count, {bind(0, b.var("?c"))})
                .assert_(seating, {{0, one}, {1, b.v("?n")}, {2, b.v("?n")}, {3, one}, {4, b.v("?c")}, {5, C(Value(0))}, {6, sym("yes")}})
                .assert_(path, {{0, b.v("?c")}, {1, b.v("?n")}, {2, one}})
                .modify(b.v("?cnt"), {{0, op(Op::add, b.v("?c"), one)}})
                .modify(b.v("?ctx"), {{0, sym("assign_seats")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("find_seating");
            b.fpat("?ctx", context, {cmp(0, Op::eq, sym("assign_seats"))})
                .pat(seating, {bind(3, b.var("?s2")), bind(2, b.var("?n2")), bind(4, b.var("?id")), cmp(6, Op::eq, sym("yes"))})
                .pat(guest, {bind(0, b.var("?n2")), bind(1, b.var("?sx")), bind(2, b.var("?h"))})
                .pat(guest, {bind(0, b.var("?g")), cmp(1, Op::ne, b.v("?sx")), bind(2, b.var("?h"))})
                .fpat("?cnt", count, {bind(0, b.var("?c"))})
                .no(path, {bind(0, b.var("?id")), bind(1, b.var("?g"))})
                .no(chosen, {bind(0, b.var("?id")), bind(1, b.var("?g")), bind(2, b.var("?h"))})
                .assert_(seating, {{0, b.v("?s2")}, {1, b.v("?n2")}, {2, b.v("?g")}, {3, op(Op::add, b.v("?s2"), one)},
                                   {4, b.v("?c")}, {5, b.v("?id")}, {6, sym("no")}})
                .assert_(path, {{0, b.v("?c")}, {1, b.v("?g")}, {2, op(Op::add, b.v("?s2"), one)}})
                .assert_(chosen, {{0, b.v("?id")}, {1, b.v("?g")}, {2, b.v("?h")}})
                .modify(b.v("?cnt"), {{0, op(Op::add, b.v("?c"), one)}})
                .modify(b.v("?ctx"), {{0, sym("make_path")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("make_path");
            b.salience(10)
                .pat(context, {cmp(0, Op::eq, sym("make_path"))})
                .pat(seating, {bind(4, b.var("?id")), bind(5, b.var("?pid")), cmp(6, Op::eq, sym("no"))})
                .pat(path, {bind(0, b.var("?pid")), bind(1, b.var("?n")), bind(2, b.var("?s"))})
                .no(path, {bind(0, b.var("?id")), bind(1, b.var("?n"))})
                .assert_(path, {{0, b.v("?id")}, {1, b.v("?n")}, {2, b.v("?s")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("path_done");
            b.fpat("?ctx", context, {cmp(0, Op::eq, sym("make_path"))})
                .fpat("?st", seating, {cmp(6, Op::eq, sym("no"))})
                .modify(b.v("?st"), {{6, sym("yes")}})
                .modify(b.v("?ctx"), {{0, sym("check_done")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("are_we_done");
            b.salience(10)
                .fpat("?ctx", context, {cmp(0, Op::eq, sym("check_done"))})
                .pat(last_seat, {bind(0, b.var("?l"))})
                .pat(seating, {bind(3, b.var("?l"))})
                .modify(b.v("?ctx"), {{0, sym("print_results")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("continue");
            b.fpat("?ctx", context, {cmp(0, Op::eq, sym("check_done"))}).modify(b.v("?ctx"), {{0, sym("assign_seats")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("print_results");
            b.salience(10)
                .pat(context, {cmp(0, Op::eq, sym("print_results"))})
                .pat(last_seat, {bind(0, b.var("?l"))})
                .pat(seating, {bind(4, b.var("?id")), bind(3, b.var("?l"))})
                .fpat("?p", path, {bind(0, b.var("?id")), bind(1, b.var("?n")), bind(2, b.var("?s"))})
                .retract(b.v("?p"))
                .emit("seat", {{"seat", b.v("?s")}, {"name", b.v("?n")}});
            e.add_rule(b.done());
        }
        {
            RuleBuilder b("all_done");
            b.pat(context, {cmp(0, Op::eq, sym("print_results"))}).halt();
            e.add_rule(b.done());
        }
    }

    // The data of bench/manners/manners_gen for `guests` guests and `seed`.
    void load(Engine& e, int guests, std::uint32_t seed = 1) const {
        std::mt19937 rng(seed);
        for (int g = 1; g <= guests; ++g) {
            const char* sex = (g % 2 == 1) ? "m" : "f";
            const bool three = rng() % 2 == 0;
            const std::uint32_t left_out = three ? 0 : 1 + rng() % 3;
            for (std::uint32_t h = 1; h <= 3; ++h) {
                if (h == left_out) continue;
                e.assert_fact(guest, {Value::symbol("n" + std::to_string(g)), Value::symbol(sex),
                                      Value::symbol("h" + std::to_string(h))});
            }
        }
        e.assert_fact(last_seat, {Value(guests)});
        e.assert_fact(count, {Value(1)});
        e.assert_fact(context, {Value::symbol("start")});
    }
};

}  // namespace ww::test
