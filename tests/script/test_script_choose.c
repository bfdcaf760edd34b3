/* Tests for a month's fires run together (script_choose.c): the same
 * commands and decisions, in the same order, as one fire after another; a
 * view or fx kept from one fire is stale in the next fire of the same run;
 * a fire whose effects fail takes back its own commands only, keeps its
 * decision, disables its event and is reported with its event and option,
 * and the fires after it still run. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "game.h"

static char mod_dir[256];
static char last_error[512];
static int error_count;

static void on_error(const ScriptError *e, void *user)
{
    (void)user;
    snprintf(last_error, sizeof last_error, "%.200s:%d: %.200s (%.80s)", e->file, e->line, e->message, e->context);
    error_count++;
}

static void put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", mod_dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* t_keep keeps its fx, s and province view; t_fail fails in Henan after
 * queuing a change; t_plain changes pests; t_none runs no effects; t_stale
 * (national) tries what t_keep kept and says what worked in the amount it
 * queues (0.5 when nothing did). */
static int setup(void **state)
{
    (void)state;
    snprintf(mod_dir, sizeof mod_dir, "/tmp/gl_test_choose_%d", (int)getpid());
    char events[300];
    snprintf(events, sizeof events, "%s/events", mod_dir);
    mkdir(mod_dir, 0700);
    mkdir(events, 0700);
    put("mod.lua", "return { id = \"t_choose\", name = \"Choose\", version = \"1.0.0\", api_version = 1 }\n");
    put("keep.lua", "return {}\n");
    put("events/keep.lua",
        "local keep = require(\"keep\")\n"
        "return { id = \"t_keep\", scope = \"province\", when = { date = \"1958-01\" },\n"
        "  options = { { id = \"go\", effects = function(s, fx, p)\n"
        "    keep.fx, keep.s, keep.p = fx, s, p\n"
        "    fx:adjust{ var = \"pests\", add = -0.001, province = p.id }\n"
        "  end } } }\n");
    put("events/fail.lua",
        "return { id = \"t_fail\", scope = \"province\", when = { date = \"1958-01\" },\n"
        "  options = { { id = \"go\", effects = function(s, fx, p)\n"
        "    fx:modifier{ lever = \"zeal_push\", add = 0.001, province = p.id, months = 2 }\n"
        "    if p.id == \"henan\" then error(\"boom in \" .. p.id) end\n"
        "  end } } }\n");
    put("events/plain.lua",
        "return { id = \"t_plain\", scope = \"province\", when = { date = \"1958-01\" },\n"
        "  options = { { id = \"go\", effects = function(s, fx, p)\n"
        "    fx:adjust{ var = \"pests\", add = 0.002, province = p.id }\n"
        "  end } } }\n");
    put("events/none.lua", "return { id = \"t_none\", scope = \"province\", when = { date = \"1958-01\" },\n"
                           "  options = { { id = \"wait\" } } }\n");
    put("events/stale.lua",
        "local keep = require(\"keep\")\n"
        "return { id = \"t_stale\", when = { date = \"1958-01\" },\n"
        "  options = { { id = \"go\", effects = function(s, fx)\n"
        "    local worked = keep.fx and keep.s and keep.p and 0.5 or 100\n"
        "    if pcall(function() keep.fx:adjust{ var = \"pests\", add = 1, province = \"henan\" } end) then worked = worked + 1 end\n"
        "    if pcall(function() return keep.s.month end) then worked = worked + 2 end\n"
        "    if pcall(function() return keep.p.zeal end) then worked = worked + 4 end\n"
        "    fx:adjust{ var = \"pests\", add = worked, province = \"hebei\" }\n"
        "  end } } }\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", mod_dir);
    return system(cmd) == 0 ? 0 : -1;
}

static Game *new_game(void)
{
    char err[512] = "";
    const char *mods[] = {mod_dir};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = mods, .mod_dir_count = 1,
                  .chooser = GAME_CHOOSE_DEFAULTS, .host = {.on_error = on_error}};
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    return g;
}

/* The fires of the test: t_keep in every province, then t_stale (in the
 * same run: no failure between them), then the other province events in
 * every province. */
static int make_dues(const ScriptHost *h, const CoreState *s, ScriptDue *dues, int *options)
{
    static const char *const ids[] = {"t_keep", "t_stale", "t_fail", "t_none", "t_plain"};
    int n = 0;
    for (int k = 0; k < 5; k++) {
        int e = script_event_find(h, ids[k]);
        assert_true(e >= 0);
        bool national = k == 1;
        for (int p = 0; p < (national ? 1 : s->province_count); p++) {
            dues[n] = (ScriptDue){e, national ? -1 : p, 0};
            options[n++] = 0;
        }
    }
    return n;
}

/* A game with the test's mod, and its fires (make_dues). */
typedef struct Fires {
    Game *g;
    ScriptHost *h;
    ScriptDue dues[4 * CORE_MAX_PROVINCES + 1];
    int options[4 * CORE_MAX_PROVINCES + 1];
    int n;
} Fires;

static void fires_open(Fires *f)
{
    f->g = new_game();
    f->h = game_host(f->g);
    f->n = make_dues(f->h, game_core(f->g), f->dues, f->options);
}

