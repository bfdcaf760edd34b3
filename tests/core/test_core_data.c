/* Tests for core_data.c and core_csv.c: the real data files load; bad files
 * give messages naming file:line and never crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_fixture.h"

static void test_data_real_files_load_and_validate(void **state)
{
    (void)state;
    CoreScenario *sc = fixture_scenario();
    assert_non_null(sc);
    assert_int_equal(sc->province_count, 28);
    assert_true(core_scenario_validate(sc));
    /* The provinces' own records add up to within 1% of the national 1957
     * total (S01: 646.53 M), and no two provinces share a figure. */
    int64_t pop = 0;
    for (int i = 0; i < sc->province_count; i++) {
        const CoreProvinceInfo *a = &sc->provinces[i];
        pop += a->pop_1957;
        for (int j = 0; j < i; j++) {
            const CoreProvinceInfo *b = &sc->provinces[j];
            if (a->pop_1957 == b->pop_1957 || a->urban_share == b->urban_share ||
                (double)a->grain_1957_kg / (double)a->pop_1957 == (double)b->grain_1957_kg / (double)b->pop_1957 ||
                (a->cdr_base == b->cdr_base && a->cbr_base == b->cbr_base))
                fail_msg("%s and %s share a starting figure", a->id, b->id);
        }
    }
    assert_true(llabs(pop - 646530000LL) < 6465300);
    /* The scripts' magnitudes come with the core's parameters. */
    assert_true(sc->extra_param_count > 50);
    free(sc);
}

/* A row the core does not know is the content's; a misspelt core parameter
 * therefore shows up as the core parameter that is missing. */
static void test_data_unknown_parameter_names_line(void **state)
{
    (void)state;
    CoreScenario *sc = fixture_scenario();
    const char *t = "name,value,unit,kind,source\nkcal_ned,2100,kcal,assumption,x\nmy_magnitude,1.5,x,assumption,x\n";
    for (int i = 0; i < CORE_PARAM_COUNT; i++)
        sc->param_set[i] = i != CORE_PARAM_kcal_need;
    sc->extra_param_count = 0;
    assert_true(core_data_parse_params(sc, "p.csv", t, strlen(t)));
    assert_int_equal(sc->extra_param_count, 2);
    assert_string_equal(sc->extra_params[1].name, "my_magnitude");
    assert_true(sc->extra_params[1].value == 1.5);
    assert_false(core_scenario_validate(sc));
    assert_non_null(strstr(core_error_get(), "kcal_need"));
    free(sc);
}

static void test_data_bad_number_duplicate_and_missing_source(void **state)
{
    (void)state;
    static CoreScenario sc;
    const char *bad[] = {
        "name,value,unit,kind,source\nkcal_need,21oo,kcal,assumption,x\n",
        "name,value,unit,kind,source\nkcal_need,1,kcal,assumption,x\nkcal_need,2,kcal,assumption,x\n",
        "name,value,unit,kind,source\nkcal_need,1,kcal,assumption,\n",
        "name,value,unit,kind,source\nkcal_need,1,kcal,guess,x\n",
        "name,value\nkcal_need,1\n",
        "name,value,unit,kind,source\nkcal_need,\"1,kcal\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&sc, 0, sizeof sc);
        assert_false(core_data_parse_params(&sc, "p.csv", bad[i], strlen(bad[i])));
        assert_non_null(strstr(core_error_get(), "p.csv"));
    }
}

static void test_data_missing_parameter_fails_validation(void **state)
{
    (void)state;
    CoreScenario *sc = fixture_scenario();
    sc->param_set[CORE_PARAM_kcal_need] = false;
    assert_false(core_scenario_validate(sc));
    assert_non_null(strstr(core_error_get(), "kcal_need"));
    assert_null(core_state_create(sc, 1));
    free(sc);
}

