/* Tests for the model's pieces (core_farm.c, core_procure.c, core_food.c,
 * core_politics.c, core_lever.c, core_command.c): each compares a run with a
 * changed input against a baseline run, so that every assertion can fail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "test_fixture.h"

static void run_months(CoreState *s, int months, const CoreCommand *first, size_t n)
{
    for (int m = 0; m < months; m++)
        assert_true(core_tick(s, m == 0 ? first : NULL, m == 0 ? n : 0));
}

static int64_t national_field(const CoreState *s, int month, size_t offset)
{
    int64_t total = 0;
    for (int p = 0; p < s->province_count; p++)
        total += *(const int64_t *)((const char *)&s->hist[month][p] + offset);
    return total;
}
#define NATIONAL(s, m, field) national_field(s, m, offsetof(CoreProvinceMonth, field))

static void test_harvest_zero_labour_gives_zero_harvest(void **state)
{
    (void)state;
    CoreState *base = fixture_state(1), *idle = fixture_state(1);
    /* Everyone at furnaces and dams: no one left in the fields. */
    CoreCommand c[2] = {fixture_modifier(CORE_LEVER_labour_furnaces, CORE_OP_ADD, 0.6),
                        fixture_modifier(CORE_LEVER_labour_water, CORE_OP_ADD, 0.6)};
    run_months(base, 6, NULL, 0);
    run_months(idle, 6, c, 2);
    assert_true(NATIONAL(base, 5, harvest_kg) > 0);  /* June: the summer harvest */
    /* A campaign for all of China never reached Tibet (leap_reached). */
    for (int p = 0; p < idle->province_count; p++) {
        if (idle->info[p].leap_reached)
            assert_int_equal(idle->hist[5][p].harvest_kg, 0);
        else
            assert_int_equal(idle->hist[5][p].harvest_kg, base->hist[5][p].harvest_kg);
    }
    core_state_destroy(base);
    core_state_destroy(idle);
}

static void test_harvest_labour_shortage_leaves_grain_to_rot(void **state)
{
    (void)state;
    CoreState *base = fixture_state(1), *short_hands = fixture_state(1);
    CoreCommand c = fixture_modifier(CORE_LEVER_labour_furnaces, CORE_OP_ADD, 0.35);
    c.modifier.month_mask = 1u << 8; /* September only */
    run_months(base, 9, NULL, 0);
    run_months(short_hands, 9, &c, 1);
    assert_int_equal(NATIONAL(base, 8, rotted_kg), 0);
    assert_true(NATIONAL(short_hands, 8, rotted_kg) > 0);
    assert_true(NATIONAL(short_hands, 8, harvest_kg) < NATIONAL(base, 8, harvest_kg));
    core_state_destroy(base);
    core_state_destroy(short_hands);
}

static void test_procurement_follows_reports_but_is_capped_by_grain(void **state)
{
    (void)state;
    CoreState *s = fixture_state(1);
    CoreCommand c[3] = {fixture_modifier(CORE_LEVER_procurement_rate, CORE_OP_ADD, 0.9),
                        fixture_modifier(CORE_LEVER_report_inflation, CORE_OP_ADD, 5.0),
                        fixture_modifier(CORE_LEVER_seed_grain_taken, CORE_OP_ADD, 1.0)};
    for (int m = 0; m < 12; m++) {
        int64_t before_food[CORE_MAX_PROVINCES], before_seed[CORE_MAX_PROVINCES];
        for (int p = 0; p < s->province_count; p++) {
            before_food[p] = s->prov[p].rural_grain_kg;
            before_seed[p] = s->prov[p].seed_grain_kg;
        }
        assert_true(core_tick(s, m == 0 ? c : NULL, m == 0 ? 3 : 0));
        for (int p = 0; p < s->province_count; p++) {
            const CoreProvinceMonth *r = &s->hist[m][p];
            /* Never more than was there: stocks before, plus the harvest and relief. */
            assert_true(r->procured_kg <= before_food[p] + before_seed[p] + r->harvest_kg + r->relief_kg);
            assert_true(s->prov[p].rural_grain_kg >= 0 && s->prov[p].seed_grain_kg >= 0);
        }
    }
    core_state_destroy(s);
}

