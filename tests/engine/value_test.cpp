// SPDX-License-Identifier: EUPL-1.2
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <unordered_set>

#include "engine/template.hpp"
#include "engine/value.hpp"

using namespace ww;

TEST(Value, InterningGivesEqualAtomsForEqualTexts) {
    EXPECT_EQ(intern("meting"), intern(std::string("met") + "ing"));
    EXPECT_NE(intern("meting").id, intern("Meting").id);
    EXPECT_EQ(text_of(intern("wijk")), "wijk");
}

// A computed text is held either as an atom or as a counted text; the two ways are one value to
// equality, hash (joins, alpha memories, duplicate facts) and order.
TEST(Value, CountedTextEqualsTheAtomOfTheSameText) {
    const std::string lang(200, 'x');  // longer than what computed texts look up among the atoms
    Value atoom = Value::string(lang);
    Value geteld = Value::computed_string(lang);
    ASSERT_TRUE(geteld.is_counted_text());
    ASSERT_FALSE(atoom.is_counted_text());
    EXPECT_EQ(atoom, geteld);
    EXPECT_EQ(geteld, atoom);
    EXPECT_EQ(atoom.hash(), geteld.hash());
    EXPECT_EQ(compare(atoom, geteld), std::strong_ordering::equal);
    Value ander = Value::computed_string(lang + "y");
    EXPECT_NE(geteld, ander);
    EXPECT_EQ(compare(geteld, ander), std::strong_ordering::less);
    // Two counted copies of one text, and the symbol of it, which is another value.
    EXPECT_EQ(Value::computed_string("gemeente Zuidwaarde"), Value::computed_string("gemeente Zuidwaarde"));
    EXPECT_EQ(Value::computed_string("gemeente Zuidwaarde").hash(), Value::computed_string("gemeente Zuidwaarde").hash());
    EXPECT_NE(Value::computed_string("gemeente Zuidwaarde"), Value::computed_symbol("gemeente Zuidwaarde"));
    EXPECT_EQ(Value::computed_string("gemeente Zuidwaarde").text_as(ValueKind::symbol), Value::computed_symbol("gemeente Zuidwaarde"));
    EXPECT_EQ(Value::computed_symbol("wijk Oost").text_as(ValueKind::symbol).kind(), ValueKind::symbol);
    EXPECT_EQ(Value::computed_symbol("wijk Oost").repr(), "wijk Oost");
    EXPECT_EQ(Value::computed_string("wijk Oost").repr(), "\"wijk Oost\"");
}

TEST(Value, CountedTextLivesAsLongAsAValueHoldsIt) {
    Value kopie;
    {
        Value v = Value::computed_string("alleen in deze raadpleging " + std::to_string(42));
        kopie = v;
        Value verplaatst = std::move(v);
        EXPECT_TRUE(v.is_nil());  // NOLINT: a moved-from counted text is nil, like a list
        EXPECT_EQ(verplaatst, kopie);
    }
    EXPECT_EQ(kopie.as_text(), "alleen in deze raadpleging 42");
    kopie = kopie;  // NOLINT: self-assignment keeps it
    EXPECT_EQ(kopie.as_text(), "alleen in deze raadpleging 42");
    std::vector<Value> lijst(100, kopie);
    lijst.resize(1);
    EXPECT_EQ(lijst[0].as_text(), "alleen in deze raadpleging 42");
    // A word of a closed set asked for as an atom: interned then, equal to the constant.
    EXPECT_EQ(Value::computed_symbol("een-woord-dat-nog-geen-atoom-is").as_atom(), intern("een-woord-dat-nog-geen-atoom-is"));
}

