/* test_fixture.h — loads the real scenario data for core tests. Core tests
 * read files with stdio themselves: the core never touches the filesystem. */
#ifndef TEST_FIXTURE_H
#define TEST_FIXTURE_H

#include "core.h"

#include <stdio.h>
#include <stdlib.h>

static inline char *fixture_slurp(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GL_TEST_DATA_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

/* The 1958 scenario from assets/data; NULL if it cannot be read. */
static inline CoreScenario *fixture_scenario(void)
{
    CoreScenario *sc = calloc(1, sizeof *sc);
    sc->start_year = 1958;
    sc->start_month = 1;
    size_t len;
    char *t = fixture_slurp("assets/data/params.csv", &len);
    bool ok = t && core_data_parse_params(sc, "params.csv", t, len);
    free(t);
    t = ok ? fixture_slurp("assets/data/provinces.csv", &len) : NULL;
    ok = ok && t && core_data_parse_provinces(sc, "provinces.csv", t, len);
    free(t);
    if (!ok) {
        fprintf(stderr, "fixture: %s\n", core_error_get());
        free(sc);
        return NULL;
    }
    return sc;
}

static inline CoreState *fixture_state(uint64_t seed)
{
    CoreScenario *sc = fixture_scenario();
    CoreState *s = sc ? core_state_create(sc, seed) : NULL;
    free(sc);
    return s;
}

/* A command adding a permanent modifier to every province. */
static inline CoreCommand fixture_modifier(CoreLever lever, CoreOp op, double amount)
{
    CoreCommand c = {.kind = CORE_CMD_MODIFIER};
    snprintf(c.source, sizeof c.source, "test");
    c.modifier = (CoreModifierDesc){lever, op, amount, CORE_ALL_PROVINCES, 0, CORE_SCALE_NONE};
    return c;
}

#endif
