/* SPDX-License-Identifier: EUPL-1.2 */
/* wegwijzer for C and every language that can call C (Python ctypes, ...): open a knowledge base,
 * ask advice for a profile given as text, get the advice (JSON, text or markdown) or the list of
 * problems as JSON, free what you got; or keep the advice as data and ask the group of each item.
 * Link with -lwegwijzer (`pkg-config --libs wegwijzer`). See docs/api.md.
 *
 * No function lets an exception or a signal out: every failure is a status code, with the
 * problems as JSON where there are any. Strings given back are allocated by the library, terminated
 * by a zero byte, UTF-8, and freed with wegwijzer_vrij.
 *
 * Thread safety: every function may be called from any thread. One wegwijzer_kennisbank may be used
 * by many threads at once; its consultations are then served one at a time (open one handle per
 * thread for parallel consultations). */
#ifndef WEGWIJZER_H
#define WEGWIJZER_H

#include <stddef.h>

/* The version this header declares (wegwijzer.hpp states the same). Within a major version, whose
 * soname is libwegwijzer.so.MAJOR, a later minor version only adds: a program that uses what a minor
 * version added asks for it here (#if WEGWIJZER_VERSIE_MINOR >= 2), and wegwijzer_versie() says which
 * library is loaded. */
#ifndef WEGWIJZER_VERSIE_MAJOR
#define WEGWIJZER_VERSIE_MAJOR 0
#define WEGWIJZER_VERSIE_MINOR 2
#define WEGWIJZER_VERSIE_PATCH 0
#define WEGWIJZER_VERSIE "0.2.0"
#endif

#if defined(_WIN32)
#define WEGWIJZER_C_API
#else
#define WEGWIJZER_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. The numbers stay as they are in every release. */
typedef enum wegwijzer_status {
    WEGWIJZER_OK = 0,
    WEGWIJZER_FOUT_INTERN = 1,     /* something unforeseen (a bug); the JSON says what */
    WEGWIJZER_FOUT_INVOER = 2,     /* the profile has problems: the JSON lists them */
    WEGWIJZER_FOUT_KENNISBANK = 3, /* the knowledge base is missing, does not load or does not fit, or a
                                      consultation fails on it (a rule's record outside the contract): the
                                      JSON names the knowledge base or the rule's file and line */
    WEGWIJZER_FOUT_ARGUMENT = 4,   /* a null pointer or unknown value where one is not allowed */
    WEGWIJZER_FOUT_GEHEUGEN = 5    /* out of memory (then there may be no JSON at all) */
} wegwijzer_status;

/* Output formats: the contract's JSON, the text for a terminal (no colour, 80 columns), markdown. */
typedef enum wegwijzer_formaat {
    WEGWIJZER_JSON = 0,
    WEGWIJZER_TEKST = 1,
    WEGWIJZER_MARKDOWN = 2
} wegwijzer_formaat;

/* Options for wegwijzer_advies, or-ed together. */
enum {
    WEGWIJZER_UITLEG = 1,       /* each advice with its chain of rules and facts (--uitleg) */
    WEGWIJZER_COMMUNICATIE = 2  /* the profile is a communication plan (`wegwijzer communicatie`) */
};

/* The group of an advice, as the text and markdown head the list and the JSON's field "groep" names it:
 * "Nu doen" (the acties of the current step; for a communication check every actie), "Waarschuwingen",
 * "Verder" (the rest). The list is in that order, group after group. The numbers stay as they are in
 * every release. Since 0.2, as everything for the advice as data below. */
typedef enum wegwijzer_groep {
    WEGWIJZER_NU_DOEN = 0,
    WEGWIJZER_WAARSCHUWINGEN = 1,
    WEGWIJZER_VERDER = 2
} wegwijzer_groep;

typedef struct wegwijzer_kennisbank wegwijzer_kennisbank;

/* The advice of one consultation, kept as data (wegwijzer_raadpleeg). Immutable: any number of threads
 * may read it at once. Since 0.2. */
typedef struct wegwijzer_adviezen wegwijzer_adviezen;

/* "0.2.0": the version of the library as loaded (WEGWIJZER_VERSIE is that of the header compiled
 * against). Static; do not free. */
WEGWIJZER_C_API const char* wegwijzer_versie(void);

/* A short Dutch description of a status code. Static; do not free. */
WEGWIJZER_C_API const char* wegwijzer_status_tekst(int status);