// The blocks of freed lists and counted texts are kept per thread for the next ones of their size
// (engine/value.cpp): texts of every length around the size classes and the largest kept size
// (1 KiB), and lists, made again and again, must each hold exactly what they were made with, also
// when a value made on one thread goes on another.
TEST(Value, ReusedBlocksHoldWhatTheirValuesWereMadeWith) {
    auto text_of_length = [](std::size_t n, char c) {
        std::string t(n, c);
        for (std::size_t i = 0; i < n; i += 7) t[i] = static_cast<char>('a' + (i / 7) % 26);
        return t;
    };
    for (int round = 0; round < 3; ++round) {
        std::vector<Value> made;
        std::vector<std::string> expected;
        for (std::size_t n = 65; n < 1100; n += 13) {  // longer than the atoms computed() looks up
            expected.push_back(text_of_length(n, static_cast<char>('A' + round)));
            made.push_back(Value::computed_string(expected.back()));
            made.push_back(Value(std::vector<Value>{Value(static_cast<std::int64_t>(n)), Value::computed_string(expected.back())}));
        }
        // Some freed first (a text, and the list of the next pair with its own text), so that new
        // ones land in blocks freed by others.
        for (std::size_t i = 0; i < made.size(); i += 4) {
            made[i] = Value();
            if (i + 3 < made.size()) made[i + 3] = Value();
        }
        std::vector<Value> again;
        for (std::size_t i = 0; i < made.size(); i += 4) again.push_back(Value::computed_string(expected[i / 2] + "!"));
        for (std::size_t i = 0; i < made.size(); i += 2) {
            if (!made[i].is_nil()) EXPECT_EQ(made[i].as_text(), expected[i / 2]);
            if (made[i + 1].is_nil()) continue;
            EXPECT_EQ(made[i + 1].as_list()[1].as_text(), expected[i / 2]);
            EXPECT_EQ(made[i + 1].as_list()[0].as_int(), static_cast<std::int64_t>(expected[i / 2].size()));
        }
        for (std::size_t k = 0; k < again.size(); ++k) EXPECT_EQ(again[k].as_text(), expected[2 * k] + "!");
    }
    // Made on another thread and freed here, and the other way round: each thread's store takes it.
    std::vector<Value> from_there;
    std::thread([&] {
        for (int i = 0; i < 300; ++i) from_there.push_back(Value::computed_string(text_of_length(100 + i, 'x')));
    }).join();
    for (int i = 0; i < 300; ++i) EXPECT_EQ(from_there[static_cast<std::size_t>(i)].as_text(), text_of_length(100 + static_cast<std::size_t>(i), 'x'));
    std::vector<Value> from_here;
    for (int i = 0; i < 300; ++i) from_here.push_back(Value::computed_string(text_of_length(200 + i, 'y')));
    std::thread([&] {
        from_here.clear();
        from_there.clear();
        EXPECT_EQ(Value::computed_string(text_of_length(150, 'z')).as_text(), text_of_length(150, 'z'));
    }).join();
    EXPECT_EQ(Value::computed_string(text_of_length(250, 'w')).as_text(), text_of_length(250, 'w'));
}

TEST(Value, KindsAndAccessors) {
    EXPECT_EQ(Value().kind(), ValueKind::nil);
    EXPECT_EQ(Value(true).kind(), ValueKind::boolean);
    EXPECT_EQ(Value(3).kind(), ValueKind::integer);
    EXPECT_EQ(Value(2.5).kind(), ValueKind::floating);
    EXPECT_EQ(Value::string("a").kind(), ValueKind::string);
    EXPECT_EQ(Value::symbol("a").kind(), ValueKind::symbol);
    EXPECT_EQ(Value(std::vector<Value>{1, 2}).kind(), ValueKind::list);
    EXPECT_EQ(Value(FactRef{4}).kind(), ValueKind::fact);
    EXPECT_DOUBLE_EQ(Value(3).as_number(), 3.0);
    EXPECT_THROW(Value::string("x").as_number(), std::invalid_argument);
}

TEST(Value, StringAndSymbolDiffer) {
    EXPECT_NE(Value::string("a"), Value::symbol("a"));
    EXPECT_EQ(Value::symbol("a"), Value::symbol("a"));
}

TEST(Value, NumbersCompareAndHashByValue) {
    EXPECT_EQ(Value(1), Value(1.0));
    EXPECT_EQ(Value(1).hash(), Value(1.0).hash());
    EXPECT_NE(Value(1), Value(1.5));
    std::unordered_set<Value, ValueHash> set{Value(2), Value(2.0), Value(3)};
    EXPECT_EQ(set.size(), 2u);
}

TEST(Value, ListsCompareStructurally) {
    Value a(std::vector<Value>{1, Value::string("x")});
    Value b(std::vector<Value>{1.0, Value::string("x")});
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.hash(), b.hash());
    EXPECT_NE(a, Value(std::vector<Value>{1}));
}