static int count_source(const ScriptCommands *c, const char *source, CoreCommandKind kind)
{
    int n = 0;
    for (int i = 0; i < c->count; i++)
        n += c->items[i].kind == kind && strcmp(c->items[i].source, source) == 0;
    return n;
}

static void test_choose_together_as_one_after_another(void **state)
{
    (void)state;
    ScriptCommands together = {0}, alone = {0};
    uint64_t hash[2];
    int errors[2];
    for (int run = 0; run < 2; run++) {
        Fires f;
        fires_open(&f);
        ScriptHost *h = f.h;
        CoreState *s = core_state_clone(game_core(f.g));
        ScriptDue *dues = f.dues;
        int *options = f.options, n = f.n;
        error_count = 0;
        if (run == 0)
            assert_false(script_events_choose(h, s, dues, options, n, &together)); /* t_fail failed */
        else
            for (int i = 0; i < n; i++)
                script_event_choose(h, s, &dues[i], options[i], false, &alone);
        errors[run] = error_count;
        ScriptCommands *c = run == 0 ? &together : &alone;
        core_apply_commands(s, c->items, (size_t)c->count);
        hash[run] = core_state_hash(s);
        assert_true(script_event_at(h, script_event_find(h, "t_fail"))->disabled);
        assert_false(script_event_at(h, script_event_find(h, "t_plain"))->disabled);
        core_state_destroy(s);
        game_destroy(f.g);
    }
    assert_int_equal(together.count, alone.count);
    for (int i = 0; i < together.count; i++) {
        const CoreCommand *a = &together.items[i], *b = &alone.items[i];
        if (a->kind != b->kind || a->province != b->province || strcmp(a->source, b->source) != 0 ||
            strcmp(a->event, b->event) != 0 || strcmp(a->option, b->option) != 0 || a->amount != b->amount)
            fail_msg("command %d differs: %s/%s (%s) and %s/%s (%s)", i, a->event, a->option, a->source, b->event,
                     b->option, b->source);
    }
    assert_true(hash[0] == hash[1]);
    assert_int_equal(errors[0], 1);
    assert_int_equal(errors[1], 1);
    script_commands_free(&together);
    script_commands_free(&alone);
}

static void test_choose_failing_fire_takes_back_its_own(void **state)
{
    (void)state;
    Fires f;
    fires_open(&f);
    ScriptHost *h = f.h;
    CoreState *s = game_core(f.g);
    int provinces = s->province_count;
    ScriptCommands out = {0};
    error_count = 0;
    last_error[0] = '\0';
    assert_false(script_events_choose(h, s, f.dues, f.options, f.n, &out));
    /* Henan's t_fail failed: its modifier went; the other provinces' stayed. */
    assert_int_equal(count_source(&out, "event:t_fail/go", CORE_CMD_MODIFIER), provinces - 1);
    int henan = core_province_find(s, "henan");
    for (int i = 0; i < out.count; i++)
        if (out.items[i].kind == CORE_CMD_MODIFIER && strcmp(out.items[i].source, "event:t_fail/go") == 0)
            assert_int_not_equal(out.items[i].modifier.province, henan);
    /* Every fire is decided, the failed one and those that run nothing too. */
    assert_int_equal(count_source(&out, "event:t_fail/go", CORE_CMD_DECISION), provinces);
    assert_int_equal(count_source(&out, "event:t_none/wait", CORE_CMD_DECISION), provinces);
    assert_int_equal(count_source(&out, "event:t_plain/go", CORE_CMD_ADJUST), provinces);
    assert_int_equal(error_count, 1);
    assert_non_null(strstr(last_error, "boom in henan"));
    assert_non_null(strstr(last_error, "t_fail"));
    assert_non_null(strstr(last_error, "fail.lua:4"));
    /* Each fire's decision follows its own commands. */
    for (int i = 1; i < out.count; i++)
        if (out.items[i].kind == CORE_CMD_ADJUST && strcmp(out.items[i].source, "event:t_plain/go") == 0)
            assert_int_equal(out.items[i + 1].kind, CORE_CMD_DECISION);
    script_commands_free(&out);
    game_destroy(f.g);
}

static void test_choose_kept_views_are_stale_in_the_next_fire(void **state)
{
    (void)state;
    Fires f;
    fires_open(&f);
    ScriptCommands out = {0};
    script_events_choose(f.h, game_core(f.g), f.dues, f.options, f.n, &out);
    int found = 0;
    for (int i = 0; i < out.count; i++)
        if (out.items[i].kind == CORE_CMD_ADJUST && strcmp(out.items[i].source, "event:t_stale/go") == 0) {
            assert_true(out.items[i].amount == 0.5); /* neither fx, s nor p worked */
            found++;
        }
    assert_int_equal(found, 1);
    assert_int_equal(count_source(&out, "event:t_stale/go", CORE_CMD_ADJUST), 1);
    script_commands_free(&out);
    game_destroy(f.g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_choose_together_as_one_after_another),
        cmocka_unit_test(test_choose_failing_fire_takes_back_its_own),
        cmocka_unit_test(test_choose_kept_views_are_stale_in_the_next_fire),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