/* Opens the knowledge base in directory `map`, or the bundled one when `map` is NULL ($WEGWIJZER_KB,
 * else the one installed with the library). On WEGWIJZER_OK *kennisbank is set (close it with
 * wegwijzer_kennisbank_sluit) and *fouten_json, when given, NULL; otherwise *kennisbank is NULL and
 * *fouten_json, when given, the problems as {"fouten": [...]}. `fouten_json` may be NULL. */
WEGWIJZER_C_API int wegwijzer_kennisbank_open(const char* map, wegwijzer_kennisbank** kennisbank,
                                              char** fouten_json);

/* Closes a knowledge base; NULL is allowed. Not while another thread still uses it. */
WEGWIJZER_C_API void wegwijzer_kennisbank_sluit(wegwijzer_kennisbank* kennisbank);

/* Advice for the profile `profiel` (YAML or JSON text of `lengte` bytes; need not end in a zero
 * byte), named `naam` in messages (NULL: "profiel"). On WEGWIJZER_OK *uitvoer is the advice in
 * `formaat`, byte for byte what `wegwijzer advies --format json|text|markdown` writes; otherwise
 * *uitvoer is the problems as {"fouten": [{"bestand": ..., "regel": 3, "kolom": 5, "melding": ...}]}
 * (regel and kolom absent where there is no position), or NULL when even that could not be made.
 * Free *uitvoer with wegwijzer_vrij. `opties`: 0 or WEGWIJZER_UITLEG | WEGWIJZER_COMMUNICATIE. */
WEGWIJZER_C_API int wegwijzer_advies(wegwijzer_kennisbank* kennisbank, const char* profiel, size_t lengte,
                                     const char* naam, int formaat, int opties, char** uitvoer);

/* Advice for a profile as wegwijzer_advies gives it (same arguments, same status codes), kept as data:
 * on WEGWIJZER_OK *adviezen is set (close it with wegwijzer_adviezen_sluit) and *fouten_json, when
 * given, NULL; otherwise *adviezen is NULL and *fouten_json, when given, the problems as
 * {"fouten": [...]}. `fouten_json` may be NULL. Since 0.2, as the functions up to wegwijzer_groep_kop. */
WEGWIJZER_C_API int wegwijzer_raadpleeg(wegwijzer_kennisbank* kennisbank, const char* profiel, size_t lengte,
                                        const char* naam, int opties, wegwijzer_adviezen** adviezen,
                                        char** fouten_json);

/* The number of items in the list of advice; 0 for NULL. */
WEGWIJZER_C_API size_t wegwijzer_adviezen_aantal(const wegwijzer_adviezen* adviezen);

/* The group of item i (from 0, in the order of the JSON's "adviezen") in *groep: one of
 * wegwijzer_groep. WEGWIJZER_FOUT_ARGUMENT, with *groep untouched, when adviezen or groep is NULL or
 * i is not below wegwijzer_adviezen_aantal. */
WEGWIJZER_C_API int wegwijzer_adviezen_groep(const wegwijzer_adviezen* adviezen, size_t i, int* groep);

/* The advice as JSON in *uitvoer, byte for byte what wegwijzer_advies gives with WEGWIJZER_JSON (free it
 * with wegwijzer_vrij). WEGWIJZER_FOUT_ARGUMENT when adviezen or uitvoer is NULL. */
WEGWIJZER_C_API int wegwijzer_adviezen_json(const wegwijzer_adviezen* adviezen, char** uitvoer);

/* Closes the advice; NULL is allowed. */
WEGWIJZER_C_API void wegwijzer_adviezen_sluit(wegwijzer_adviezen* adviezen);

/* "nu_doen", "waarschuwingen", "verder": the word of the JSON's field "groep" for a wegwijzer_groep;
 * NULL for any other number. Static; do not free. */
WEGWIJZER_C_API const char* wegwijzer_groep_naam(int groep);

/* "Nu doen", "Waarschuwingen", "Verder": the group's heading in the text and markdown; NULL for any
 * other number. Static; do not free. */
WEGWIJZER_C_API const char* wegwijzer_groep_kop(int groep);

/* Frees a string the library gave back; NULL is allowed. */
WEGWIJZER_C_API void wegwijzer_vrij(char* tekst);

#ifdef __cplusplus
}
#endif

#endif /* WEGWIJZER_H */
