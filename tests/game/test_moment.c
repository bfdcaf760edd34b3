/* Saves that keep everything (game.c: game_moment, game_replay_journal):
 * a game taken at any moment of a month — some cards answered, others
 * waiting, policies changed from the board — and restored from the moment
 * goes on bit-identically to the game never saved; the order in which the
 * player answers a month's cards changes nothing; and a player who takes
 * history's option on every card plays the historical run exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game.h"

static Game *new_game(GameChooser chooser, bool history)
{
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 3, .chooser = chooser, .follow_history = history};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    return g;
}

/* History's option for a due event, as the historical run takes it. */
static int history_option(Game *twin, const ScriptDue *d) { return game_auto_option(twin, d); }

/* Answers every waiting card with history's option (from `twin`, a game of
 * the historical chooser), last card first when `backwards`. */
static void answer_all(Game *g, Game *twin, bool backwards)
{
    while (game_pending_count(g) > 0) {
        int i = backwards ? game_pending_count(g) - 1 : 0;
        assert_true(game_choose(g, i, history_option(twin, game_pending_at(g, i))));
    }
}

static void advance(Game *g)
{
    char err[512];
    if (!game_advance(g, err, sizeof err))
        fail_msg("game_advance: %s", err);
}

/* Restores a game from a moment of another. */
static Game *restore(Game *from)
{
    GameMoment m;
    char err[1024];
    if (!game_moment(from, &m, err, sizeof err))
        fail_msg("game_moment: %s", err);
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 3, .chooser = GAME_CHOOSE_PLAYER, .follow_history = true};
    CoreState *copy = core_state_clone(m.state);
    Game *g = game_restore_saved(&d, copy, m.mods, m.mod_count, err, sizeof err);
    if (!g)
        fail_msg("game_restore_saved: %s", err);
    if (!game_replay_journal(g, m.journal, m.journal_len, err, sizeof err))
        fail_msg("game_replay_journal: %s", err);
    game_moment_free(&m);
    return g;
}

/* The player answers history's option everywhere: the run is the
 * historical chooser's, month by month, whatever order the cards are
 * answered in. */
static void test_player_taking_history_plays_history(void **state)
{
    (void)state;
    Game *player = new_game(GAME_CHOOSE_PLAYER, true), *reversed = new_game(GAME_CHOOSE_PLAYER, true);
    Game *history = new_game(GAME_CHOOSE_HISTORY, true);
    int cards = 0;
    for (int m = 0; m < 30; m++) {
        cards += game_pending_count(player);
        answer_all(player, history, false);
        answer_all(reversed, history, true);
        advance(player);
        advance(reversed);
        advance(history);
        assert_true(core_state_hash(game_state(player)) == core_state_hash(game_state(history)));
        assert_true(core_state_hash(game_state(reversed)) == core_state_hash(game_state(history)));
    }
    assert_true(cards > 20); /* the months had cards to answer */
    game_destroy(player);
    game_destroy(reversed);
    game_destroy(history);
}

/* A moment in the middle of a month with several cards: half answered, a
 * policy changed; restored, it goes on as the game never saved. */
static void test_a_moment_goes_on_bit_identically(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_PLAYER, true), *history = new_game(GAME_CHOOSE_HISTORY, true);
    int checked = 0;
    for (int m = 0; m < 40; m++) {
        int n = game_pending_count(g);
        if (n >= 2) {
            /* Answer the first, change a policy, and take the moment. */
            assert_true(game_choose(g, 0, history_option(history, game_pending_at(g, 0))));
            assert_true(game_set_policy(g, "private_plots_restored", true));
            Game *back = restore(g);
            assert_int_equal(game_pending_count(back), n - 1);
            assert_int_equal(game_policy_queued(back, "private_plots_restored"), 1);
            /* Both finish the month the same way and go on. */
            answer_all(g, history, false);
            answer_all(back, history, false);
            for (int k = 0; k < 6; k++) {
                advance(g);
                advance(back);
                assert_true(core_state_hash(game_state(g)) == core_state_hash(game_state(back)));
                answer_all(g, history, false);
                answer_all(back, history, false);
            }
            game_destroy(back);
            checked++;
            break;
        }
        answer_all(g, history, false);
        advance(g);
        advance(history);
    }
    assert_int_equal(checked, 1); /* some month had two cards */
    game_destroy(g);
    game_destroy(history);
}

/* A journal step that no longer fits (an event the game does not have) is
 * refused with the step named. */
static void test_a_journal_that_does_not_fit_is_refused(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_PLAYER, false);
    char err[512] = "";
    const char *journal = "choose no_such_event - a\n";
    assert_false(game_replay_journal(g, journal, strlen(journal), err, sizeof err));
    assert_non_null(strstr(err, "choose no_such_event - a"));
    /* Lines of another layer (the app's view) are not the game's. */
    const char *view = "view mode death_rate\n";
    assert_true(game_replay_journal(g, view, strlen(view), err, sizeof err));
    game_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_player_taking_history_plays_history),
        cmocka_unit_test(test_a_moment_goes_on_bit_identically),
        cmocka_unit_test(test_a_journal_that_does_not_fit_is_refused),
    };
    return cmocka_run_group_tests_name("game_moment", tests, NULL, NULL);
}
