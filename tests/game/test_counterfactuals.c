/* Counterfactuals. Runs with one of history's choices changed must change
 * the famine's excess deaths (1959-1961, against each province's 1956-57
 * rate) by a plausible amount, averaged over seeds 1-3, and a run that
 * refuses the whole Great Leap must stay on the 1957 trend. The bands are
 * judgements from the literature summarised in docs/model.md, not records:
 * they catch a model that says a choice did nothing, or everything, or the
 * wrong thing. Each case plays whole campaigns next to history's, seed by seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "game.h"
#include "game_reckon.h"
#include "game_shapley.h"

#define SEEDS 3

typedef struct Choice {
    const char *event, *option;
} Choice;

static Game *new_game(uint64_t seed)
{
    char err[512];
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = seed, .chooser = GAME_CHOOSE_HISTORY};
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

static double excess_m(Game *g)
{
    return game_excess_deaths(game_state(g), 1959, 1961) / 1e6;
}

/* History's excess deaths on seeds 1..SEEDS, computed once. */
static double history_m(int seed)
{
    static double cache[SEEDS + 1];
    static bool done[SEEDS + 1];
    if (!done[seed]) {
        Game *g = new_game((uint64_t)seed);
        run_to(g, 1962, 12);
        cache[seed] = excess_m(g);
        done[seed] = true;
        game_destroy(g);
    }
    return cache[seed];
}

/* A counterfactual: choices forced from the start, and a policy repealed
 * from a month (NULL: none). Returns the mean over seeds of history's excess
 * deaths minus this run's: the lives the change saved, millions. */
static double saved_m(const char *what, const Choice *choices, int n, const char *repeal, int year, int month)
{
    double sum = 0;
    /* As a choices file: history's options but these, from the first month
     * (game_force_choice comes too late for January 1958's events). */
    static ScriptChoices c;
    memset(&c, 0, sizeof c);
    c.historical_base = true;
    for (int i = 0; i < n; i++) {
        snprintf(c.overrides[i].event, sizeof c.overrides[i].event, "%s", choices[i].event);
        snprintf(c.overrides[i].option, sizeof c.overrides[i].option, "%s", choices[i].option);
    }
    c.override_count = n;
    for (int seed = 1; seed <= SEEDS; seed++) {
        char err[512];
        GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = (uint64_t)seed, .chooser = GAME_CHOOSE_HISTORY,
                      .choices = &c};
        Game *g = game_create(&d, err, sizeof err);
        if (!g)
            fail_msg("game_create: %s", err);
        if (repeal) {
            run_to(g, year, month - 1);
            assert_true(game_set_policy(g, repeal, false));
        }
        run_to(g, 1962, 12);
        sum += history_m(seed) - excess_m(g);
        game_destroy(g);
    }
    double saved = sum / SEEDS;
    print_message("%s: %.3f M lives saved, mean of seeds 1-%d\n", what, saved, SEEDS);
    return saved;
}

static void expect_saved(const char *what, const Choice *c, int n, double lo, double hi)
{
    double saved = saved_m(what, c, n, NULL, 0, 0);
    if (!(saved >= lo && saved <= hi))
        fail_msg("%s: %.2f M lives saved, expected %g to %g", what, saved, lo, hi);
}

static void test_quotas_on_recounted_harvests(void **state)
{
    (void)state;
    static const Choice c[] = {{"harvest_claims", "order_a_recount"}};
    expect_saved("quotas set on recounted harvests", c, 1, 2, 15);
}

/* The README's example: exports stopped from September 1959. What the state
 * no longer ships stays in its granaries or in the villages. */
static void test_grain_exports_stopped_from_september_1959(void **state)
{
    (void)state;
    double saved = saved_m("grain exports stopped from September 1959", NULL, 0, "grain_exports", 1959, 9);
    if (!(saved >= 0.3 && saved <= 5))
        fail_msg("exports stopped from September 1959: %.2f M lives saved, expected 0.3 to 5", saved);
}

/* The 1961-62 imports (10.7 Mt) let the quotas fall and the resale go on
 * while the state's stocks were at the record's level (docs/model.md, "The
 * state's grain account"): refused, they cost at least 0.3 M lives (issue 10). */
static void test_imports_refused_cost_lives(void **state)
{
    (void)state;
    static const Choice c[] = {{"grain_imports", "no_imports"}};
    double saved = saved_m("the 1961-62 imports refused", c, 1, NULL, 0, 0);
    if (!(saved <= -0.3))
        fail_msg("refusing the 1961-62 imports: %.3f M lives saved, expected at most -0.3 (a cost of 0.3 M or more)",
                 saved);
}

static void test_japan_wheat_saves_some(void **state)
{
    (void)state;
    static const Choice c[] = {{"japan_wheat", "accept"}};
    double saved = saved_m("Japan's wheat accepted", c, 1, NULL, 0, 0);
    if (!(saved > 0 && saved < 0.3))
        fail_msg("Japan's 0.1 Mt of wheat: %.3f M lives saved, expected some and less than 0.3 M", saved);
}

/* Leaving land fallow cut the harvest (R28): sowing every field cannot
 * cost lives. */
static void test_sowing_every_field_adds_no_deaths(void **state)
{
    (void)state;
    static const Choice c[] = {{"leave_land_fallow", "sow_every_field"}};
    double saved = saved_m("every field sown", c, 1, NULL, 0, 0);
    if (!(saved >= 0))
        fail_msg("sowing every field: %.3f M lives saved; it must not add deaths", saved);
}

static void test_granaries_opened(void **state)
{
    (void)state;
    static const Choice c[] = {{"granaries", "open_the_granaries"}};
    expect_saved("state granaries opened", c, 1, 1, 20);
}

