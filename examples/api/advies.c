/* SPDX-License-Identifier: EUPL-1.2 */
/* wegwijzer from C: advice for a gemeenteprofiel as JSON on standard output, exactly what
 * `wegwijzer advies PROFIEL --format json` writes; the problems as JSON on standard error.
 *
 *   advies-c PROFIEL
 *
 * Build (docs/api.md):  cc advies.c $(pkg-config --cflags --libs wegwijzer) */
#include <stdio.h>
#include <stdlib.h>

#include <wegwijzer/wegwijzer.h>

static char* lees(const char* pad, size_t* lengte) {
    FILE* f = fopen(pad, "rb");
    char* tekst = NULL;
    size_t n = 0, gelezen;
    char blok[4096];
    if (f == NULL) return NULL;
    while ((gelezen = fread(blok, 1, sizeof blok, f)) > 0) {
        char* groter = realloc(tekst, n + gelezen);
        if (groter == NULL) { free(tekst); fclose(f); return NULL; }
        tekst = groter;
        for (size_t i = 0; i < gelezen; ++i) tekst[n + i] = blok[i];
        n += gelezen;
    }
    fclose(f);
    *lengte = n;
    return tekst != NULL ? tekst : calloc(1, 1);
}

int main(int argc, char** argv) {
    wegwijzer_kennisbank* kb = NULL;
    char* uitvoer = NULL;
    char* fouten = NULL;
    size_t lengte = 0;
    char* profiel;
    int status;

    if (argc != 2) {
        fprintf(stderr, "gebruik: advies-c PROFIEL\n");
        return 2;
    }
    profiel = lees(argv[1], &lengte);
    if (profiel == NULL) {
        fprintf(stderr, "%s: kan niet gelezen worden\n", argv[1]);
        return 2;
    }

    /* NULL: the bundled knowledge base. One handle serves every profile (and every thread). */
    status = wegwijzer_kennisbank_open(NULL, &kb, &fouten);
    if (status != WEGWIJZER_OK) {
        fprintf(stderr, "%s: %s\n", wegwijzer_status_tekst(status), fouten != NULL ? fouten : "");
        wegwijzer_vrij(fouten);
        free(profiel);
        return 1;
    }

    status = wegwijzer_advies(kb, profiel, lengte, argv[1], WEGWIJZER_JSON, 0, &uitvoer);
    if (status == WEGWIJZER_OK) {
        fputs(uitvoer, stdout);
    } else {
        /* {"fouten": [{"bestand": ..., "regel": ..., "kolom": ..., "melding": ...}]} */
        fprintf(stderr, "%s\n", uitvoer != NULL ? uitvoer : wegwijzer_status_tekst(status));
    }
    wegwijzer_vrij(uitvoer);
    wegwijzer_kennisbank_sluit(kb);
    free(profiel);
    return status == WEGWIJZER_OK ? 0 : 2;
}
