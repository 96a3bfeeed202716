/* SPDX-License-Identifier: EUPL-1.2 */
/* The group of each advice through the C face: wegwijzer_raadpleeg and wegwijzer_adviezen_groep for a
 * real profile with all three groups, checked against the library's own JSON and text; every bad
 * argument answered with WEGWIJZER_FOUT_ARGUMENT, never a crash; and the status of each failure, of
 * the profile or of the knowledge base, at opening and in a consultation.
 *
 *   api_c_test KENNISBANK PROFIEL KENNISBANK_ZONDER_STAPPEN KENNISBANK_KAPOTTE_REGEL
 *
 * The last two load and fit the profile reader, and every consultation fails on them: the first has no
 * rules (no status for any step), the second a rule that emits an advice outside the contract. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wegwijzer/wegwijzer.h>

static int fouten = 0;

#define CONTROLEER(voorwaarde)                                                     \
    do {                                                                           \
        if (!(voorwaarde)) {                                                       \
            fprintf(stderr, "%s:%d: fout: %s\n", __FILE__, __LINE__, #voorwaarde); \
            ++fouten;                                                              \
        }                                                                          \
    } while (0)

static char* lees(const char* pad, size_t* lengte) {
    FILE* f = fopen(pad, "rb");
    char* tekst;
    long n;
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    tekst = malloc((size_t)n + 1);
    if (tekst == NULL || fread(tekst, 1, (size_t)n, f) != (size_t)n) {
        free(tekst);
        fclose(f);
        return NULL;
    }
    fclose(f);
    tekst[n] = '\0';
    *lengte = (size_t)n;
    return tekst;
}

/* The groups in the JSON's order: the value of each "groep" field, compared with the C API's. */
static void vergelijk_met_json(const char* json, const int* groepen, size_t aantal) {
    static const char veld[] = "\"groep\": \"";
    const char* p = json;
    size_t i = 0;
    while ((p = strstr(p, veld)) != NULL) {
        const char* naam;
        p += sizeof veld - 1;
        CONTROLEER(i < aantal);
        if (i >= aantal) return;
        naam = wegwijzer_groep_naam(groepen[i]);
        CONTROLEER(naam != NULL && strncmp(p, naam, strlen(naam)) == 0 && p[strlen(naam)] == '"');
        ++i;
    }
    CONTROLEER(i == aantal);
}

