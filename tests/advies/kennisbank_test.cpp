// SPDX-License-Identifier: EUPL-1.2
// Kennisbank::laad_voor_profiel: a cold `wegwijzer advies` reads its profile before the engine is built
// (with the vocabulary of the rule base's initial facts, the same as an engine's), and the engine,
// promised what the profile lacks, gives the same advice as one that builds every rule.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "advies/adviestekst.hpp"
#include "advies/kennisbank.hpp"
#include "advies/kennisbank_feiten.hpp"
#include "advies/opdrachten.hpp"
#include "advies/profiel_lezer.hpp"
#include "advies/raadpleging.hpp"
#include "advies/vocabulaire.hpp"
#include "rules/image.hpp"
#include "testkennisbank.hpp"

namespace ww::advies {
namespace {

namespace fs = std::filesystem;

// The vocabulary as an engine that installed the knowledge base holds it (kennisbank_feiten.hpp): the
// oracle for lees_vocabulaire, which reads the rule base's initial facts without an engine.
Vocabulaire uit_engine(const Engine& engine) {
    Vocabulaire v;
    const auto ids = [&](std::string_view sjabloon, std::vector<std::string>& lijst, auto&& per_id) {
        per_feit(engine, sjabloon, [&](const Fact& f) {
            const std::string id = kb_tekst(engine, f, "id");
            if (id.empty() || std::find(lijst.begin(), lijst.end(), id) != lijst.end()) return;
            lijst.push_back(id);
            per_id(id, f);
        });
    };
    ids("factor", v.factoren, [&](const std::string& id, const Fact& f) { v.factor_naam[id] = kb_tekst(engine, f, "naam"); });
    ids("bronsoort", v.bronnen, [&](const std::string& id, const Fact& f) {
        v.bron_soort[id] = kb_tekst(engine, f, "soort");
        v.bron_omschrijving[id] = kb_tekst(engine, f, "omschrijving");
    });
    ids("indicator", v.indicatoren,
        [&](const std::string& id, const Fact& f) { v.indicator_naam[id] = kb_tekst(engine, f, "betekenis"); });
    per_feit(engine, "indicator_naam", [&](const Fact& f) {
        const std::string naam = kb_tekst(engine, f, "naam");
        const auto it = v.indicator_naam.find(kb_tekst(engine, f, "indicator"));
        if (it != v.indicator_naam.end() && !naam.empty()) it->second = naam;
    });
    per_feit(engine, "factor_signaal", [&](const Fact& f) {
        std::string indicator = kb_tekst(engine, f, "indicator"), factor = kb_tekst(engine, f, "factor");
        if (!indicator.empty() && !factor.empty()) v.signalen.emplace_back(std::move(indicator), std::move(factor));
    });
    return v;
}

TEST(Kennisbank, VocabulaireZonderEngineIsDieVanDeEngine) {
    const auto kb = Kennisbank::laad(WW_KB_SOURCE_DIR);
    const Vocabulaire zonder = lees_vocabulaire(kb->regels());
    EXPECT_FALSE(zonder.factoren.empty());
    EXPECT_FALSE(zonder.signalen.empty());
    EXPECT_EQ(zonder, uit_engine(*kb->nieuwe_engine()));
    EXPECT_EQ(zonder, kb->vocabulaire());
    // Equal facts (the engine keeps one) and slots the fact leaves to their default.
    std::vector<SourceFile> extra;
    extra.emplace_back("extra.yaml", R"Y(
facts:
  - 'factor(id: wijkgevoel, pijler: "Versterken veiligheid", vraag: "?")'
  - 'bronsoort(id: meldingen, soort: kwantitatief, omschrijving: "meldingen")'
)Y");
    const auto test = test::test_kennisbank(std::move(extra));
    const Vocabulaire klein = lees_vocabulaire(test->regels());
    EXPECT_EQ(klein, uit_engine(*test->nieuwe_engine()));
    EXPECT_TRUE(klein.is_factor("wijkgevoel"));
    EXPECT_EQ(klein.factor_naam.at("wijkgevoel"), "");

    // lees_vocabulaire reads the facts in one pass: a short name before its indicator still counts,
    // and of equal facts only the first (here the third name is the first again, so the second stays).
    std::vector<SourceFile> volgorde;
    volgorde.emplace_back("volgorde.yaml", R"Y(
templates:
  indicator_naam:
    slots:
      indicator: symbol
      naam: string
      volgorde: {type: int, default: 0}
  factor_signaal:
    slots:
      indicator: symbol
      factor: symbol
facts:
  - 'indicator_naam(indicator: nieuw_cijfer, naam: "het nieuwe cijfer", volgorde: 30)'
  - 'factor_signaal(indicator: nieuw_cijfer, factor: toezicht)'
  - 'indicator(id: nieuw_cijfer, betekenis: "een nieuw cijfer", hoger_is_beter: false)'
  - 'indicator_naam(indicator: overlast, naam: "eerst", volgorde: 31)'
  - 'indicator_naam(indicator: overlast, naam: "dan")'
  - 'factor_signaal(indicator: nieuw_cijfer, factor: toezicht)'
  - 'indicator_naam(indicator: overlast, naam: "eerst", volgorde: 31)'
)Y");
    const auto tweede = test::test_kennisbank(std::move(volgorde));
    const Vocabulaire gelezen = lees_vocabulaire(tweede->regels());
    EXPECT_EQ(gelezen, uit_engine(*tweede->nieuwe_engine()));
    EXPECT_EQ(gelezen.indicator_naam.at("nieuw_cijfer"), "het nieuwe cijfer");
    EXPECT_EQ(gelezen.indicator_naam.at("overlast"), "dan");
    EXPECT_EQ(std::count(gelezen.signalen.begin(), gelezen.signalen.end(), std::pair<std::string, std::string>("nieuw_cijfer", "toezicht")), 1);
}

// Per example: the engine is promised exactly the input templates the profile gives no fact of (and
// what follows from that through the rules), and the advice (JSON and text, with --uitleg) is that of an engine with every rule built.
TEST(Kennisbank, VoorEenProfielBeloofdWatHetNietGeeftMetHetzelfdeAdvies) {
    const auto alles = Kennisbank::laad(WW_KB_SOURCE_DIR);
    Raadpleging gewoon(*alles);
    std::size_t beloofd = 0;
    std::size_t afgeleid = 0;
    std::size_t voorbeelden = 0;
    for (const auto& e : fs::directory_iterator(WW_EXAMPLES_DIR)) {
        if (e.path().extension() != ".yaml") continue;
        ++voorbeelden;
        const Profieltekst tekst = lees_profieltekst(e.path().string());
        std::optional<ProfielResultaat> profiel;
        int gelezen = 0;
        const auto kb = Kennisbank::laad_voor_profiel(WW_KB_SOURCE_DIR, [&](const Vocabulaire& vocabulaire) -> const Invoer* {
            ++gelezen;
            profiel = lees_profiel(tekst, vocabulaire, Opdracht::advies);
            return profiel->invoer ? &*profiel->invoer : nullptr;
        });
        EXPECT_EQ(gelezen, 1);
        ASSERT_TRUE(profiel && profiel->invoer) << e.path();
        Raadpleging raadpleging(*kb);
        std::array<bool, invoer_vormen.size()> gegeven{};
        for (const InvoerFeit& f : profiel->invoer->feiten) gegeven[static_cast<std::size_t>(f.sjabloon)] = true;
        const Engine& engine = raadpleging.engine();
        for (std::size_t i = 0; i < invoer_vormen.size(); ++i) {
            EXPECT_EQ(engine.never_asserted(*engine.find_template(invoer_vormen[i].naam)), !gegeven[i])
                << e.path() << ": " << invoer_vormen[i].naam;
            beloofd += !gegeven[i];
        }
        EXPECT_TRUE(engine.never_asserted(*engine.find_template("vraaggesprek")));
        // And the derived templates only rules that now never fire assert (InstallOptions::closed).
        for (TemplateId t : kb->regels().promised_templates(kb->regels().prepared_options())) {
            ASSERT_TRUE(engine.never_asserted(t));
            afgeleid += std::none_of(invoer_vormen.begin(), invoer_vormen.end(), [&](const InvoerVorm& v) {
                return v.naam == engine.template_def(t).name;
            }) && engine.template_def(t).name != "vraaggesprek";
        }
        for (const Formaat formaat : {Formaat::json, Formaat::text})
            for (const bool uitleg : {false, true}) {
                OpmaakOpties opties;
                opties.uitleg = uitleg;
                EXPECT_EQ(adviestekst(raadpleging, *profiel->invoer, Opdracht::advies, formaat, opties),
                          adviestekst(gewoon, *profiel->invoer, Opdracht::advies, formaat, opties))
                    << e.path();
            }
    }
    EXPECT_GE(voorbeelden, 7u);
    EXPECT_GT(beloofd, 0u);   // some example lacks some input template
    EXPECT_GT(afgeleid, 0u);  // and so some derived template
}

// The place where the program looks for the image of the bundled knowledge base (beside this test
// program), held by one test at a time: ctest runs the tests of this file as processes of their own,
// side by side. Holds a lock on a file beside it while it lives, and removes what it laid there; the
// lock file stays (removed, a test waiting on it would hold a lock no later test sees).
class BeeldNaastHetProgramma {
public:
    BeeldNaastHetProgramma()
        : map_(gebundelde_map()),
          beeld_(standaard_kennisbank_beeld(map_)),
          bestanden_(RuleBase::read_sources(map_)),
          sleutel_(image_key(bestanden_, program_identity())) {
        if (beeld_.empty()) return;
        const std::string slot = beeld_.string() + ".slot";
        fd_ = ::open(slot.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        // A lock not taken (an interrupted wait) is no lock: vast() says so, and the test stops.
        while (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0)
            if (errno != EINTR) {
                ::close(fd_);
                fd_ = -1;
            }
    }
    ~BeeldNaastHetProgramma() {
        if (fd_ < 0) return;  // not held: what lies there is another test's
        std::error_code ec;
        fs::remove(beeld_, ec);
        ::close(fd_);  // the lock goes with it
    }
    BeeldNaastHetProgramma(const BeeldNaastHetProgramma&) = delete;
    BeeldNaastHetProgramma& operator=(const BeeldNaastHetProgramma&) = delete;
    // Whether the place is there and this test holds it.
    bool vast() const { return fd_ >= 0; }
    // The bundled knowledge base's map, its YAML files and the key an image of them carries.
    const std::string& map() const { return map_; }
    const std::vector<SourceFile>& bestanden() const { return bestanden_; }
    std::uint64_t sleutel() const { return sleutel_; }
    // Read-only, as maak-beeld leaves it (an image others may write is not read).
    void leg_neer(const std::string& inhoud) const {
        fs::remove(beeld_);
        std::ofstream(beeld_, std::ios::binary) << inhoud;
        fs::permissions(beeld_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    }

private:
    // The bundled knowledge base, whatever the environment names.
    static std::string gebundelde_map() {
        ::unsetenv("WEGWIJZER_KB");
        return kies_kennisbank("");
    }

    std::string map_;
    fs::path beeld_;
    std::vector<SourceFile> bestanden_;
    std::uint64_t sleutel_;
    int fd_ = -1;
};

// An image the reader takes (the key of the YAML beside it) and the engine refuses (the knowledge base
// with more modules than an engine holds): the YAML is read instead, whose vocabulary is the image's, so
// the profile read for the image is not read again, and the advice is that of the YAML alone. The image
// lies where the program looks for the bundled one (beside this test program); no other test here
// reads the bundled knowledge base, and one that did would only fall back to its YAML.

TEST(Kennisbank, NaEenGeweigerdBeeldWordtHetProfielEenKeerGelezen) {
    const BeeldNaastHetProgramma plek;
    ASSERT_TRUE(plek.vast());
    const auto leg_neer = [&](const std::string& inhoud) { plek.leg_neer(inhoud); };
    const std::string& map = plek.map();
    const std::vector<SourceFile>& bestanden = plek.bestanden();
    const std::uint64_t sleutel = plek.sleutel();
    // The modules in one of the files (an image holds as many files as the YAML beside it).
    std::vector<SourceFile> met_modules = bestanden;
    std::string modules = "\nmodules: [";
    for (int i = 1; i <= 10001; ++i) modules += (i > 1 ? ", M" : "M") + std::to_string(i);
    ASSERT_FALSE(met_modules.empty());
    met_modules.back() = SourceFile(met_modules.back().path(), std::string(met_modules.back().text()) + modules + "]\n");
    const RuleBase te_veel = RuleBase::load_sources(std::move(met_modules));
    EXPECT_THROW(te_veel.instantiate(), std::invalid_argument);
    EXPECT_EQ(lees_vocabulaire(te_veel), lees_vocabulaire(RuleBase::load_sources(bestanden)));
    const std::string geweigerd = write_image(te_veel, sleutel);
    {
        std::vector<SourceFile> kopie = bestanden;
        EXPECT_TRUE(read_image(geweigerd, sleutel, kopie).has_value());  // the reader takes it
    }
    const std::string gaaf = write_image(RuleBase::load_sources(bestanden), sleutel);

    // Three examples, from the start, the middle and the end of the stappenplan: a load with the refused
    // image builds the engine that refuses it twice (with the promise and without).
    for (const char* naam : {"01-beginnend.yaml", "03-analyse-wijk-noord.yaml", "06-evaluatie.yaml"}) {
        const fs::path e = fs::path(WW_EXAMPLES_DIR) / naam;
        const Profieltekst tekst = lees_profieltekst(e.string());
        // The advice for the profile from `kb` (the bundled one with whatever lies at the image path,
        // or a map: its YAML), and how often the profile was read on the way.
        const auto advies = [&](const std::string& kb, int& gelezen, bool& uit_beeld) {
            std::optional<ProfielResultaat> profiel;
            gelezen = 0;
            auto k = Kennisbank::laad_voor_profiel(kb, [&](const Vocabulaire& vocabulaire) -> const Invoer* {
                ++gelezen;
                profiel = lees_profiel(tekst, vocabulaire, Opdracht::advies);
                return profiel->invoer ? &*profiel->invoer : nullptr;
            });
            uit_beeld = k->regels().from_image();
            EXPECT_TRUE(profiel && profiel->invoer) << e;
            Raadpleging r(*k, k->neem_engine());
            return adviestekst(r, *profiel->invoer, Opdracht::advies, Formaat::json, OpmaakOpties{});
        };
        int gelezen = 0;
        bool uit_beeld = false;
        const std::string yaml = advies(map, gelezen, uit_beeld);
        EXPECT_FALSE(uit_beeld);
        leg_neer(geweigerd);
        EXPECT_EQ(advies("", gelezen, uit_beeld), yaml) << e;
        EXPECT_FALSE(uit_beeld) << e;
        EXPECT_EQ(gelezen, 1) << e;
        // The same place with a sound image: read from it, the profile once too.
        leg_neer(gaaf);
        EXPECT_EQ(advies("", gelezen, uit_beeld), yaml) << e;
        EXPECT_TRUE(uit_beeld) << e;
        EXPECT_EQ(gelezen, 1) << e;
    }
}

// A cold `wegwijzer advies` takes the image for its profile and checks the actions of a rule only when
// the rule first fires (docs/prestaties.md, "Wat de koude start kort houdt"). An image made wrong on
// purpose, with the key of the YAML beside it and a sound checksum, whose rule `analyse.w-vragen` (it
// fires on 03) has a focus of no module: the reader takes it, the rule's actions are refused when
// they are built, in the middle of the run, and the advice is then that of the YAML, as the program
// gives it (voer_advies_uit): status 0 and nothing on standard error, as for any refused image.
TEST(Kennisbank, UitgesteldeActiesDieNietDeugenGevenHetAdviesVanDeYaml) {
    const BeeldNaastHetProgramma plek;
    ASSERT_TRUE(plek.vast());
    const std::string regel = "analyse.w-vragen";
    const std::string& map = plek.map();
    const std::vector<SourceFile>& bestanden = plek.bestanden();
    const std::uint64_t sleutel = plek.sleutel();
    RuleBase basis = RuleBase::load_sources(std::vector<SourceFile>(bestanden));
    RuleDef* w_vragen = nullptr;
    for (const auto& r : basis.rules())
        if (r->id == regel) w_vragen = const_cast<RuleDef*>(r.get());
    ASSERT_NE(w_vragen, nullptr);
    Action focus;
    focus.kind = Action::Kind::focus;  // and no module
    w_vragen->actions.edit().push_back(focus);
    plek.leg_neer(write_image(basis, sleutel));

    AdviesOpties opties;
    opties.profiel = (fs::path(WW_EXAMPLES_DIR) / "03-analyse-wijk-noord.yaml").string();
    opties.formaat = Formaat::json;
    opties.opmaak.uitleg = true;
    AdviesOpties uit_yaml = opties;
    uit_yaml.kb = map;  // named: its YAML, never an image
    const Uitvoer verwacht = voer_advies_uit(uit_yaml);
    ASSERT_EQ(verwacht.status, 0) << verwacht.fout;
    // The rule fires on this profile (the derivation names it), so the run meets its actions.
    EXPECT_NE(verwacht.uit.find("\"" + regel + "\""), std::string::npos);

    // The image is taken for this profile, and building the rule's actions refuses them.
    {
        const Profieltekst tekst = lees_profieltekst(opties.profiel);
        std::optional<ProfielResultaat> profiel;
        auto k = Kennisbank::laad_voor_profiel("", [&](const Vocabulaire& vocabulaire) -> const Invoer* {
            profiel = lees_profiel(tekst, vocabulaire, Opdracht::advies);
            return profiel->invoer ? &*profiel->invoer : nullptr;
        });
        EXPECT_TRUE(k->regels().from_image());
        const RuleDef* gelezen = nullptr;
        for (const auto& r : k->regels().rules())
            if (r->id == regel) gelezen = r.get();
        ASSERT_NE(gelezen, nullptr);
        ASSERT_NE(gelezen->actions.pending(), nullptr);
        EXPECT_THROW((void)gelezen->actions.size(), DeferredActionsRefused);
    }

    const Uitvoer uit = voer_advies_uit(opties);
    EXPECT_EQ(uit.status, 0);
    EXPECT_EQ(uit.fout, "");
    EXPECT_EQ(uit.uit, verwacht.uit);
    // Nothing of the refused run comes before the advice: the text is that of one run.
    opties.formaat = Formaat::text;
    uit_yaml.formaat = Formaat::text;
    EXPECT_EQ(voer_advies_uit(opties).uit, voer_advies_uit(uit_yaml).uit);
}

}  // namespace
}  // namespace ww::advies
