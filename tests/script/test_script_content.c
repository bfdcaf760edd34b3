/* Tests for the game content through the game layer: the base game loads
 * without errors, every player-facing key exists in both languages, every
 * policy moves each lever it declares in the declared direction, every
 * option of every event runs, history's choices appear in the decision log,
 * choices files change them, and two runs are identical. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game.h"

static void on_error(const ScriptError *e, void *user)
{
    (void)user;
    fprintf(stderr, "script error: %s:%d: %s (%s)\n", e->file, e->line, e->message, e->context);
}

static Game *new_game(GameChooser chooser, const ScriptChoices *choices)
{
    char err[512] = "";
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = chooser, .choices = choices,
                  .host = {.on_error = on_error}};
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    return g;
}

static void test_content_loads_without_errors(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_HISTORY, NULL);
    ScriptHost *h = game_host(g);
    assert_int_equal(script_error_count(h), 0);
    assert_true(script_policy_count(h) >= 20);
    assert_true(script_event_count(h) >= 35);
    game_destroy(g);
}

static void expect_text(const ScriptHost *h, const char *key)
{
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        if (!script_has_text(h, (ScriptLang)l, key))
            fail_msg("missing %s text for '%s'", l == SCRIPT_LANG_EN ? "English" : "Chinese", key);
}

static void test_content_every_key_in_both_languages(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_HISTORY, NULL);
    ScriptHost *h = game_host(g);
    for (int i = 0; i < script_policy_count(h); i++) {
        const ScriptPolicyInfo *p = script_policy_at(h, i);
        expect_text(h, p->name_key);
        expect_text(h, p->desc_key);
        char key[96];
        snprintf(key, sizeof key, "category.%s", p->category);
        expect_text(h, key);
    }
    for (int i = 0; i < script_event_count(h); i++) {
        const ScriptEventInfo *e = script_event_at(h, i);
        expect_text(h, e->title_key);
        expect_text(h, e->text_key);
        for (int o = 0; o < e->option_count; o++)
            expect_text(h, e->options[o].text_key);
    }
    const CoreState *s = game_state(g);
    for (int p = 0; p < s->province_count; p++) {
        char key[64];
        snprintf(key, sizeof key, "province.%s", s->info[p].id);
        expect_text(h, key);
    }
    /* Both tables hold the same keys. */
    assert_int_equal(script_text_count(h, SCRIPT_LANG_EN), script_text_count(h, SCRIPT_LANG_ZH));
    game_destroy(g);
}

/* Enacting a policy moves each of its levers the way its modifier says. */
static void test_content_every_policy_moves_its_levers(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_PLAYER, NULL);
    ScriptHost *h = game_host(g);
    CoreState *s = game_core(g);
    for (int i = 0; i < script_policy_count(h); i++) {
        const ScriptPolicyInfo *p = script_policy_at(h, i);
        int idx = core_policy_find(s, p->id);
        assert_true(idx >= 0);
        bool was_active = s->policies[idx].active;
        CoreCommand off = {.kind = CORE_CMD_POLICY_REPEAL, .policy = idx};
        core_apply_commands(s, &off, 1);
        for (int k = 0; k < p->modifier_count; k++) {
            /* The core's copy: amounts named by a parameter are resolved there. */
            const CoreModifierDesc *m = &s->policies[idx].modifiers[k];
            int prov = m->province >= 0 ? m->province : 0;
            CoreCommand on = {.kind = CORE_CMD_POLICY_ENACT, .policy = idx};
            double before = core_lever_value(s, m->lever, prov);
            core_apply_commands(s, &on, 1);
            double after = core_lever_value(s, m->lever, prov);
            core_apply_commands(s, &off, 1);
            bool up = m->op == CORE_OP_ADD ? m->amount > 0 : m->amount > 1;
            bool down = m->op == CORE_OP_ADD ? m->amount < 0 : m->amount < 1;
            if ((up && !(after > before)) || (down && !(after < before)))
                fail_msg("policy %s: lever %s went from %g to %g", p->id, core_lever_info(m->lever)->name, before,
                         after);
        }
        if (was_active) {
            CoreCommand on = {.kind = CORE_CMD_POLICY_ENACT, .policy = idx};
            core_apply_commands(s, &on, 1);
        }
    }
    game_destroy(g);
}

/* Every option of every event runs without a script error (as a preview on
 * the state of mid-1959), and an option with effects changes the state when
 * its commands are applied. */
static void test_content_every_option_runs(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_HISTORY, NULL);
    ScriptHost *h = game_host(g);
    char err[256];
    assert_true(game_run_until(g, 1959, 6, err, sizeof err));
    CoreState *s = game_core(g);
    ScriptCommands out = {0};
    int errors = script_error_count(h);
    for (int i = 0; i < script_event_count(h); i++) {
        const ScriptEventInfo *e = script_event_at(h, i);
        ScriptDue due = {i, e->per_province || e->province[0] ? core_province_find(s, e->province[0] ? e->province : "henan") : -1, 0};
        for (int o = 0; o < e->option_count; o++) {
            script_commands_clear(&out);
            if (!script_event_choose(h, s, &due, o, true, &out))
                fail_msg("event %s option %s failed", e->id, e->options[o].id);
            if (out.count == 0)
                continue; /* an option that does nothing, like "wait and see" */
            /* Enacting changes a state where no policy is in force, repealing one
             * where every policy is; other effects change both. */
            bool changed = false;
            for (int all = 0; all < 2 && !changed; all++) {
                CoreState *copy = core_state_clone(s);
                for (int k = 0; k < copy->policy_count; k++) {
                    CoreCommand c = {.kind = all ? CORE_CMD_POLICY_ENACT : CORE_CMD_POLICY_REPEAL, .policy = k};
                    core_apply_commands(copy, &c, 1);
                }
                uint64_t before = core_state_hash(copy);
                core_apply_commands(copy, out.items, (size_t)out.count);
                changed = core_state_hash(copy) != before;
                core_state_destroy(copy);
            }
            if (!changed)
                fail_msg("event %s option %s queues effects that change nothing", e->id, e->options[o].id);
        }
    }
    assert_int_equal(script_error_count(h), errors);
    script_commands_free(&out);
    game_destroy(g);
}

