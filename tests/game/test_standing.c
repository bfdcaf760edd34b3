/* The Party Center's standing with Mao (game_standing.c, docs/model.md
 * "Standing with Mao"): history's own choices keep it; moderating costs it,
 * the more so the harsher the climate; a centre that moderates everything,
 * or enacts seven moderating policies in May 1958, is purged; it changes
 * nothing in the simulation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "game.h"

static const char *const moderating[] = {"verify_harvests",   "open_granaries",       "private_plots_restored",
                                         "household_quotas",  "send_workers_home",    "sideline_occupations",
                                         "smaller_communes"};

/* A player's game to December 1962 or its purge: every card answered with
 * history's option or, `moderate`, with the one that costs the most
 * standing; in May 1958 `policies` of the moderating ones enacted. */
static GameStanding play(bool moderate, int policies, uint64_t *hash)
{
    /* History's timeline too, unless the player moderates (the free mode). */
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_PLAYER, .follow_history = !moderate};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    for (int m = 0; m < 60 && game_standing(g).purged_month < 0; m++) {
        while (game_pending_count(g) > 0) {
            const ScriptDue *due = game_pending_at(g, 0);
            const ScriptEventInfo *e = script_event_at(game_host(g), due->event);
            int pick = game_history_option(g, due);
            double lowest = 1e9;
            for (int o = 0; moderate && o < e->option_count; o++) {
                double change = game_option_standing(g, e->id, e->options[o].id, m);
                if (change < lowest)
                    lowest = change, pick = o;
            }
            assert_true(game_choose(g, 0, pick));
        }
        for (int i = 0; m == 4 && i < policies; i++)
            assert_true(game_set_policy(g, moderating[i], true));
        assert_true(game_advance(g, err, sizeof err));
    }
    GameStanding st = game_standing(g);
    if (hash)
        *hash = core_state_hash(game_state(g));
    game_destroy(g);
    return st;
}

static void test_history_keeps_the_standing(void **state)
{
    (void)state;
    GameStanding st = play(false, 0, NULL);
    print_message("history's choices: standing %.1f at the end\n", st.value);
    assert_int_equal(st.purged_month, -1);
    assert_true(st.value > 40);
}

static void test_moderating_everything_is_purged(void **state)
{
    (void)state;
    GameStanding st = play(true, 0, NULL);
    print_message("every moderating option: purged in month %d\n", st.purged_month);
    assert_true(st.purged_month >= 0 && st.purged_month < 24);
    assert_true(st.value == 0);
}

static void test_seven_good_policies_in_may_1958_are_purged(void **state)
{
    (void)state;
    GameStanding seven = play(true, 7, NULL), none = play(true, 0, NULL);
    print_message("seven moderating policies in May 1958: purged in month %d\n", seven.purged_month);
    assert_int_equal(seven.purged_month, 4);
    assert_true(seven.purged_month < none.purged_month);
}

static void test_moderating_costs_more_in_a_harsher_climate(void **state)
{
    (void)state;
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    assert_non_null(g);
    double early = game_policy_standing(g, "open_granaries", true, 0);
    assert_true(game_run_until(g, 1959, 9, err, sizeof err)); /* after Lushan */
    const CoreState *s = game_state(g);
    double later = game_policy_standing(g, "open_granaries", true, s->month);
    print_message("open the granaries: %.1f in January 1958, %.1f after Lushan (climate %.2f, %.2f)\n", early, later,
                  game_climate(s, 0), game_climate(s, s->month));
    assert_true(early < 0 && later < early);
    assert_true(game_climate(s, s->month) > game_climate(s, 0));
    /* Radical steps earn; a policy that leans nowhere costs nothing. */
    assert_true(game_policy_standing(g, "communes", true, s->month) > 0);
    assert_true(game_policy_standing(g, "open_granaries", false, s->month) > 0);
    assert_true(game_option_standing(g, "lushan", "listen_to_peng", s->month) <
                game_option_standing(g, "granaries", "open_the_granaries", s->month));
    game_destroy(g);
}

/* The standing is read from the run: it changes nothing in it (a player
 * taking history's options plays the historical run). */
static void test_standing_changes_nothing_in_the_simulation(void **state)
{
    (void)state;
    uint64_t a, b;
    play(false, 0, &a);
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    assert_true(game_run_until(g, 1962, 12, err, sizeof err));
    b = core_state_hash(game_state(g));
    game_destroy(g);
    assert_true(a == b);
}

/* Every option and policy the table weighs exists in the base game. */
static void test_the_table_follows_the_content(void **state)
{
    (void)state;
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    char err[512], first[96];
    Game *g = game_create(&d, err, sizeof err);
    assert_non_null(g);
    int unknown = game_standing_unknown(g, first, sizeof first);
    if (unknown)
        print_error("%d unknown, the first %s\n", unknown, first);
    assert_int_equal(unknown, 0);
    game_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_history_keeps_the_standing),
        cmocka_unit_test(test_moderating_everything_is_purged),
        cmocka_unit_test(test_seven_good_policies_in_may_1958_are_purged),
        cmocka_unit_test(test_moderating_costs_more_in_a_harsher_climate),
        cmocka_unit_test(test_standing_changes_nothing_in_the_simulation),
        cmocka_unit_test(test_the_table_follows_the_content),
    };
    return cmocka_run_group_tests_name("game_standing", tests, NULL, NULL);
}