static void slechte_argumenten(wegwijzer_kennisbank* kb, const wegwijzer_adviezen* adviezen, size_t aantal) {
    int groep = 42;
    char* uit = NULL;
    wegwijzer_adviezen* a = (wegwijzer_adviezen*)1; /* must be set to NULL on failure */
    static const char fout_profiel[] = "gemeente:\n  naam: Testdorp\nmetingen: 12\n";

    /* The group of an item that does not exist, or of no advice at all. */
    CONTROLEER(wegwijzer_adviezen_groep(adviezen, aantal, &groep) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(groep == 42);
    CONTROLEER(wegwijzer_adviezen_groep(adviezen, (size_t)-1, &groep) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(wegwijzer_adviezen_groep(NULL, 0, &groep) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(wegwijzer_adviezen_groep(adviezen, 0, NULL) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(groep == 42);
    CONTROLEER(wegwijzer_adviezen_aantal(NULL) == 0);
    CONTROLEER(strcmp(wegwijzer_status_tekst(WEGWIJZER_FOUT_ARGUMENT), "ongeldig argument") == 0);

    /* Numbers that are no group. */
    CONTROLEER(wegwijzer_groep_naam(-1) == NULL);
    CONTROLEER(wegwijzer_groep_naam(3) == NULL);
    CONTROLEER(wegwijzer_groep_kop(3) == NULL);

    /* The JSON of no advice. */
    CONTROLEER(wegwijzer_adviezen_json(NULL, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_adviezen_json: adviezen is NULL") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    CONTROLEER(wegwijzer_adviezen_json(adviezen, NULL) == WEGWIJZER_FOUT_ARGUMENT);

    /* A consultation without a knowledge base, without a place for the advice, with unknown options,
     * with NULL as a profile of some length. */
    CONTROLEER(wegwijzer_raadpleeg(NULL, "", 0, NULL, 0, &a, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(a == NULL);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_raadpleeg: kennisbank of profiel is NULL") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    CONTROLEER(wegwijzer_raadpleeg(kb, "", 0, NULL, 0, NULL, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_raadpleeg: adviezen is NULL") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    /* Each time *adviezen set anew, so that a call that leaves it untouched is seen. */
    a = (wegwijzer_adviezen*)1;
    CONTROLEER(wegwijzer_raadpleeg(kb, "", 0, NULL, 64, &a, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(a == NULL);
    CONTROLEER(uit != NULL && strstr(uit, "onbekende opties 64") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    a = (wegwijzer_adviezen*)1;
    CONTROLEER(wegwijzer_raadpleeg(kb, NULL, 5, NULL, 0, &a, NULL) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(a == NULL);

    /* A profile with a problem: its position, as from wegwijzer_advies. */
    a = (wegwijzer_adviezen*)1;
    CONTROLEER(wegwijzer_raadpleeg(kb, fout_profiel, sizeof fout_profiel - 1, "fout.yaml", 0, &a, &uit) ==
               WEGWIJZER_FOUT_INVOER);
    CONTROLEER(a == NULL);
    CONTROLEER(uit != NULL && strstr(uit, "{\"fouten\":[{\"bestand\":\"fout.yaml\",\"regel\":3,\"kolom\":11,") == uit);
    wegwijzer_vrij(uit);

    wegwijzer_adviezen_sluit(NULL);
}

/* Opening: a knowledge base that is not there is the knowledge base's problem, with the problems as
 * JSON; no place for the handle is an argument error; the problems may be left unasked for. */
static void fouten_bij_openen(void) {
    wegwijzer_kennisbank* kb = (wegwijzer_kennisbank*)1; /* must be set to NULL on failure */
    char* uit = NULL;

    CONTROLEER(wegwijzer_kennisbank_open("/bestaat/niet", &kb, &uit) == WEGWIJZER_FOUT_KENNISBANK);
    CONTROLEER(kb == NULL);
    CONTROLEER(uit != NULL && strstr(uit, "{\"fouten\":[{\"bestand\":") == uit);
    wegwijzer_vrij(uit);
    uit = NULL;
    kb = (wegwijzer_kennisbank*)1;
    CONTROLEER(wegwijzer_kennisbank_open("/bestaat/niet", &kb, NULL) == WEGWIJZER_FOUT_KENNISBANK);
    CONTROLEER(kb == NULL);
    CONTROLEER(wegwijzer_kennisbank_open("/bestaat/niet", NULL, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_kennisbank_open: kennisbank is NULL") != NULL);
    wegwijzer_vrij(uit);
}

/* A consultation that fails on the knowledge base, not on the profile: WEGWIJZER_FOUT_KENNISBANK from
 * both wegwijzer_raadpleeg and wegwijzer_advies, with messages that name the knowledge base
 * (`bestand`, the start of the JSON's first message, with the text `melding` in it). */
static void fout_van_de_kennisbank(const char* map, const char* profiel, size_t lengte, const char* bestand,
                                   const char* melding) {
    wegwijzer_kennisbank* kb = NULL;
    wegwijzer_adviezen* a = (wegwijzer_adviezen*)1;
    char* uit = NULL;
    int status = wegwijzer_kennisbank_open(map, &kb, &uit);

    CONTROLEER(status == WEGWIJZER_OK && uit == NULL);
    if (status != WEGWIJZER_OK) {
        fprintf(stderr, "%s\n", uit != NULL ? uit : wegwijzer_status_tekst(status));
        wegwijzer_vrij(uit);
        return;
    }
    CONTROLEER(wegwijzer_raadpleeg(kb, profiel, lengte, "p.yaml", 0, &a, &uit) == WEGWIJZER_FOUT_KENNISBANK);
    CONTROLEER(a == NULL);
    CONTROLEER(uit != NULL && strstr(uit, "{\"fouten\":[{\"bestand\":\"") == uit &&
               strstr(uit, bestand) == uit + strlen("{\"fouten\":[{\"bestand\":\""));
    CONTROLEER(uit != NULL && strstr(uit, melding) != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    /* Also without a name: the profile is then "profiel". */
    CONTROLEER(wegwijzer_advies(kb, profiel, lengte, NULL, WEGWIJZER_TEKST, 0, &uit) == WEGWIJZER_FOUT_KENNISBANK);
    CONTROLEER(uit != NULL && strstr(uit, melding) != NULL);
    wegwijzer_vrij(uit);
    wegwijzer_kennisbank_sluit(kb);
}

/* wegwijzer_advies: its own arguments, and a profile with a problem as from wegwijzer_raadpleeg. */
static void fouten_van_advies(wegwijzer_kennisbank* kb, const char* profiel, size_t lengte) {
    char* uit = NULL;
    static const char fout_profiel[] = "gemeente:\n  naam: Testdorp\nmetingen: 12\n";

    CONTROLEER(wegwijzer_advies(kb, profiel, lengte, NULL, WEGWIJZER_JSON, 0, NULL) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(wegwijzer_advies(kb, profiel, lengte, NULL, 9, 0, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_advies: onbekend formaat 9") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    CONTROLEER(wegwijzer_advies(NULL, profiel, lengte, NULL, WEGWIJZER_JSON, 0, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_advies: kennisbank of profiel is NULL") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    CONTROLEER(wegwijzer_advies(kb, profiel, lengte, NULL, WEGWIJZER_JSON, 8, &uit) == WEGWIJZER_FOUT_ARGUMENT);
    CONTROLEER(uit != NULL && strstr(uit, "wegwijzer_advies: onbekende opties 8") != NULL);
    wegwijzer_vrij(uit);
    uit = NULL;
    CONTROLEER(wegwijzer_advies(kb, fout_profiel, sizeof fout_profiel - 1, "fout.yaml", WEGWIJZER_JSON, 0, &uit) ==
               WEGWIJZER_FOUT_INVOER);
    CONTROLEER(uit != NULL && strstr(uit, "{\"fouten\":[{\"bestand\":\"fout.yaml\",\"regel\":3,\"kolom\":11,") == uit);
    wegwijzer_vrij(uit);
}

/* The header's version is the library's, and its three numbers make its text. */
static void versie(void) {
    char tekst[64];
    snprintf(tekst, sizeof tekst, "%d.%d.%d", WEGWIJZER_VERSIE_MAJOR, WEGWIJZER_VERSIE_MINOR, WEGWIJZER_VERSIE_PATCH);
    CONTROLEER(strcmp(tekst, WEGWIJZER_VERSIE) == 0);
    CONTROLEER(strcmp(wegwijzer_versie(), WEGWIJZER_VERSIE) == 0);
}

int main(int argc, char** argv) {
    wegwijzer_kennisbank* kb = NULL;
    wegwijzer_adviezen* adviezen = NULL;
    char* fout = NULL;
    char* json = NULL;
    char* referentie = NULL;
    char* tekst = NULL;
    char* profiel;
    size_t lengte = 0, aantal, i;
    int* groepen;
    size_t per_groep[3] = {0, 0, 0};
    int status;

    if (argc != 5) {
        fprintf(stderr, "gebruik: api_c_test KENNISBANK PROFIEL KENNISBANK_ZONDER_STAPPEN KENNISBANK_KAPOTTE_REGEL\n");
        return 2;
    }
    profiel = lees(argv[2], &lengte);
    if (profiel == NULL) {
        fprintf(stderr, "%s: fout: niet te lezen\n", argv[2]);
        return 2;
    }
    if (wegwijzer_kennisbank_open(argv[1], &kb, &fout) != WEGWIJZER_OK) {
        fprintf(stderr, "%s\n", fout != NULL ? fout : "geen kennisbank");
        wegwijzer_vrij(fout);
        free(profiel);
        return 1;
    }

    status = wegwijzer_raadpleeg(kb, profiel, lengte, argv[2], 0, &adviezen, &fout);
    CONTROLEER(status == WEGWIJZER_OK && fout == NULL);
    if (status != WEGWIJZER_OK) {
        fprintf(stderr, "%s\n", fout != NULL ? fout : wegwijzer_status_tekst(status));
        wegwijzer_vrij(fout);
        wegwijzer_kennisbank_sluit(kb);
        free(profiel);
        return 1;
    }
    aantal = wegwijzer_adviezen_aantal(adviezen);
    CONTROLEER(aantal > 0);
    groepen = calloc(aantal + 1, sizeof *groepen);
    if (groepen == NULL) {
        fprintf(stderr, "api_c_test: geen geheugen\n");
        return 1;
    }
    for (i = 0; i < aantal; ++i) {
        CONTROLEER(wegwijzer_adviezen_groep(adviezen, i, &groepen[i]) == WEGWIJZER_OK);
        CONTROLEER(groepen[i] >= WEGWIJZER_NU_DOEN && groepen[i] <= WEGWIJZER_VERDER);
        if (groepen[i] >= WEGWIJZER_NU_DOEN && groepen[i] <= WEGWIJZER_VERDER) ++per_groep[groepen[i]];
        /* Group after group: "Nu doen", then the warnings, then the rest. */
        if (i > 0) CONTROLEER(groepen[i - 1] <= groepen[i]);
    }
    /* The profile has advice in each of the three groups. */
    CONTROLEER(per_groep[WEGWIJZER_NU_DOEN] > 0 && per_groep[WEGWIJZER_WAARSCHUWINGEN] > 0 &&
               per_groep[WEGWIJZER_VERDER] > 0);

    /* The JSON of the advice kept as data is that of wegwijzer_advies, and names the same groups. */
    CONTROLEER(wegwijzer_adviezen_json(adviezen, &json) == WEGWIJZER_OK);
    CONTROLEER(wegwijzer_advies(kb, profiel, lengte, argv[2], WEGWIJZER_JSON, 0, &referentie) == WEGWIJZER_OK);
    CONTROLEER(json != NULL && referentie != NULL && strcmp(json, referentie) == 0);
    if (json != NULL) vergelijk_met_json(json, groepen, aantal);

    /* The text heads the groups as wegwijzer_groep_kop names them. */
    CONTROLEER(wegwijzer_advies(kb, profiel, lengte, argv[2], WEGWIJZER_TEKST, 0, &tekst) == WEGWIJZER_OK);
    CONTROLEER(strcmp(wegwijzer_groep_naam(WEGWIJZER_NU_DOEN), "nu_doen") == 0);
    CONTROLEER(strcmp(wegwijzer_groep_naam(WEGWIJZER_WAARSCHUWINGEN), "waarschuwingen") == 0);
    CONTROLEER(strcmp(wegwijzer_groep_naam(WEGWIJZER_VERDER), "verder") == 0);
    for (i = 0; i < 3; ++i) {
        char kop[64];
        snprintf(kop, sizeof kop, "\n%s\n", wegwijzer_groep_kop((int)i));
        CONTROLEER(tekst != NULL && strstr(tekst, kop) != NULL);
    }

    slechte_argumenten(kb, adviezen, aantal);
    fouten_van_advies(kb, profiel, lengte);
    versie();
    fouten_bij_openen();
    fout_van_de_kennisbank(argv[3], profiel, lengte, "kennisbank\"", "geen status voor stap 1");
    {
        /* The rule's file and line, where the fix goes. */
        char bestand[4096];
        snprintf(bestand, sizeof bestand, "%s/kapotte-regel.yaml\",\"regel\":6,", argv[4]);
        fout_van_de_kennisbank(argv[4], profiel, lengte, bestand, "onderwerp 'zwembad' staat niet in de lijst");
    }

    wegwijzer_vrij(tekst);
    wegwijzer_vrij(referentie);
    wegwijzer_vrij(json);
    free(groepen);
    wegwijzer_adviezen_sluit(adviezen);
    wegwijzer_kennisbank_sluit(kb);
    free(profiel);
    if (fouten == 0) printf("api_c_test: in orde (adviezen %lu; nu doen %lu, waarschuwingen %lu, verder %lu)\n",
                            (unsigned long)aantal, (unsigned long)per_groep[0], (unsigned long)per_groep[1],
                            (unsigned long)per_groep[2]);
    return fouten == 0 ? 0 : 1;
}
