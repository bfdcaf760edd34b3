/* Tests for the month's due events (script_events.c, game.c): every due
 * event is checked, however many there are, and the order is fair between
 * mods (docs/modding.md, "When events fire"). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mods/mod_fixture.h"

#define MANY 99 /* events of the first mod; the late mod's is the 100th */

static int setup(void **state)
{
    (void)state;
    return fixture_setup("events_due");
}

static int teardown(void **state)
{
    (void)state;
    return fixture_teardown();
}

/* An event of mod `mod` that can fire in January 1958 only. */
static void put_event(const char *mod, const char *id)
{
    char rel[256], text[512];
    snprintf(rel, sizeof rel, "%s/events/%s.lua", mod, id);
    snprintf(text, sizeof text,
             "return { id = \"%s\", when = { date = \"1958-01\", [\"until\"] = \"1958-01\" },\n"
             "  trigger = function(s) return true end,\n"
             "  options = { { id = \"yes\" }, { id = \"no\" } } }\n",
             id);
    fixture_put(rel, text);
}

/* A first mod with 99 events due in January 1958 and a later one (loaded
 * after it: by id) with one more, the 100th. */
static void put_mods(void)
{
    fixture_mod("aaa_many", NULL);
    for (int i = 0; i < MANY; i++) {
        char id[32];
        snprintf(id, sizeof id, "many_%02d", i);
        put_event("aaa_many", id);
    }
    fixture_mod("zzz_late", NULL);
    put_event("zzz_late", "late_event");
}

static Game *game_of(GameChooser chooser)
{
    const char *dirs[] = {fixture_path("aaa_many"), fixture_path("zzz_late")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 2,
                  .chooser = chooser, .host = {.on_error = fixture_on_error}};
    char err[1024] = "";
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    return g;
}

/* The engine once stopped looking at 64 due events a month: the later mod's
 * event never fired. Every one fires now. */
static void test_events_due_a_hundredth_event_of_a_late_mod_fires(void **state)
{
    (void)state;
    put_mods();
    Game *g = game_of(GAME_CHOOSE_HISTORY);
    char err[512];
    assert_true(game_advance(g, err, sizeof err));
    const CoreState *s = game_state(g);
    assert_non_null(core_decision_find(s, "late_event", -1));
    for (int i = 0; i < MANY; i++) {
        char id[32];
        snprintf(id, sizeof id, "many_%02d", i);
        if (!core_decision_find(s, id, -1))
            fail_msg("%s did not fire", id);
    }
    assert_string_equal(fixture_errors, "");
    game_destroy(g);
}

/* The order: round by round, one due event of each mod that has one left,
 * mods in load order; each mod's own events in the order it declares them. */
static void test_events_due_order_takes_turns_between_mods(void **state)
{
    (void)state;
    put_mods();
    Game *g = game_of(GAME_CHOOSE_PLAYER);
    ScriptHost *h = game_host(g);
    int n = game_pending_count(g);
    assert_true(n >= MANY + 1);
    int late_at = -1, last_many = -1, mods_first_round = 0;
    for (int i = 0; i < n; i++) {
        const ScriptEventInfo *e = script_event_at(h, game_pending_at(g, i)->event);
        if (strcmp(e->id, "late_event") == 0)
            late_at = i;
        if (strncmp(e->id, "many_", 5) == 0) {
            int k = atoi(e->id + 5);
            assert_int_equal(k, last_many + 1); /* declaration order */
            last_many = k;
        }
    }
    assert_int_equal(last_many, MANY - 1);
    /* In the first round: after at most one event of each mod loaded before it. */
    for (int i = 0; i < late_at; i++) {
        const ScriptEventInfo *e = script_event_at(h, game_pending_at(g, i)->event);
        mods_first_round++;
        for (int j = 0; j < i; j++)
            assert_string_not_equal(e->mod, script_event_at(h, game_pending_at(g, j)->event)->mod);
    }
    assert_true(late_at >= 0 && late_at == mods_first_round && late_at < script_mod_count(h));
    /* Every answer is taken; the month goes on. */
    while (game_pending_count(g) > 0)
        assert_true(game_choose(g, 0, 1));
    char err[512];
    assert_true(game_advance(g, err, sizeof err));
    const CoreDecision *d = core_decision_find(game_state(g), "late_event", -1);
    assert_non_null(d);
    assert_string_equal(d->option, "no");
    game_destroy(g);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_events_due_a_hundredth_event_of_a_late_mod_fires),
        T(test_events_due_order_takes_turns_between_mods),
    };
    return cmocka_run_group_tests_name("events_due", tests, NULL, NULL);
}
