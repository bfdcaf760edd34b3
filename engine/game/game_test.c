/* game_test.c — runs Lua test files headless: every test gets a fresh game
 * (its own seed and choices) and a `t` object whose calls drive it. */
#include "game.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TESTS 256

/* A game a test drives, and how it was made (so t:fresh can make another). */
typedef struct TestGame {
    Game *g;
    GameDesc desc;
} TestGame;

static Game *game_of(void *ctx) { return ((TestGame *)ctx)->g; }

static bool op_advance_to(void *ctx, int year, int month, char *err, size_t cap)
{
    return game_run_until(game_of(ctx), year, month, err, cap);
}

static bool op_force_choice(void *ctx, const char *event, const char *option, char *err, size_t cap)
{
    return game_force_choice(game_of(ctx), event, option, err, cap);
}

static bool op_set_policy(void *ctx, const char *policy, bool enact, char *err, size_t cap)
{
    if (!game_set_policy(game_of(ctx), policy, enact))
        return snprintf(err, cap, "unknown policy '%s'", policy), false;
    return true;
}

static CoreState *op_state(void *ctx) { return game_core(game_of(ctx)); }

static bool op_reload(void *ctx, char *err, size_t cap) { return game_reload(game_of(ctx), err, cap); }

static void *op_fresh(void *ctx, char *err, size_t cap)
{
    TestGame *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    t->desc = ((TestGame *)ctx)->desc;
    t->g = game_create(&t->desc, err, cap);
    if (!t->g) {
        free(t);
        return NULL;
    }
    return t;
}

static void op_release(void *ctx)
{
    TestGame *t = ctx;
    game_destroy(t->g);
    free(t);
}

static const ScriptTestOps ops = {op_advance_to, op_force_choice, op_set_policy, op_state,
                                  op_reload,     op_fresh,        op_release};

/* The index of the mod whose sandbox runs the tests: `mod_id`, or the base
 * game when it is NULL. */
static int test_mod(Game *g, const char *mod_id, char *err, size_t cap)
{
    int mod = mod_id ? script_mod_find(game_host(g), mod_id) : 0;
    if (mod < 0)
        snprintf(err, cap, "mod '%s' is not loaded", mod_id);
    return mod;
}

bool game_run_test_file(const GameDesc *base, const char *path, const char *display, int *passed, int *failed)
{
    return game_run_mod_test_file(base, NULL, path, display, passed, failed);
}

bool game_run_mod_test_file(const GameDesc *base, const char *mod_id, const char *path, const char *display,
                            int *passed, int *failed)
{
    char err[1024] = "";
    ScriptTestInfo *tests = calloc(MAX_TESTS, sizeof *tests);
    Game *lister = tests ? game_create(base, err, sizeof err) : NULL;
    int mod = lister ? test_mod(lister, mod_id, err, sizeof err) : -1;
    int n = mod >= 0 ? script_test_list_in(game_host(lister), mod, path, display, tests, MAX_TESTS, err, sizeof err)
                     : -1;
    game_destroy(lister);
    if (n < 0) {
        printf("FAIL %s: %s\n", display, err[0] ? err : "cannot read the tests");
        (*failed)++;
        free(tests);
        return false;
    }
    for (int i = 0; i < n; i++) {
        GameDesc d = *base;
        d.seed = tests[i].seed;
        d.scenario = tests[i].scenario;
        d.chooser = strcmp(tests[i].choices, "defaults") == 0 ? GAME_CHOOSE_DEFAULTS : GAME_CHOOSE_HISTORY;
        Game *g = game_create(&d, err, sizeof err);
        TestGame tg = {g, d};
        char report[2048] = "";
        mod = g ? test_mod(g, mod_id, err, sizeof err) : -1;
        bool ok = mod >= 0 && script_test_run_in(game_host(g), mod, path, display, i, &ops, &tg, report, sizeof report);
        if (mod < 0)
            snprintf(report, sizeof report, "%s", err);
        printf("%s %s: %s%s%s\n", ok ? "PASS" : "FAIL", display, tests[i].name, ok ? "" : ": ", ok ? "" : report);
        fflush(stdout);
        if (ok)
            (*passed)++;
        else
            (*failed)++;
        game_destroy(g);
    }
    free(tests);
    return true;
}