/* With high zeal and seed taken, procurement empties the seed reserve; with
 * the seed protected it does not. */
static void test_procurement_takes_seed_only_when_allowed(void **state)
{
    (void)state;
    CoreState *taken = fixture_state(1), *kept = fixture_state(1);
    CoreCommand c[4] = {fixture_modifier(CORE_LEVER_procurement_rate, CORE_OP_ADD, 0.9),
                        fixture_modifier(CORE_LEVER_report_inflation, CORE_OP_ADD, 5.0),
                        fixture_modifier(CORE_LEVER_zeal_push, CORE_OP_ADD, 1.0),
                        fixture_modifier(CORE_LEVER_seed_grain_taken, CORE_OP_ADD, 1.0)};
    CoreCommand pressure = fixture_modifier(CORE_LEVER_political_pressure, CORE_OP_ADD, 0.7);
    CoreCommand all[5] = {c[0], c[1], c[2], c[3], pressure};
    CoreCommand some[4] = {c[0], c[1], c[2], pressure};
    run_months(taken, 10, all, 5);
    run_months(kept, 10, some, 4);
    int64_t seed_taken = 0, seed_kept = 0;
    for (int p = 0; p < taken->province_count; p++) {
        seed_taken += taken->prov[p].seed_grain_kg;
        seed_kept += kept->prov[p].seed_grain_kg;
    }
    assert_true(seed_kept > 0);
    assert_true(seed_taken < seed_kept / 2);
    core_state_destroy(taken);
    core_state_destroy(kept);
}

/* What was harvested or imported is eaten, stored, sown, used by the state,
 * exported or lost to feed and waste: not one kilogram appears or vanishes. */
static void test_grain_is_conserved_exactly(void **state)
{
    (void)state;
    CoreState *s = fixture_state(3);
    int64_t start = core_grain_in_system_kg(s);
    CoreCommand c[6] = {fixture_modifier(CORE_LEVER_procurement_rate, CORE_OP_ADD, 0.2),
                        fixture_modifier(CORE_LEVER_exports_t_year, CORE_OP_ADD, 4e6),
                        fixture_modifier(CORE_LEVER_mess_halls, CORE_OP_ADD, 0.9),
                        fixture_modifier(CORE_LEVER_labour_furnaces, CORE_OP_ADD, 0.2),
                        fixture_modifier(CORE_LEVER_imports_t_year, CORE_OP_ADD, 1e6),
                        {.kind = CORE_CMD_TRANSFER, .from = CORE_HOLD_ABROAD, .to = CORE_HOLD_PROVINCE,
                         .province = 3, .amount = 12345.678}};
    CoreCommand out = {.kind = CORE_CMD_TRANSFER, .from = CORE_HOLD_PROVINCE, .from_province = 5,
                       .to = CORE_HOLD_ABROAD, .amount = 99999.0};
    CoreCommand relief = {.kind = CORE_CMD_TRANSFER, .from = CORE_HOLD_GRANARY, .to = CORE_HOLD_PROVINCE,
                          .province = 7, .amount = 1e9 - 1};
    for (int m = 0; m < 60; m++) {
        if (m == 0)
            core_tick(s, c, 6);
        else if (m == 13)
            core_tick(s, &out, 1);
        else if (m == 30)
            core_tick(s, &relief, 1);
        else
            core_tick(s, NULL, 0);
    }
    int64_t in = start + s->total_harvested_kg + s->total_imported_kg;
    int64_t out_total = core_grain_in_system_kg(s) + s->total_eaten_kg + s->total_feed_waste_kg + s->total_sown_kg +
                        s->total_urban_kg + s->total_exported_kg;
    assert_int_equal(in, out_total);
    assert_true(s->total_harvested_kg > 0 && s->total_exported_kg > 0 && s->total_imported_kg > 0);
    core_state_destroy(s);
}

static int64_t deaths_in(const CoreState *s, int first, int last)
{
    int64_t d = 0;
    for (int m = first; m <= last; m++)
        d += NATIONAL(s, m, deaths);
    return d;
}

