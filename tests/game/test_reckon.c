/* The reckoning's re-runs (game_reckon.h): replaying a player's decisions
 * reproduces their run exactly, flipping one decision changes what it
 * should, and progress is reported to the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "game_reckon.h"

static GameDesc desc(void)
{
    return (GameDesc){.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
}

static Game *played_history(void)
{
    char err[512];
    GameDesc d = desc();
    Game *g = game_create(&d, err, sizeof err);
    if (!g || !game_run_until(g, 1962, 12, err, sizeof err))
        fail_msg("%s", err);
    return g;
}

static void test_replay_reproduces_the_played_run(void **state)
{
    (void)state;
    Game *g = played_history();
    double excess = game_excess_deaths(game_state(g), 1959, 1961) / 1e6;
    GameDesc d = desc();
    GameReckoning *r = game_reckon_create(&d, game_state(g), true);
    assert_non_null(r);
    assert_string_equal(game_reckon_error(r), "");
    assert_true(game_reckon_count(r) >= 20); /* history decides dozens of events */
    /* The first campaigns replay the played choices on seeds 1, 2, 3. */
    for (int i = 0; i < GAME_RECKON_SEEDS; i++)
        assert_true(game_reckon_step(r));
    double lo, hi;
    game_reckon_played_range(r, &lo, &hi);
    /* Seed 1 is the played run itself: the same choices give the same deaths. */
    assert_true(lo <= excess + 1e-9 && hi >= excess - 1e-9);
    assert_true(excess > 15 && excess < 45);
    game_reckon_destroy(r);
    game_destroy(g);
}

static void test_flipping_lushan_saves_lives_and_progress_ends(void **state)
{
    (void)state;
    Game *g = played_history();
    GameDesc d = desc();
    GameReckoning *r = game_reckon_create(&d, game_state(g), true);
    double last = -1;
    int steps = 0;
    while (game_reckon_step(r)) {
        double p = game_reckon_progress(r);
        assert_true(p > last && p <= 1.0);
        last = p;
        steps++;
    }
    assert_string_equal(game_reckon_error(r), "");
    assert_true(game_reckon_progress(r) == 1.0);
    assert_int_equal(steps + 1, GAME_RECKON_SEEDS * (1 + game_reckon_count(r)));
    const GameReckonItem *lushan = NULL;
    for (int i = 0; i < game_reckon_count(r); i++) {
        const GameReckonItem *it = game_reckon_item(r, i);
        assert_true(it->done);
        assert_true(it->change_min_m <= it->change_max_m);
        if (strcmp(it->event, "lushan") == 0)
            lushan = it;
    }
    assert_non_null(lushan);
    assert_string_equal(lushan->option, "purge_peng");
    assert_string_equal(lushan->flipped, "listen_to_peng");
    /* Hearing Peng lowers excess deaths on every seed (test_counterfactuals
     * bounds the size on seed 1). */
    assert_true(lushan->change_max_m < 0);
    print_message("lushan flipped: %.1f to %.1f M excess deaths\n", lushan->change_min_m, lushan->change_max_m);
    game_reckon_destroy(r);
    game_destroy(g);
}

static void test_board_changes_are_replayed(void **state)
{
    (void)state;
    /* A player who opened the granaries from the board in January 1959:
     * the replay must carry that change. */
    char err[512];
    GameDesc d = desc();
    Game *g = game_create(&d, err, sizeof err);
    assert_non_null(g);
    assert_true(game_run_until(g, 1958, 12, err, sizeof err));
    assert_true(game_set_policy(g, "open_granaries", true));
    assert_true(game_run_until(g, 1962, 12, err, sizeof err));
    double played = game_excess_deaths(game_state(g), 1959, 1961) / 1e6;
    /* The change is found in the state's effect log: no list is passed. */
    GameReckoning *r = game_reckon_create(&d, game_state(g), true);
    assert_true(game_reckon_step(r)); /* seed 1: the played run */
    double lo, hi;
    game_reckon_played_range(r, &lo, &hi);
    assert_true(fabs(lo - played) < 1e-9);
    /* And it really is the player's run, not history's. */
    Game *h = played_history();
    double history = game_excess_deaths(game_state(h), 1959, 1961) / 1e6;
    assert_true(fabs(history - played) > 1e-6);
    game_destroy(h);
    /* The board's change is one of the decisions the reckoning counts: tried
     * undone, the run is history's again. */
    int board = -1;
    for (int i = 0; i < game_reckon_count(r); i++)
        if (game_reckon_item(r, i)->policy)
            board = i;
    assert_true(board >= 0);
    const GameReckonItem *it = game_reckon_item(r, board);
    assert_string_equal(it->event, "open_granaries");
    assert_string_equal(it->option, "enact");
    assert_string_equal(it->month, "1959-01");
    while (game_reckon_step(r))
        ;
    assert_true(it->done);
    /* On seed 1 (one of the three) the change is history's run minus the played one. */
    assert_true(it->change_min_m - 1e-9 <= history - played && history - played <= it->change_max_m + 1e-9);
    game_reckon_destroy(r);
    game_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_reproduces_the_played_run),
        cmocka_unit_test(test_flipping_lushan_saves_lives_and_progress_ends),
        cmocka_unit_test(test_board_changes_are_replayed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
