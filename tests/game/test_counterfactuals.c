/* Counterfactuals (issue 4). Runs with one of history's choices changed must
 * lower the famine's excess deaths (1959-1961, against the 1956-57 death
 * rate of S01) by a plausible amount, and a run that refuses the whole Great
 * Leap must stay on the 1957 trend. The bands are loose judgements from the
 * literature summarised in docs/calibration.md ("Counterfactuals"), not
 * records: they catch a model that says a choice did nothing, or everything.
 * Each case plays a whole campaign next to history's, with the same seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>

#include "game.h"

#define BASE_CDR ((11.40 + 10.80) / 2) /* 1956 and 1957, national.csv (S01) */

typedef struct Choice {
    const char *event, *option;
} Choice;

static Game *new_game(void)
{
    char err[512];
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    return g;
}

static void force(Game *g, const Choice *choices, int n)
{
    char err[512];
    for (int i = 0; i < n; i++)
        if (!game_force_choice(g, choices[i].event, choices[i].option, err, sizeof err))
            fail_msg("%s/%s: %s", choices[i].event, choices[i].option, err);
}

static void run_to(Game *g, int year, int month)
{
    char err[512];
    if (!game_run_until(g, year, month, err, sizeof err))
        fail_msg("game_run_until: %s", err);
}

/* Deaths 1959-1961 above the 1956-57 rate on the mid-year population,
 * millions. */
static double excess_deaths_m(const CoreState *s)
{
    double excess = 0;
    for (int year = 1959; year <= 1961; year++) {
        CoreYear y;
        assert_true(core_year_summary(s, year, CORE_ALL_PROVINCES, &y));
        double mid = 0.5 * (double)(y.population_start + y.population);
        excess += (double)y.deaths - BASE_CDR / 1000.0 * mid;
    }
    return excess / 1e6;
}

static double history_excess_m(void)
{
    Game *g = new_game();
    run_to(g, 1962, 12);
    double e = excess_deaths_m(game_state(g));
    game_destroy(g);
    return e;
}

/* One counterfactual: `fewer` million fewer excess deaths than history, from
 * lo to hi. */
static void expect_fewer(const char *what, const Choice *choices, int n, double lo, double hi)
{
    double history = history_excess_m();
    Game *g = new_game();
    force(g, choices, n);
    run_to(g, 1962, 12);
    double changed = excess_deaths_m(game_state(g));
    game_destroy(g);
    double fewer = history - changed;
    print_message("%s: %.2f M fewer excess deaths (history %.2f M, this run %.2f M; plausible %g to %g)\n", what,
                  fewer, history, changed, lo, hi);
    if (!(fewer >= lo && fewer <= hi))
        fail_msg("%s: %.2f M fewer excess deaths, expected %g to %g", what, fewer, lo, hi);
}

static void test_quotas_on_recounted_harvests(void **state)
{
    (void)state;
    static const Choice c[] = {{"harvest_claims", "order_a_recount"}};
    expect_fewer("quotas set on recounted harvests", c, 1, 2, 12);
}

static void test_grain_exports_stopped(void **state)
{
    (void)state;
    static const Choice c[] = {{"grain_exports", "stop_exports"}};
    expect_fewer("grain exports stopped", c, 1, 0.3, 5);
}

static void test_granaries_opened(void **state)
{
    (void)state;
    static const Choice c[] = {{"granaries", "open_the_granaries"}};
    expect_fewer("state granaries opened", c, 1, 3, 20);
}

static void test_furnaces_halted_after_manchuria(void **state)
{
    (void)state;
    static const Choice c[] = {{"manchuria_steelworks", "halt_the_furnaces"}};
    expect_fewer("furnaces halted after the Manchuria visit", c, 1, 0.3, 5);
}

static void test_peng_heard_at_lushan(void **state)
{
    (void)state;
    static const Choice c[] = {{"lushan", "listen_to_peng"}};
    expect_fewer("Peng Dehuai heard at Lushan", c, 1, 3, 15);
}

static void test_aid_accepted(void **state)
{
    (void)state;
    static const Choice c[] = {{"foreign_aid", "accept_help"}, {"japan_wheat", "accept"}};
    expect_fewer("foreign aid and Japan's wheat accepted", c, 2, 0.5, 6);
}

/* Every campaign of the Leap refused: the deaths stay at the 1957 level and
 * the population grows as it did in 1957. */
static void test_no_great_leap_stays_on_the_1957_trend(void **state)
{
    (void)state;
    static const Choice c[] = {
        {"general_line", "moderate_pace"},         {"communes_are_good", "keep_cooperatives"},
        {"beidaihe_steel", "modern_plants_only"},  {"hefei_furnace", "test_the_steel"},
        {"overtake_britain", "fifteen_years"},     {"close_planting", "ask_agronomists"},
        {"deep_ploughing_praise", "field_trials_only"}, {"leave_land_fallow", "sow_every_field"},
        {"four_pests", "spare_sparrows"},          {"water_conservancy_drive", "engineers_first"},
        {"chayashan", "wait_and_see"},             {"five_meals", "keep_work_points"},
        {"sputnik_yields", "send_inspectors"},     {"peoples_daily_photo", "withhold"},
        {"harvest_claims", "order_a_recount"},     {"anti_concealment", "believe_the_peasants"},
        {"lushan", "listen_to_peng"},              {"anti_right", "keep_it_at_lushan"},
        {"cadres_replaced", "hear_them_out"},      {"dams_give_way", "call_the_engineers"},
        {"statistics_destroyed", "report_the_truth"}, {"xinyang", "stop_the_seizures"},
        {"sichuan_transfers", "keep_it_in_sichuan"},
    };
    Game *g = new_game();
    force(g, c, (int)(sizeof c / sizeof c[0]));
    /* The scenario's timeline recruits peasants into the cities from March
     * 1958; without the Leap, nobody does. */
    run_to(g, 1958, 3);
    assert_true(game_set_policy(g, "industrial_recruitment", false));
    run_to(g, 1962, 12);
    const CoreState *s = game_state(g);
    for (int year = 1958; year <= 1962; year++) {
        CoreYear y;
        assert_true(core_year_summary(s, year, CORE_ALL_PROVINCES, &y));
        if (y.crude_death_rate > 1.1 * 10.80)
            fail_msg("%d: death rate %.2f, above 1957's 10.80 (S01) by more than 10%%", year, y.crude_death_rate);
    }
    /* 1957's natural growth, 23.23 per 1000, from 646.53 million (S01). */
    double trend = 646.53e6;
    for (int i = 0; i < 5; i++)
        trend *= 1.0 + 23.23 / 1000.0;
    CoreYear y1962;
    assert_true(core_year_summary(s, 1962, CORE_ALL_PROVINCES, &y1962));
    print_message("no Great Leap: population at the end of 1962 %.1f M, 1957 trend %.1f M\n",
                  (double)y1962.population / 1e6, trend / 1e6);
    if ((double)y1962.population < 0.97 * trend || (double)y1962.population > 1.03 * trend)
        fail_msg("population %.1f M is not within 3%% of the 1957 trend %.1f M", (double)y1962.population / 1e6,
                 trend / 1e6);
    game_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotas_on_recounted_harvests),
        cmocka_unit_test(test_grain_exports_stopped),
        cmocka_unit_test(test_granaries_opened),
        cmocka_unit_test(test_furnaces_halted_after_manchuria),
        cmocka_unit_test(test_peng_heard_at_lushan),
        cmocka_unit_test(test_aid_accepted),
        cmocka_unit_test(test_no_great_leap_stays_on_the_1957_trend),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