TEST(Value, TotalOrderAcrossKinds) {
    std::vector<Value> in{Value(FactRef{1}), Value(std::vector<Value>{}), Value::symbol("s"), Value::string("t"),
                          Value(2.5), Value(true), Value()};
    for (std::size_t i = 0; i + 1 < in.size(); ++i) EXPECT_TRUE(compare(in[i + 1], in[i]) < 0) << i;
    EXPECT_TRUE(compare(Value(1), Value(1.5)) < 0);
    EXPECT_TRUE(compare(Value::string("a"), Value::string("b")) < 0);
    EXPECT_TRUE(compare(Value(2), Value(2.0)) == 0);
}

TEST(Value, ReprAndDisplay) {
    EXPECT_EQ(Value::string("a \"b\"").repr(), "\"a \\\"b\\\"\"");
    // Escapes at the edges, side by side and between runs; a newline becomes \n, a backslash doubles.
    EXPECT_EQ(Value::string("\"\\x\ny\n").repr(), "\"\\\"\\\\x\\ny\\n\"");
    EXPECT_EQ(Value::string("").repr(), "\"\"");
    EXPECT_EQ(Value::string("geen escape").repr(), "\"geen escape\"");
    EXPECT_EQ(Value::string("a").display(), "a");
    EXPECT_EQ(Value::symbol("x").repr(), "x");
    EXPECT_EQ(Value(21.0).repr(), "21.0");
    EXPECT_EQ(Value(21.0).display(), "21");
    EXPECT_EQ(Value(21.5).display(), "21.5");
    EXPECT_EQ(Value(0.1).repr(), "0.1");
    EXPECT_EQ(Value(-4).repr(), "-4");
    EXPECT_EQ(Value(std::vector<Value>{1, Value::string("a")}).display(), "[1, \"a\"]");
    EXPECT_EQ(Value().repr(), "nil");
    EXPECT_EQ(Value(false).display(), "false");
}

// quote_into looks for escapes sixteen bytes at a time: each escape at each place of texts longer
// than one block (and the tail after the last whole block), against a character-by-character
// reference; append_repr writes the same after what is already there.
TEST(Value, ReprEscapesAtEveryPlaceOfLongTexts) {
    const auto reference = [](std::string_view t) {
        std::string r = "\"";
        for (char c : t) {
            if (c == '"' || c == '\\') r += '\\';
            if (c == '\n') r += "\\n";
            else r += c;
        }
        return r + "\"";
    };
    for (std::size_t n : {15u, 16u, 17u, 31u, 32u, 33u, 47u}) {
        for (char esc : {'"', '\\', '\n'}) {
            for (std::size_t at = 0; at < n; ++at) {
                std::string t(n, 'x');
                t[at] = esc;
                EXPECT_EQ(Value::string(t).repr(), reference(t)) << n << ' ' << at;
                if (at + 1 < n) {
                    t[at + 1] = '"';
                    EXPECT_EQ(Value::string(t).repr(), reference(t)) << n << ' ' << at << " pair";
                }
            }
        }
        // Bytes that only look alike in part: 0x22 +/- 0x80, a backslash's and a newline's neighbours.
        std::string t(n, '\xA2');
        t[n / 2] = '[';
        t[0] = '\x0B';
        EXPECT_EQ(Value::string(t).repr(), reference(t)) << n;
    }
    std::string out = "al: ";
    Value::string("a\"b").append_repr(out);
    EXPECT_EQ(out, "al: \"a\\\"b\"");
}