/* The furnaces were wound down from December 1958 into early 1959 (issue
 * 11), so halting them in January 1959 changes little: the campaign's cost
 * was the labour of the autumn of 1958. Never lighting them saves lives. */
static void test_furnaces_never_lit(void **state)
{
    (void)state;
    static const Choice c[] = {{"beidaihe_steel", "modern_plants_only"}};
    expect_saved("no backyard furnaces (modern plants only)", c, 1, 0.3, 8);
}

/* Heard at Lushan, Peng's letter would have ended procurement on the claims
 * and the "eat your fill" mess halls in the summer of 1959, before the
 * Anti-Right campaign turned the crisis of 1959 into the catastrophe of 1960
 * (Yang Jisheng; MacFarquhar, vol. 2). Most of 1960's deaths, not 1959's:
 * between a tenth and two thirds of history's toll. */
static void test_peng_heard_at_lushan(void **state)
{
    (void)state;
    static const Choice c[] = {{"lushan", "listen_to_peng"}};
    expect_saved("Peng Dehuai heard at Lushan", c, 1, 3, 20);
}

/* Aid in 1960 is grain bought a year early (5.81 Mt): it saves lives in
 * proportion to its tonnage, more than Japan's 0.1 Mt. */
static void test_aid_accepted(void **state)
{
    (void)state;
    static const Choice c[] = {{"foreign_aid", "accept_help"}};
    expect_saved("foreign aid accepted", c, 1, 0.3, 6);
}

/* A choice with the wrong sign is a bug: every option that moderated the
 * Leap (by the sources in docs/model.md and the event files) must not cost
 * lives, on the mean of seeds 1-3. The tolerance, 0.1 M, is well under a
 * percent of history's toll: it allows the ripples of a small change, not a
 * reversal. */
static void test_moderating_choices_never_cost_lives(void **state)
{
    (void)state;
    static const Choice moderate[] = {
        {"general_line", "moderate_pace"},         {"chayashan", "wait_and_see"},
        {"four_pests", "spare_sparrows"},          {"sputnik_yields", "send_inspectors"},
        {"overtake_britain", "fifteen_years"},     {"close_planting", "ask_agronomists"},
        {"communes_are_good", "keep_cooperatives"}, {"peoples_daily_photo", "withhold"},
        {"beidaihe_steel", "modern_plants_only"},  {"hefei_furnace", "test_the_steel"},
        {"five_meals", "keep_work_points"},        {"deep_ploughing_praise", "field_trials_only"},
        {"water_conservancy_drive", "engineers_first"}, {"harvest_claims", "order_a_recount"},
        {"leave_land_fallow", "sow_every_field"},  {"anti_concealment", "believe_the_peasants"},
        {"one_third", "lower_the_quotas"},         {"lushan", "listen_to_peng"},
        {"anti_right", "keep_it_at_lushan"},       {"granaries", "open_the_granaries"},
        {"xinyang", "stop_the_seizures"},          {"sichuan_transfers", "keep_it_in_sichuan"},
        {"foreign_aid", "accept_help"},            {"japan_wheat", "accept"},
    };
    int wrong = 0;
    for (size_t i = 0; i < sizeof moderate / sizeof moderate[0]; i++) {
        char what[128];
        snprintf(what, sizeof what, "%s: %s", moderate[i].event, moderate[i].option);
        double saved = saved_m(what, &moderate[i], 1, NULL, 0, 0);
        if (saved < -0.1) {
            print_message("WRONG SIGN: %s costs %.2f M lives\n", what, -saved);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

/* The Shapley decomposition shares out exactly the difference between
 * history and the run with every group changed, on every seed, and the
 * spread it reports holds its mean. */
static void test_what_mattered_adds_up(void **state)
{
    (void)state;
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .chooser = GAME_CHOOSE_HISTORY};
    GameShapley *sh = game_shapley_create(&d);
    assert_non_null(sh);
    int steps = 0;
    while (game_shapley_step(sh))
        steps++;
    assert_string_equal(game_shapley_error(sh), "");
    assert_true(game_shapley_done(sh));
    assert_int_equal(steps + 1, (1 << GAME_SHAPLEY_GROUPS) * GAME_SHAPLEY_SEEDS);
    double history, none, sum = 0;
    game_shapley_totals(sh, &history, &none);
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++) {
        const GameShapleyGroup *g = game_shapley_group(sh, i);
        print_message("what mattered: %-12s %6.2f M (%.2f to %.2f)\n", g->id, g->mean_m, g->min_m, g->max_m);
        assert_true(g->min_m <= g->mean_m + 1e-9 && g->mean_m <= g->max_m + 1e-9);
        sum += g->mean_m;
    }
    print_message("history %.2f M, every group changed %.2f M\n", history, none);
    assert_true(fabs(sum - (history - none)) < 1e-6);
    /* History's toll is the record's order of magnitude (S17: about 30 M). */
    assert_true(history > 15 && history < 45);
    game_shapley_destroy(sh);
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
    Game *g = new_game(1);
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
        cmocka_unit_test(test_grain_exports_stopped_from_september_1959),
        cmocka_unit_test(test_imports_refused_cost_lives),
        cmocka_unit_test(test_japan_wheat_saves_some),
        cmocka_unit_test(test_sowing_every_field_adds_no_deaths),
        cmocka_unit_test(test_granaries_opened),
        cmocka_unit_test(test_furnaces_never_lit),
        cmocka_unit_test(test_peng_heard_at_lushan),
        cmocka_unit_test(test_aid_accepted),
        cmocka_unit_test(test_no_great_leap_stays_on_the_1957_trend),
        cmocka_unit_test(test_moderating_choices_never_cost_lives),
        cmocka_unit_test(test_what_mattered_adds_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