static void test_data_province_errors(void **state)
{
    (void)state;
    static CoreScenario sc;
    const char *head = "id,pop_1957,pop_provenance,pop_source,urban_share,urban_provenance,urban_source,"
                       "grain_1957_t,procurement_1957_t,sales_1957_t,grain_provenance,grain_source,cbr_base,cdr_base,"
                       "vital_provenance,vital_source,leadership,leadership_source,leap_reached,leap_source\n";
    const char *rows[] = {
        "x,1000,guessed,S,0.1,modelled,S,10,2,1,modelled,S,30,10,modelled,S,ordinary,S,1,S\n",
        "x,lots,recorded,S,0.1,modelled,S,10,2,1,modelled,S,30,10,modelled,S,ordinary,S,1,S\n",
        "x,1000,recorded,S,0.1,modelled,S,10,2,1,modelled,S,30,10,modelled,S,fanatic,S,1,S\n",
        "x,1000,recorded,S,0.1,modelled,S,10,20,1,modelled,S,30,10,modelled,S,ordinary,S,1,S\n",
        "x,1000,recorded,S,0.1,modelled,S,10,2,1,modelled,S,30,10,modelled,S,ordinary,S,2,S\n",
        /* One string, two rows: a duplicate id (the parentheses tell clang
         * the missing comma is meant). */
        ("x,1000,recorded,S,0.1,modelled,S,10,2,1,modelled,S,30,10,modelled,S,ordinary,S,1,S\n"
         "x,1000,recorded,S,0.1,modelled,S,10,2,1,modelled,S,30,10,modelled,S,ordinary,S,1,S\n"),
    };
    char buf[1024];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        memset(&sc, 0, sizeof sc);
        snprintf(buf, sizeof buf, "%s%s", head, rows[i]);
        assert_false(core_data_parse_provinces(&sc, "prov.csv", buf, strlen(buf)));
        assert_non_null(strstr(core_error_get(), "prov.csv:"));
    }
}

static void test_data_csv_survives_every_truncation(void **state)
{
    (void)state;
    size_t len;
    char *text = fixture_slurp("assets/data/provinces.csv", &len);
    assert_non_null(text);
    static CoreScenario sc;
    for (size_t cut = 0; cut < len; cut += 37) {
        memset(&sc, 0, sizeof sc);
        core_data_parse_provinces(&sc, "prov.csv", text, cut); /* must not crash or read past `cut` */
    }
    free(text);
}

/* docs/model.md documents every parameter the core declares. */
static void test_data_every_parameter_is_documented(void **state)
{
    (void)state;
    size_t len;
    char *doc = fixture_slurp("docs/model.md", &len);
    assert_non_null(doc);
    for (int i = 0; i < CORE_PARAM_COUNT; i++) {
        char needle[96];
        snprintf(needle, sizeof needle, "| `%s` |", core_param_info((CoreParam)i)->name);
        if (!strstr(doc, needle))
            fail_msg("docs/model.md does not document parameter %s", core_param_info((CoreParam)i)->name);
    }
    free(doc);
}

/* core_param_range, which the API reference prints, is the rule the
 * scenario's validation applies: each end accepted when closed and refused
 * when open, and a value just beyond either end refused. */
static void test_data_parameter_ranges_are_what_validation_accepts(void **state)
{
    (void)state;
    CoreScenario *sc = fixture_scenario();
    assert_non_null(sc);
    int shares = 0, months = 0, positive = 0;
    for (int p = 0; p < CORE_PARAM_COUNT; p++) {
        CoreParamRange r = core_param_range((CoreParam)p);
        double keep = sc->params[p];
        shares += r.hi == 1.0, months += r.lo == 1.0 && r.hi == 12.0, positive += r.lo_open;
        double probes[][2] = {{r.lo, !r.lo_open},
                              {r.lo - 0.5, 0},
                              {r.hi_open ? r.hi * (1 - 1e-9) : r.hi, 1},
                              {r.hi_open ? r.hi : r.hi + 0.5, 0}};
        for (size_t k = 0; k < sizeof probes / sizeof probes[0]; k++) {
            sc->params[p] = probes[k][0];
            bool ok = core_scenario_validate(sc);
            if (ok != (probes[k][1] != 0))
                fail_msg("parameter %s = %g: validation %s, the range [%g, %g] (open %d/%d) says otherwise",
                         core_param_info((CoreParam)p)->name, probes[k][0], ok ? "accepts" : "refuses", r.lo, r.hi,
                         r.lo_open, r.hi_open);
        }
        sc->params[p] = keep;
    }
    assert_true(core_scenario_validate(sc));
    /* The three kinds of rule are all in use. */
    assert_true(shares > 10);
    assert_int_equal(months, 4);
    assert_true(positive > 5);
    free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data_real_files_load_and_validate),
        cmocka_unit_test(test_data_unknown_parameter_names_line),
        cmocka_unit_test(test_data_bad_number_duplicate_and_missing_source),
        cmocka_unit_test(test_data_missing_parameter_fails_validation),
        cmocka_unit_test(test_data_province_errors),
        cmocka_unit_test(test_data_csv_survives_every_truncation),
        cmocka_unit_test(test_data_every_parameter_is_documented),
        cmocka_unit_test(test_data_parameter_ranges_are_what_validation_accepts),
    };
    return cmocka_run_group_tests_name("core_data", tests, NULL, NULL);
}