// display() writes short decimals (21.5, 12, 0.005) itself rather than through std::to_chars; the text
// must be exactly what std::to_chars would give, for those and for every other double.
TEST(Value, FloatDisplayIsTheShortestRoundTripForm) {
    auto expected = [](double d) {
        char buf[64];
        return std::string(buf, std::to_chars(buf, buf + sizeof buf, d).ptr);
    };
    std::vector<double> cases = {0.0, -0.0, 1.0, -1.0, 0.5, 21.5, 3.75, 0.001, 0.005, -0.005, 0.0001, 0.1, 0.2, 0.3,
                                 99999.0, 100000.0, -99999.0, -100000.0, 123456.5, 1e10 + 0.5, 99999999999.999,
                                 1e11, 1e14, 1e15, 1e16, 1e20, 1.0 / 3, 2.0 / 3, 0.1 + 0.2, 4.35, 4.345, 1e-7,
                                 5e-324, 1.7976931348623157e308, 9007199254740993.0, 12.34, -12.34, 1234567.891};
    std::mt19937_64 rng(20261125);
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t n = static_cast<std::int64_t>(rng() % 2000000000) - 1000000000;
        const int k = static_cast<int>(rng() % 6);
        cases.push_back(static_cast<double>(n) / std::pow(10.0, k));
        cases.push_back(static_cast<double>(n % 100000) / std::pow(10.0, k));
        double bits_double = 0;
        std::uint64_t bits = rng();
        std::memcpy(&bits_double, &bits, sizeof bits);
        if (std::isfinite(bits_double)) cases.push_back(bits_double);
    }
    for (double d : cases) {
        ASSERT_EQ(Value(d).display(), expected(d)) << "n.a.v. " << expected(d);
        std::string repr = expected(d);
        if (repr.find_first_of(".e") == std::string::npos) repr += ".0";
        ASSERT_EQ(Value(d).repr(), repr);
    }
}

TEST(Value, KindNamesAreDutch) {
    EXPECT_EQ(kind_name(ValueKind::integer), "geheel getal");
    EXPECT_EQ(kind_name(ValueKind::string), "tekst");
}

TEST(Template, SlotTypesAndDefaults) {
    EXPECT_TRUE(fits(SlotType::floating, Value(1), false));
    EXPECT_FALSE(fits(SlotType::integer, Value(1.5), false));
    EXPECT_FALSE(fits(SlotType::string, Value::symbol("a"), false));
    EXPECT_FALSE(fits(SlotType::integer, Value(), false));
    EXPECT_TRUE(fits(SlotType::integer, Value(), true));
    EXPECT_TRUE(fits(SlotType::any, Value::string("x"), false));
    EXPECT_EQ(zero_of(SlotType::integer), Value(0));
    EXPECT_EQ(zero_of(SlotType::string), Value::string(""));
    EXPECT_TRUE(zero_of(SlotType::symbol).is_nil());
    EXPECT_EQ(parse_type_name("float"), SlotType::floating);
    EXPECT_FALSE(parse_type_name("kommagetal"));
    TemplateDef t{"m", {{"a", SlotType::integer, std::nullopt, false}, {"b", SlotType::any, std::nullopt, false}}, ""};
    EXPECT_EQ(t.slot_index("b"), 1);
    EXPECT_EQ(t.slot_index("c"), -1);
}

// fits() is a table of accepted kinds per slot type; this spells the rule out for every type, kind
// and nullability.
TEST(Template, FitsEveryTypeKindAndNullability) {
    const std::vector<Value> values = {Value(), Value(true), Value(1), Value(1.5), Value::string("s"),
                                       Value::symbol("y"), Value(std::vector<Value>{}), Value(FactRef{3})};
    const std::vector<SlotType> types = {SlotType::any, SlotType::boolean, SlotType::integer, SlotType::floating,
                                         SlotType::number, SlotType::string, SlotType::symbol, SlotType::list};
    for (SlotType type : types) {
        for (const Value& v : values) {
            for (bool nullable : {false, true}) {
                bool expected = false;
                if (v.is_nil()) expected = nullable || type == SlotType::any || type == SlotType::symbol;
                else if (type == SlotType::any) expected = true;
                else if (type == SlotType::floating || type == SlotType::number) expected = v.is_number();
                else if (type == SlotType::boolean) expected = v.kind() == ValueKind::boolean;
                else if (type == SlotType::integer) expected = v.kind() == ValueKind::integer;
                else if (type == SlotType::string) expected = v.kind() == ValueKind::string;
                else if (type == SlotType::symbol) expected = v.kind() == ValueKind::symbol;
                else if (type == SlotType::list) expected = v.kind() == ValueKind::list;
                EXPECT_EQ(fits(type, v, nullable), expected) << type_name(type) << " " << v.repr() << " " << nullable;
            }
        }
    }
}
