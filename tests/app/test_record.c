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
    const UiWork *w[UI_REF_WORKS];
    return ui_sources_resolve(&sources, id, w, UI_REF_WORKS, NULL) > 0;
}

/* Every id of a "S01+S04;P04" list resolves to a published work (a work's
 * id, or a research id sources.csv maps to one), or names a document of the
 * repository (docs/model.md: the game's model). */
static int unknown_ids(const char *list, const char *where)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", list);
    int bad = 0;
    for (char *save = NULL, *tok = strtok_r(copy, "+;, ", &save); tok; tok = strtok_r(NULL, "+;, ", &save)) {
        if (!known(tok)) {
            fprintf(stderr, "%s: source %s names no published work (works.csv, sources.csv)\n", where, tok);
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

static bool has_cjk(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0xE3 && (unsigned char)*s <= 0xE9)
            return true;
    return false;
}

/* Every work the game can show is a published work a reader can find: an
 * author, a year, a title (with an English rendering when the title is
 * Chinese), a label for the links; and the research ids resolve to works. */
static void test_every_work_can_be_found(void **state)
{
    (void)state;
    assert_true(sources.work_count >= 40);
    int kinds[UI_WORK_KINDS] = {0};
    for (int i = 0; i < sources.work_count; i++) {
        const UiWork *w = &sources.works[i];
        int year = atoi(w->year);
        if (!w->author[0] || !w->title[0] || !w->label[0] || year < 1900 || year > 2030)
            fail_msg("work %s lacks an author, a title, a label or a year (%s)", w->id, w->year);
        if (has_cjk(w->title) && !w->title_en[0])
            fail_msg("work %s has a Chinese title and no English rendering", w->id);
        if (w->kind != UI_WORK_MODEL && !w->published[0])
            fail_msg("work %s does not say where it was published", w->id);
        if (strcmp(w->grade, "A") != 0 && strcmp(w->grade, "B") != 0 && strcmp(w->grade, "C") != 0 &&
            w->kind != UI_WORK_MODEL)
            fail_msg("work %s has no grade A, B or C", w->id);
        kinds[w->kind]++;
        for (int j = 0; j < i; j++)
            if (strcmp(sources.works[j].id, w->id) == 0)
                fail_msg("work %s is listed twice", w->id);
    }
    for (int k = 0; k < UI_WORK_KINDS; k++)
        assert_true(kinds[k] > 0);
    assert_true(sources.ref_count > 50);
    /* A work's id, a research id, the game's model; never the textbook
     * chapter the game was first written from, a forum table or an
     * encyclopedia. */
    assert_true(known("yang2008") && known("P01") && known("S04") && known("docs/model.md"));
    assert_false(known("seed"));
    assert_false(known("R12")); /* a forum post */
    assert_false(known("S16")); /* Wikipedia */
    assert_false(known("S99"));
    const UiWork *w[UI_REF_WORKS];
    const char *where = NULL;
    assert_int_equal(ui_sources_resolve(&sources, "P04", w, UI_REF_WORKS, &where), 1);
    assert_string_equal(w[0]->id, "yang2008");
    assert_true(strstr(where, "ch. 13") != NULL);
    assert_int_equal(ui_sources_resolve(&sources, "S17", w, UI_REF_WORKS, &where), 5);
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

/* Every province has its story in both languages (province.<id>.story), and
 * every work it rests on can be shown. */
static void test_every_province_has_a_cited_story(void **state)
{
    (void)state;
    ScriptHost *h = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    UiProvenance prov[64];
    char err[256];
    int n = app_provenance_load(GL_TEST_DATA_DIR, prov, 64, err, sizeof err);
    assert_int_equal(n, 28);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        char key[96];
        snprintf(key, sizeof key, "province.%.60s.story", prov[i].id);
        for (int lang = 0; lang < SCRIPT_LANG_COUNT; lang++)
            if (!script_has_text(h, (ScriptLang)lang, key)) {
                fprintf(stderr, "%s: no story in language %d\n", prov[i].id, lang);
                bad++;
            }
        if (!prov[i].story_works[0]) {
            fprintf(stderr, "%s: the story cites no work (stories.csv)\n", prov[i].id);
            bad++;
        }
        bad += unknown_ids(prov[i].story_works, prov[i].id);
    }
    script_host_destroy(h);
    assert_int_equal(bad, 0);
}

/* A story told by one account says so and names the account, in both
 * languages; the harvest claims are the Wuchang plenum's (issue 11). */
static void test_single_accounts_are_marked(void **state)
{
    (void)state;
    ScriptHost *h = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    static const struct { const char *key, *en, *zh; } marked[] = {
        {"event.japan_wheat.text", "Becker", "\xE8\xB4\x9D\xE5\x85\x8B\xE5\xB0\x94"},         /* 贝克尔 */
        {"event.manchuria_steelworks.text", "Li Zhisui", "\xE6\x9D\x8E\xE5\xBF\x97\xE7\xBB\xA5"}, /* 李志绥 */
    };
    for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++) {
        const char *en = script_text(h, SCRIPT_LANG_EN, marked[i].key), *zh = script_text(h, SCRIPT_LANG_ZH, marked[i].key);
        assert_non_null(strstr(en, "According to one account"));
        assert_non_null(strstr(en, marked[i].en));
        assert_non_null(strstr(zh, "\xE6\x8D\xAE\xE4\xB8\x80\xE7\xA7\x8D\xE8\xAF\xB4\xE6\xB3\x95")); /* 据一种说法 */
        assert_non_null(strstr(zh, marked[i].zh));
    }
    const char *claims = script_text(h, SCRIPT_LANG_EN, "event.harvest_claims.text");
    assert_non_null(strstr(claims, "Wuchang"));
    assert_non_null(strstr(claims, "375 million"));
    assert_null(strstr(claims, "425"));
    script_host_destroy(h);
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
        cmocka_unit_test(test_every_work_can_be_found),
        cmocka_unit_test(test_every_cited_source_can_be_shown),
        cmocka_unit_test(test_every_province_has_a_cited_story),
        cmocka_unit_test(test_single_accounts_are_marked),
        cmocka_unit_test(test_record_reads_the_national_series),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