static const char *option_taken(const CoreState *s, const char *event)
{
    const CoreDecision *d = core_decision_find(s, event, -1);
    return d ? d->option : NULL;
}

static void test_content_history_takes_historical_options(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_HISTORY, NULL);
    char err[256];
    assert_true(game_run_until(g, 1962, 12, err, sizeof err));
    const CoreState *s = game_state(g);
    const ScriptHost *h = game_host(g);
    /* Every dated national event without a trigger fired, with history's option. */
    for (int i = 0; i < script_event_count(h); i++) {
        const ScriptEventInfo *e = script_event_at(h, i);
        if (e->per_province || e->date_ym < 0 || e->historical_option < 0 || e->mtth_months > 0)
            continue;
        const char *taken = option_taken(s, e->id);
        if (!taken) {
            /* It may have a trigger that history did not meet; it must then not be a plain dated event. */
            continue;
        }
        assert_string_equal(taken, e->options[e->historical_option].id);
    }
    assert_string_equal(option_taken(s, "lushan"), "purge_peng");
    assert_string_equal(option_taken(s, "ninth_plenum"), "adjust_and_consolidate");
    assert_non_null(option_taken(s, "anti_right"));
    /* The Ninth Plenum split the communes and gave back the plots; household
     * contracting stayed Anhui's experiment, and the mess halls closed after
     * the Sixty Articles of June 1961 (issue 11). */
    assert_false(s->policies[core_policy_find(s, "household_quotas")].active);
    assert_true(s->policies[core_policy_find(s, "communes")].active);
    assert_true(s->policies[core_policy_find(s, "smaller_communes")].active);
    assert_false(s->policies[core_policy_find(s, "mess_halls")].active);
    assert_string_equal(option_taken(s, "sixty_articles"), "close_the_mess_halls");
    assert_string_equal(option_taken(s, "anhui_responsibility_fields"), "responsibility_fields");
    game_destroy(g);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_content_choices_file_changes_history(void **state)
{
    (void)state;
    char path[] = "/tmp/gl_choicesXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_file(path, "return {\n  events = { lushan = 'listen_to_peng' },\n"
                     "  timeline = { { date = '1959-09', repeal = 'grain_exports' } },\n}\n");
    Game *tmp = new_game(GAME_CHOOSE_HISTORY, NULL);
    ScriptChoices *c = calloc(1, sizeof *c);
    char err[512] = "";
    assert_true(script_choices_load(game_host(tmp), path, c, err, sizeof err));
    game_destroy(tmp);
    Game *g = new_game(GAME_CHOOSE_HISTORY, c);
    assert_true(game_run_until(g, 1960, 3, err, sizeof err));
    const CoreState *s = game_state(g);
    assert_string_equal(option_taken(s, "lushan"), "listen_to_peng");
    assert_null(option_taken(s, "anti_right")); /* its trigger needs the purge */
    assert_true(s->policies[core_policy_find(s, "verify_harvests")].active);
    assert_false(s->policies[core_policy_find(s, "grain_exports")].active);
    game_destroy(g);
    free(c);
    unlink(path);
}

static void test_content_broken_choices_files_name_file_and_line(void **state)
{
    (void)state;
    char path[] = "/tmp/gl_choicesXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    Game *g = new_game(GAME_CHOOSE_HISTORY, NULL);
    ScriptChoices *c = calloc(1, sizeof *c);
    char err[512];
    const char *broken[] = {"return {\n events = { lushan = \n}", "return { evnets = {} }",
                            "return { timeline = { { date = '1959-13', repeal = 'x' } } }",
                            "error('nope')", "while true do end"};
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        write_file(path, broken[i]);
        err[0] = '\0';
        assert_false(script_choices_load(game_host(g), path, c, err, sizeof err));
        assert_non_null(strstr(err, path));
    }
    write_file(path, "return { events = { lushan = 'no_such_option' } }");
    assert_true(script_choices_load(game_host(g), path, c, err, sizeof err));
    assert_false(script_choices_resolve(game_host(g), c, 1958, 1, err, sizeof err));
    assert_non_null(strstr(err, "no_such_option"));
    game_destroy(g);
    free(c);
    unlink(path);
}

static void test_content_runs_are_identical(void **state)
{
    (void)state;
    char err[256];
    Game *a = new_game(GAME_CHOOSE_HISTORY, NULL), *b = new_game(GAME_CHOOSE_HISTORY, NULL);
    assert_true(game_run_until(a, 1962, 12, err, sizeof err));
    assert_true(game_run_until(b, 1962, 12, err, sizeof err));
    assert_true(core_state_hash(game_state(a)) == core_state_hash(game_state(b)));
    game_destroy(a);
    game_destroy(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_content_loads_without_errors),
        cmocka_unit_test(test_content_every_key_in_both_languages),
        cmocka_unit_test(test_content_every_policy_moves_its_levers),
        cmocka_unit_test(test_content_every_option_runs),
        cmocka_unit_test(test_content_history_takes_historical_options),
        cmocka_unit_test(test_content_choices_file_changes_history),
        cmocka_unit_test(test_content_broken_choices_files_name_file_and_line),
        cmocka_unit_test(test_content_runs_are_identical),
    };
    return cmocka_run_group_tests_name("script_content", tests, NULL, NULL);
}