/* Below the mortality threshold (health 0.9, about 1,900 kcal a day), each
 * cut in food raises deaths. */
static void test_mortality_rises_as_food_falls(void **state)
{
    (void)state;
    const double rations[] = {1.0, 0.65, 0.50, 0.38};
    int64_t previous = -1;
    double previous_kcal = 1e9;
    for (size_t i = 0; i < sizeof rations / sizeof rations[0]; i++) {
        CoreState *s = fixture_state(1);
        CoreCommand c[2] = {fixture_modifier(CORE_LEVER_consumption_mult, CORE_OP_MUL, rations[i]),
                            fixture_modifier(CORE_LEVER_nongrain_food_mult, CORE_OP_MUL, rations[i])};
        run_months(s, 12, c, 2);
        int64_t d = deaths_in(s, 3, 11);
        double kcal = s->hist[11][0].kcal_rural;
        assert_true(kcal < previous_kcal);
        assert_true(d > previous);
        previous = d;
        previous_kcal = kcal;
        core_state_destroy(s);
    }
}

static void test_fertility_falls_a_season_after_hunger(void **state)
{
    (void)state;
    CoreState *fed = fixture_state(1), *hungry = fixture_state(1);
    CoreCommand c = fixture_modifier(CORE_LEVER_consumption_mult, CORE_OP_MUL, 0.5);
    run_months(fed, 14, NULL, 0);
    run_months(hungry, 14, &c, 1);
    /* Births in the first months come from conceptions before the hunger. */
    assert_true(llabs(NATIONAL(hungry, 1, births) - NATIONAL(fed, 1, births)) <= NATIONAL(fed, 1, births) / 100);
    /* A year on, fewer children are born. */
    assert_true(NATIONAL(hungry, 13, births) < NATIONAL(fed, 13, births) * 9 / 10);
    core_state_destroy(fed);
    core_state_destroy(hungry);
}

static void test_reports_inflate_with_political_pressure(void **state)
{
    (void)state;
    CoreState *calm = fixture_state(1), *tense = fixture_state(1);
    CoreCommand c = fixture_modifier(CORE_LEVER_political_pressure, CORE_OP_ADD, 0.6);
    run_months(calm, 10, NULL, 0);
    run_months(tense, 10, &c, 1);
    assert_int_equal(NATIONAL(calm, 9, harvest_reported_kg), NATIONAL(calm, 9, harvest_kg));
    assert_true(NATIONAL(tense, 9, harvest_reported_kg) > NATIONAL(tense, 9, harvest_kg) * 5 / 4);
    core_state_destroy(calm);
    core_state_destroy(tense);
}

static void test_killing_sparrows_brings_pests(void **state)
{
    (void)state;
    CoreState *s = fixture_state(1);
    s->params[CORE_PARAM_pest_growth] = 0.05; /* the mechanism, whatever the calibration */
    CoreCommand c = fixture_modifier(CORE_LEVER_sparrow_kill, CORE_OP_ADD, 0.3);
    run_months(s, 18, &c, 1);
    for (int p = 0; p < s->province_count; p++) {
        if (!s->info[p].leap_reached) { /* the campaign never came */
            assert_true(s->prov[p].sparrows == 1.0);
            continue;
        }
        assert_true(s->prov[p].sparrows < 0.2);
        assert_true(s->prov[p].pests > 0.3);
    }
    core_state_destroy(s);
}

