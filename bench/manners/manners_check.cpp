// SPDX-License-Identifier: EUPL-1.2
// manners_check: is a Miss Manners result a complete, valid seating for the given data? Every
// guest exactly once on seats 1..last_seat, sexes alternating, neighbours sharing a hobby.
// The seating is read as lines `seat SEAT NAME` (other lines are ignored), which is what
// bench/compare-clips extracts from both engines' output.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "clips_facts.hpp"

namespace {

struct Guest {
    std::string sex;
    std::set<std::string> hobbies;
};

std::string slot(const ww::bench::ClipsFact& fact, const std::string& name) {
    for (const auto& [s, v] : fact.slots)
        if (s == name) return v.text;
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Controleert een Miss Manners-tafelschikking."};
    std::string data_path;
    std::string seating_path;
    app.add_option("gegevens", data_path, "de CLIPS-gegevens (deffacts)")->required();
    app.add_option("schikking", seating_path, "regels 'seat STOEL NAAM'")->required();
    CLI11_PARSE(app, argc, argv);

    std::ifstream data_file(data_path);
    std::ifstream seating_file(seating_path);
    if (!data_file || !seating_file) {
        std::cerr << (data_file ? seating_path : data_path) << ":1:1: fout: kan het bestand niet lezen\n";
        return 2;
    }
    std::stringstream data;
    data << data_file.rdbuf();

    std::map<std::string, Guest> guests;
    int last_seat = 0;
    try {
        for (const auto& fact : ww::bench::read_deffacts(data.str())) {
            if (fact.tmpl == "guest") {
                Guest& g = guests[slot(fact, "name")];
                g.sex = slot(fact, "sex");
                g.hobbies.insert(slot(fact, "hobby"));
            } else if (fact.tmpl == "last_seat") {
                last_seat = std::stoi(slot(fact, "seat"));
            }
        }
    } catch (const ww::bench::ClipsSyntaxError& e) {
        std::cerr << data_path << ':' << e.line << ':' << e.column << ": fout: " << e.what() << '\n';
        return 2;
    }

    auto invalid = [](const std::string& why) {
        std::cout << "ongeldig: " << why << '\n';
        return 1;
    };

    std::map<int, std::string> by_seat;
    std::set<std::string> seated;
    std::string line;
    while (std::getline(seating_file, line)) {
        std::istringstream words(line);
        std::string tag, name;
        int seat = 0;
        if (!(words >> tag) || tag != "seat") continue;
        if (!(words >> seat >> name)) return invalid("onleesbare regel '" + line + "'");
        if (!guests.contains(name)) return invalid("onbekende gast " + name);
        if (!by_seat.emplace(seat, name).second) return invalid("stoel " + std::to_string(seat) + " twee keer bezet");
        if (!seated.insert(name).second) return invalid("gast " + name + " zit twee keer");
    }
    if (last_seat != static_cast<int>(guests.size()))
        return invalid("last_seat " + std::to_string(last_seat) + " maar " + std::to_string(guests.size()) + " gasten");
    for (int seat = 1; seat <= last_seat; ++seat) {
        auto it = by_seat.find(seat);
        if (it == by_seat.end()) return invalid("stoel " + std::to_string(seat) + " is leeg");
        if (seat == 1) continue;
        const Guest& a = guests.at(by_seat.at(seat - 1));
        const Guest& b = guests.at(it->second);
        if (a.sex == b.sex) return invalid("stoel " + std::to_string(seat - 1) + " en " + std::to_string(seat) + " hebben hetzelfde geslacht");
        bool shared = false;
        for (const auto& h : a.hobbies) shared = shared || b.hobbies.contains(h);
        if (!shared) return invalid("stoel " + std::to_string(seat - 1) + " en " + std::to_string(seat) + " delen geen hobby");
    }
    if (by_seat.size() != static_cast<std::size_t>(last_seat)) return invalid("stoelen buiten 1.." + std::to_string(last_seat));
    std::cout << "geldig: " << last_seat << " gasten\n";
    return 0;
}
