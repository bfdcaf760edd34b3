/* The record behind the figures: every source id the content, the
 * parameters and the province data cite can be shown (it is in
 * assets/data/sources.csv), and the record files read as the reckoning
 * expects. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_record.h"
#include "core_csv.h"
#include "core/test_fixture.h"
#include "script.h"

static UiSources sources;

static bool known(const char *id)
{
    for (int i = 0; i < sources.count; i++)
        if (strcmp(sources.items[i].id, id) == 0)
            return true;
    return false;
}

/* Every id of a "S01+S04;R12" list is known, or names a document of the
 * repository (a stated modelling choice, not a publication). */
static int unknown_ids(const char *list, const char *where)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", list);
    int bad = 0;
    for (char *save = NULL, *tok = strtok_r(copy, "+;, ", &save); tok; tok = strtok_r(NULL, "+;, ", &save)) {
        if (strchr(tok, '/') || strchr(tok, '.'))
            continue; /* docs/model.md */
        if (!known(tok)) {
            fprintf(stderr, "%s: source %s is not in sources.csv\n", where, tok);
            bad++;
        }
    }
    return bad;
}

static int setup(void **state)
{
    (void)state;
    char err[256];
    if (!app_sources_load(GL_TEST_DATA_DIR, &sources, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    app_sources_free(&sources);
    return 0;
}

static void test_sources_table_is_complete(void **state)
{
    (void)state;
    assert_true(sources.count > 100);
    for (int i = 0; i < sources.count; i++) {
        assert_true(sources.items[i].id[0] != '\0');
        if (!sources.items[i].citation[0])
            fail_msg("source %s has no citation", sources.items[i].id);
    }
    assert_true(known("S01") && known("S14") && known("R25b") && known("seed"));
    assert_false(known("S99"));
}

static void test_every_cited_source_can_be_shown(void **state)
{
    (void)state;
    int bad = 0;
    ScriptHost *h = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    for (int i = 0; i < script_event_count(h); i++) {
        const ScriptEventInfo *e = script_event_at(h, i);
        for (int k = 0; k < e->source_count; k++)
            bad += unknown_ids(e->sources[k], e->id);
    }
    for (int i = 0; i < script_policy_count(h); i++) {
        const ScriptPolicyInfo *p = script_policy_at(h, i);
        for (int k = 0; k < p->source_count; k++)
            bad += unknown_ids(p->sources[k], p->id);
    }
    script_host_destroy(h);
    size_t len = 0;
    char *params = fixture_slurp("assets/data/params.csv", &len);
    assert_non_null(params);
    CsvReader rd;
    csv_init(&rd, "params.csv", params, len);
    assert_int_equal(csv_next(&rd), 1);
    int name = csv_column(&rd, "name"), source = csv_column(&rd, "source");
    assert_true(name >= 0 && source >= 0);
    while (csv_next(&rd) == 1)
        bad += unknown_ids(rd.field[source], rd.field[name]);
    free(params);
    UiProvenance prov[64];
    char err[256];
    int n = app_provenance_load(GL_TEST_DATA_DIR, prov, 64, err, sizeof err);
    assert_int_equal(n, 28);
    for (int i = 0; i < n; i++) {
        bad += unknown_ids(prov[i].pop_source, prov[i].id);
        bad += unknown_ids(prov[i].vital_source, prov[i].id);
        bad += unknown_ids(prov[i].grain_source, prov[i].id);
    }
    assert_int_equal(bad, 0);
}

static void test_record_reads_the_national_series(void **state)
{
    (void)state;
    UiRecord r;
    char err[256];
    assert_true(app_record_load(GL_TEST_DATA_DIR, &r, err, sizeof err));
    assert_int_equal(r.count, 11);
    assert_int_equal(r.years[0].year, 1955);
    const UiRecordYear *y1960 = &r.years[5];
    assert_int_equal(y1960->year, 1960);
    /* national.csv, 1960: CDR 25.43, CBR 20.86 (S01), grain 143.5 (S04). */
    assert_true(fabs(y1960->cdr - 25.43) < 1e-9 && fabs(y1960->cbr - 20.86) < 1e-9);
    assert_true(fabs(y1960->grain_mt - 143.5) < 1e-9);
    assert_true(isnan(r.years[0].grain_mt)); /* 1955: no early official figure, a gap */
    assert_string_equal(r.cdr_source, "S01");
    assert_string_equal(r.grain_source, "S04");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sources_table_is_complete),
        cmocka_unit_test(test_every_cited_source_can_be_shown),
        cmocka_unit_test(test_record_reads_the_national_series),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