static void test_policy_enact_repeal_and_explain(void **state)
{
    (void)state;
    CoreState *s = fixture_state(1);
    CoreModifierDesc m = {CORE_LEVER_yield_mult, CORE_OP_MUL, 0.9, CORE_ALL_PROVINCES, 0, CORE_SCALE_NONE};
    int idx = core_policy_register(s, "test_policy", &m, 1);
    assert_true(idx >= 0);
    assert_true(core_lever_value(s, CORE_LEVER_yield_mult, 0) == 1.0);
    CoreCommand enact = {.kind = CORE_CMD_POLICY_ENACT, .policy = idx, .source = "event:test/yes"};
    core_apply_commands(s, &enact, 1);
    assert_true(fabs(core_lever_value(s, CORE_LEVER_yield_mult, 0) - 0.9) < 1e-12);
    CoreExplainItem items[4];
    assert_int_equal(core_lever_explain(s, CORE_LEVER_yield_mult, 0, items, 4), 1);
    assert_string_equal(items[0].source, "policy:test_policy");
    /* The enactment itself was logged with its cause. */
    const CoreEffectEntry *e = &s->effects[s->effect_count - 1];
    assert_int_equal(e->kind, CORE_CMD_POLICY_ENACT);
    assert_string_equal(core_source_name(s, e->source), "event:test/yes");
    CoreCommand repeal = {.kind = CORE_CMD_POLICY_REPEAL, .policy = idx, .source = "test"};
    core_apply_commands(s, &repeal, 1);
    assert_true(core_lever_value(s, CORE_LEVER_yield_mult, 0) == 1.0);
    assert_int_equal(core_lever_explain(s, CORE_LEVER_yield_mult, 0, items, 4), 0);
    core_state_destroy(s);
}

static void test_invalid_commands_are_skipped(void **state)
{
    (void)state;
    CoreState *a = fixture_state(9), *b = fixture_state(9);
    CoreCommand bad[5] = {
        {.kind = CORE_CMD_POLICY_ENACT, .policy = 99},
        fixture_modifier(CORE_LEVER_yield_mult, CORE_OP_MUL, NAN),
        {.kind = CORE_CMD_ADJUST, .var = CORE_VAR_zeal, .op = CORE_OP_ADD, .amount = 0.1, .province = 500},
        {.kind = CORE_CMD_TRANSFER, .from = CORE_HOLD_GRANARY, .to = CORE_HOLD_GRANARY, .amount = 5},
        {.kind = (CoreCommandKind)77},
    };
    bad[1].modifier.lever = CORE_LEVER_yield_mult;
    run_months(a, 3, bad, 5);
    run_months(b, 3, NULL, 0);
    assert_true(core_state_hash(a) != 0);
    /* Nothing but the (empty) month history differs: the simulation is the same. */
    for (int p = 0; p < a->province_count; p++)
        assert_int_equal(a->prov[p].rural_pop, b->prov[p].rural_pop);
    core_state_destroy(a);
    core_state_destroy(b);
}

static void test_same_seed_and_commands_give_identical_states(void **state)
{
    (void)state;
    CoreState *a = fixture_state(11), *b = fixture_state(11), *c = fixture_state(12);
    CoreCommand cmd = fixture_modifier(CORE_LEVER_labour_furnaces, CORE_OP_ADD, 0.1);
    run_months(a, 60, &cmd, 1);
    run_months(b, 60, &cmd, 1);
    run_months(c, 60, &cmd, 1);
    assert_true(core_state_hash(a) == core_state_hash(b));
    assert_true(core_state_hash(a) != core_state_hash(c)); /* the weather differs */
    core_state_destroy(a);
    core_state_destroy(b);
    core_state_destroy(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_harvest_zero_labour_gives_zero_harvest),
        cmocka_unit_test(test_harvest_labour_shortage_leaves_grain_to_rot),
        cmocka_unit_test(test_procurement_follows_reports_but_is_capped_by_grain),
        cmocka_unit_test(test_procurement_takes_seed_only_when_allowed),
        cmocka_unit_test(test_grain_is_conserved_exactly),
        cmocka_unit_test(test_mortality_rises_as_food_falls),
        cmocka_unit_test(test_fertility_falls_a_season_after_hunger),
        cmocka_unit_test(test_reports_inflate_with_political_pressure),
        cmocka_unit_test(test_killing_sparrows_brings_pests),
        cmocka_unit_test(test_policy_enact_repeal_and_explain),
        cmocka_unit_test(test_invalid_commands_are_skipped),
        cmocka_unit_test(test_same_seed_and_commands_give_identical_states),
    };
    return cmocka_run_group_tests_name("core_model", tests, NULL, NULL);
}
