/* Tests for the modders' tools of the game layer (game.c, script_explain.c):
 * hot reload of the scripts (game_reload_scripts), firing an event from the
 * console (game_fire_event) and explaining why an event would fire or not
 * (game_explain_event). Each test copies tests/game/reload_mod to a fresh
 * temporary folder, plays it, edits its files and reloads. */
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
#include "platform.h"

static const char *const mod_files[] = {"mod.lua", "events/pest_watch.lua", "policies/tally.lua", "locale/en.lua",
                                        "locale/zh.lua"};

static char root[256];          /* the temporary folder */
static char mod_dir[300];       /* root/reload_mod */
static char errors[16384];      /* every error the game reported, "file:line: message\n" */

static void on_error(const ScriptError *e, void *user)
{
    (void)user;
    size_t used = strlen(errors);
    snprintf(errors + used, sizeof errors - used, "%s:%d: %s\n", e->file, e->line, e->message);
}

/* Writes `text` to mod_dir/rel. */
static void put(const char *rel, const char *text)
{
    char path[PLAT_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", mod_dir, rel);
    if (!plat_write_file_atomic(path, text, strlen(text)))
        fail_msg("cannot write %s: %s", path, plat_error());
}

static int setup(void **state)
{
    (void)state;
    errors[0] = '\0';
    snprintf(root, sizeof root, "/tmp/greatleap-reload-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    snprintf(mod_dir, sizeof mod_dir, "%s/reload_mod", root);
    for (size_t i = 0; i < sizeof mod_files / sizeof *mod_files; i++) {
        char from[PLAT_PATH_MAX], to[PLAT_PATH_MAX], dir[PLAT_PATH_MAX];
        snprintf(from, sizeof from, "%s/tests/game/reload_mod/%s", GL_TEST_DATA_DIR, mod_files[i]);
        snprintf(to, sizeof to, "%s/%s", mod_dir, mod_files[i]);
        snprintf(dir, sizeof dir, "%s", to);
        *strrchr(dir, '/') = '\0';
        size_t len;
        char *text = plat_read_file(from, 1u << 20, &len);
        bool ok = text && plat_mkdir_p(dir) && plat_write_file_atomic(to, text, len);
        free(text);
        if (!ok)
            return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PLAT_PATH_MAX + 32];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static Game *new_game(GameChooser chooser)
{
    const char *dirs[] = {mod_dir};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 1,
                  .chooser = chooser, .host = {.on_error = on_error}};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    return g;
}

/* Runs Lua in the test mod's sandbox; the result as text. */
static const char *eval(Game *g, const char *code)
{
    static char out[512];
    ScriptHost *h = game_host(g);
    if (!script_eval(h, script_mod_find(h, "reload_mod"), "test", code, out, sizeof out))
        fail_msg("eval failed: %s", out);
    return out;
}

static void run_until(Game *g, int year, int month)
{
    char err[512];
    if (!game_run_until(g, year, month, err, sizeof err))
        fail_msg("%s", err);
}

static void advance(Game *g)
{
    char err[512];
    if (!game_advance(g, err, sizeof err))
        fail_msg("%s", err);
}

static void expect_in(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("expected '%s' in:\n%s", needle, text);
}

static const char event_text[] =
    "return {\n"
    "  id = \"pest_watch\",\n"
    "  scope = \"province\",\n"
    "  when = { date = \"1962-12\" },\n"
    "  trigger = function(s, p) return p.pests > 0.35 and s.year >= 1959 end,\n"
    "  options = {\n"
    "    { id = \"count_them\", historical = true,\n"
    "      effects = function(s, fx, p) storage.counted = (storage.counted or 0) + 10 end },\n"
    "    { id = \"ignore_them\" },\n"
    "    { id = \"burn_the_fields\" },\n"
    "  },\n"
    "  sources = { \"docs/model.md\" },\n"
    "}\n";

/* A game in history mode with the tally policy in force for a few months. */
static Game *tally_game(void)
{
    Game *g = new_game(GAME_CHOOSE_HISTORY);
    assert_true(game_set_policy(g, "tally", true));
    run_until(g, 1958, 4);
    assert_string_equal(eval(g, "return storage.months"), "3"); /* enacted in 1958-02, hooks from then on */
    return g;
}

/* ==== Hot reload ==== */

static void test_reload_takes_an_edit_and_keeps_the_game(void **state)
{
    (void)state;
    Game *g = tally_game();
    const CoreState *s = game_state(g);
    uint64_t hash = core_state_hash(s);
    int policies = s->policy_count;
    put("events/pest_watch.lua", event_text);
    put("locale/en.lua", "return {\n  [\"event.pest_watch.title\"] = \"Locusts!\",\n"
                         "  [\"event.pest_watch.option.burn_the_fields\"] = \"Burn the fields\",\n}\n");

    char err[1024];
    if (!game_reload_scripts(g, err, sizeof err))
        fail_msg("%s\n%s", err, errors);
    ScriptHost *h = game_host(g);
    const ScriptEventInfo *e = script_event_at(h, script_event_find(h, "pest_watch"));
    assert_non_null(e);
    assert_int_equal(e->option_count, 3);
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "event.pest_watch.title"), "Locusts!");
    /* The core is untouched: the policy is still in force once, not twice. */
    assert_true(core_state_hash(game_state(g)) == hash);
    assert_int_equal(game_state(g)->policy_count, policies);
    assert_true(game_state(g)->policies[core_policy_find(game_state(g), "tally")].active);
    assert_string_equal(eval(g, "return storage.months"), "3");
    assert_string_equal(eval(g, "return storage.reloads"), "1");

    advance(g); /* the new host's hook runs on the kept storage */
    assert_string_equal(eval(g, "return storage.months"), "4");
    assert_true(game_reload_scripts(g, err, sizeof err));
    assert_string_equal(eval(g, "return storage.reloads"), "2");
    assert_string_equal(errors, "");
    game_destroy(g);
}

/* A broken edit: false, the first error as file:line, and the old version goes on. */
static void expect_reload_refused(const char *broken, const char *where)
{
    Game *g = tally_game();
    ScriptHost *before = game_host(g);
    uint64_t hash = core_state_hash(game_state(g));
    put("events/pest_watch.lua", broken);
    char err[1024];
    assert_false(game_reload_scripts(g, err, sizeof err));
    expect_in(err, where);
    expect_in(errors, where); /* on_error heard it too */
    assert_ptr_equal(game_host(g), before);
    assert_true(core_state_hash(game_state(g)) == hash);
    assert_true(script_event_find(game_host(g), "pest_watch") >= 0);
    assert_string_equal(eval(g, "return tostring(storage.reloads)"), "nil");
    advance(g);
    assert_string_equal(eval(g, "return storage.months"), "4");
    game_destroy(g);
}

static void test_reload_keeps_the_old_version_after_a_syntax_error(void **state)
{
    (void)state;
    expect_reload_refused("return {\n  id = \"pest_watch\",\n  trigger = function(s, p) return p.pests > end,\n}\n",
                          "reload_mod/events/pest_watch.lua:3:");
}

static void test_reload_keeps_the_old_version_after_a_runtime_error(void **state)
{
    (void)state;
    expect_reload_refused("local settings = nil\nlocal date = settings.date\nreturn { id = \"pest_watch\" }\n",
                          "reload_mod/events/pest_watch.lua:2:");
}

static void test_reload_remaps_pending_events_and_runs_on_reload_errors_last(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_PLAYER);
    char err[1024];
    int waiting = game_pending_count(g);
    assert_true(game_fire_event(g, "pest_watch", "henan", err, sizeof err));
    /* A new event file that loads first moves pest_watch in the event list;
     * an on_reload that fails is reported and the reload stands. */
    put("events/aaa_first.lua", "return { id = \"aaa_first\", options = { { id = \"ok\" } } }\n");
    put("policies/tally.lua", "function on_reload() error('on_reload broke') end\n"
                              "return { id = \"tally\", modifiers = { { lever = \"zeal_push\", add = 0.01 } } }\n");
    assert_true(game_reload_scripts(g, err, sizeof err));
    ScriptHost *h = game_host(g);
    const ScriptDue *due = game_pending_at(g, waiting);
    assert_non_null(due);
    assert_string_equal(script_event_at(h, due->event)->id, "pest_watch");
    expect_in(errors, "on_reload broke");
    game_destroy(g);
}

/* Whether the host's error list (the console's `errors`) holds `needle`. */
static bool listed(Game *g, const char *needle)
{
    ScriptHost *h = game_host(g);
    for (int i = 0; i < script_error_count(h); i++)
        if (strstr(script_error_at(h, i)->message, needle) || strstr(script_error_at(h, i)->file, needle))
            return true;
    return false;
}

static void test_errors_survive_reloads(void **state)
{
    (void)state;
    Game *g = tally_game();
    char err[1024];
    assert_false(script_eval(game_host(g), script_mod_find(game_host(g), "reload_mod"), "test",
                             "error('first mistake')", NULL, 0));
    assert_true(listed(g, "first mistake"));
    /* A reload that works keeps the list: the error happened. */
    assert_true(game_reload_scripts(g, err, sizeof err));
    assert_true(listed(g, "first mistake"));
    /* A broken edit's error joins it, and the running version's stays. */
    put("events/pest_watch.lua", "return {\n  id = \"pest_watch\",\n  trigger = function(s, p) return p.pests > end,\n}\n");
    assert_false(game_reload_scripts(g, err, sizeof err));
    assert_true(listed(g, "first mistake"));
    assert_true(listed(g, "pest_watch.lua"));
    game_destroy(g);
}

/* mod.lua with `extra` inside its table. */
static void put_manifest(const char *extra)
{
    char text[1024];
    snprintf(text, sizeof text,
             "return {\n  id = \"reload_mod\",\n  name = \"Hot reload test mod\",\n  version = \"1.0.0\",\n"
             "  api_version = 1,\n  languages = { \"en\", \"zh\" },\n%s}\n",
             extra);
    put("mod.lua", text);
}

static void test_reload_takes_the_manifests_parameters(void **state)
{
    (void)state;
    Game *g = tally_game();
    char err[1024];
    double base = game_state(g)->params[CORE_PARAM_kcal_need];
    put_manifest("  parameters = { kcal_need = 2100 },\n");
    assert_true(game_reload_scripts(g, err, sizeof err));
    assert_true(game_state(g)->params[CORE_PARAM_kcal_need] == 2100);
    /* A value out of its range is refused as at a new game, naming the file;
     * the game keeps the last good value. */
    put_manifest("  parameters = { seed_share = 2.5 },\n");
    assert_false(game_reload_scripts(g, err, sizeof err));
    expect_in(err, "mod.lua");
    expect_in(err, "seed_share");
    assert_true(game_state(g)->params[CORE_PARAM_kcal_need] == 2100);
    /* A parameter no longer set goes back to the scenario's value. */
    put_manifest("");
    assert_true(game_reload_scripts(g, err, sizeof err));
    assert_true(game_state(g)->params[CORE_PARAM_kcal_need] == base);
    game_destroy(g);
}

static void test_reload_after_a_migration_is_taken_away(void **state)
{
    (void)state;
    Game *g = tally_game();
    char err[1024], path[PLAT_PATH_MAX];
    snprintf(path, sizeof path, "%s/migrations", mod_dir);
    assert_true(plat_mkdir_p(path));
    put("migrations/001_mark.lua", "return function(storage) storage.migrated = true end\n");
    assert_true(game_reload_scripts(g, err, sizeof err));
    assert_string_equal(eval(g, "return tostring(storage.migrated)"), "true");
    /* Taken away again: the next reloads work, and say nothing of a save. */
    snprintf(path, sizeof path, "%s/migrations/001_mark.lua", mod_dir);
    assert_int_equal(remove(path), 0);
    assert_true(game_reload_scripts(g, err, sizeof err));
    put("events/aaa_first.lua", "return { id = \"aaa_first\", options = { { id = \"ok\" } } }\n");
    assert_true(game_reload_scripts(g, err, sizeof err));
    assert_string_equal(eval(g, "return tostring(storage.migrated)"), "true");
    game_destroy(g);
}

/* ==== Firing an event ==== */

static void test_fire_event_puts_the_card_on_the_pending_list(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_PLAYER);
    char err[512];
    int waiting = game_pending_count(g);
    assert_true(game_fire_event(g, "pest_watch", "henan", err, sizeof err));
    assert_int_equal(game_pending_count(g), waiting + 1);
    const ScriptDue *due = game_pending_at(g, waiting);
    assert_int_equal(due->event, script_event_find(game_host(g), "pest_watch"));
    assert_int_equal(due->province, core_province_find(game_state(g), "henan"));
    assert_true(game_choose(g, waiting, 0));
    assert_string_equal(eval(g, "return storage.counted"), "1");

    assert_false(game_fire_event(g, "no_such_event", NULL, err, sizeof err));
    expect_in(err, "unknown event 'no_such_event'");
    assert_false(game_fire_event(g, "pest_watch", "atlantis", err, sizeof err));
    expect_in(err, "unknown province 'atlantis'");
    assert_false(game_fire_event(g, "pest_watch", "", err, sizeof err));
    expect_in(err, "per province");
    assert_int_equal(game_pending_count(g), waiting);
    game_destroy(g);
}

static void test_fire_event_resolves_at_once_outside_player_mode(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_HISTORY);
    char err[512];
    assert_true(game_fire_event(g, "pest_watch", "hubei", err, sizeof err));
    assert_int_equal(game_pending_count(g), 0);
    assert_string_equal(eval(g, "return storage.counted"), "1"); /* the historical option ran */
    advance(g);
    assert_non_null(core_decision_find(game_state(g), "pest_watch", core_province_find(game_state(g), "hubei")));
    game_destroy(g);
}

/* ==== Explaining an event ==== */

/* The line of `out` that contains `needle`. */
static const char *line_with(const char *out, const char *needle)
{
    static char line[512];
    const char *hit = strstr(out, needle);
    if (!hit)
        fail_msg("no line with '%s' in:\n%s", needle, out);
    const char *start = hit;
    while (start > out && start[-1] != '\n')
        start--;
    snprintf(line, sizeof line, "%.*s", (int)strcspn(start, "\n"), start);
    return line;
}

static void expect_mark(const char *out, const char *needle, bool holds)
{
    const char *line = line_with(out, needle);
    if (strncmp(line, holds ? "yes  " : "no   ", 5) != 0)
        fail_msg("expected '%s' in the line '%s' of:\n%s", holds ? "yes" : "no", line, out);
}

static void test_explain_event_shows_each_clause(void **state)
{
    (void)state;
    Game *g = new_game(GAME_CHOOSE_HISTORY);
    char out[4096];
    run_until(g, 1958, 6);
    int henan = core_province_find(game_state(g), "henan");
    bool pests = game_state(g)->prov[henan].pests > 0.35;
    assert_true(game_explain_event(g, "pest_watch", "henan", out, sizeof out));
    expect_in(line_with(out, "event pest_watch"), "reload_mod/events/pest_watch.lua), province henan");
    expect_mark(out, "not disabled", true);
    expect_mark(out, "date: from 1962-12, now 1958-07", false);
    expect_mark(out, "not fired yet (once)", true);
    expect_mark(out, "p.pests > 0.35", pests);
    expect_in(line_with(out, "p.pests > 0.35"), "[p.pests = ");
    expect_mark(out, "s.year >= 1959", false);
    expect_in(line_with(out, "s.year >= 1959"), "[s.year = 1958]");
    expect_mark(out, "trigger, all of:", false);
    expect_in(out, "\n=> would not fire: too early");

    run_until(g, 1959, 1);
    pests = game_state(g)->prov[henan].pests > 0.35;
    assert_true(game_explain_event(g, "pest_watch", "henan", out, sizeof out));
    expect_mark(out, "s.year >= 1959", true);
    expect_mark(out, "p.pests > 0.35", pests);
    expect_mark(out, "trigger, all of:", pests);

    /* A body of another shape is run and shown whole. */
    put("events/pest_watch.lua", "return {\n  id = \"pest_watch\",\n  scope = \"province\",\n"
                                 "  trigger = function(s, p)\n    local level = p.pests\n    return level >= 0\n  end,\n"
                                 "  options = { { id = \"count_them\" } },\n}\n");
    char err[1024];
    if (!game_reload_scripts(g, err, sizeof err))
        fail_msg("%s", err);
    assert_true(game_explain_event(g, "pest_watch", "henan", out, sizeof out));
    expect_mark(out, "trigger: function(s, p) local level = p.pests return level >= 0 end", true);
    expect_in(out, "\n=> would fire");

    assert_false(game_explain_event(g, "no_such_event", NULL, out, sizeof out));
    expect_in(out, "unknown event");
    assert_false(game_explain_event(g, "pest_watch", NULL, out, sizeof out));
    expect_in(out, "per province");
    assert_string_equal(errors, ""); /* explaining reports nothing */
    game_destroy(g);
}

/* Triggers of every odd shape: each is explained (whole or in clauses)
 * without a crash, a hang or an error report. */
static void test_explain_event_survives_odd_triggers(void **state)
{
    (void)state;
    static const char *const triggers[] = {
        "function(s, p) return p.pests > 0.35 and \"a and b\" == 'x or y' and [[ and ]] ~= nil end",
        "function(s, p) return (p.pests > 0.35 and s.year) or s.month == 3 -- a comment\n end",
        "function(s, p) return p.pests > 0.35 and p.nothing.deeper > 1 end",
        "function(s, p) while true do end end",
        "function(s, p) error('no') end",
        "function(...) return select('#', ...) > 0 end",
        "function(s, p) return CUTOFF and p.pests > CUTOFF end",
        "function(s, p) return s.year >= 1959 and local_cutoff > 0 end",
        "function(s, p) return p.pests > 0.35 and function() end end",
        "function(s, p) return #p.id > 0 and p.id:find('an') ~= nil and p[\"id\"] ~= '' end",
        "function(s, p) return math.random() < 2 and s.year > 0 end",
        "function(s, p) storage.touched = true return true end",
        "function(s,p)return p.pests>0.35 and s.year>=1959 end",
    };
    Game *g = new_game(GAME_CHOOSE_HISTORY);
    uint64_t hash = core_state_hash(game_state(g));
    char text[2048], err[1024], out[4096];
    for (size_t i = 0; i < sizeof triggers / sizeof *triggers; i++) {
        snprintf(text, sizeof text,
                 "local local_cutoff = 0.2\nCUTOFF = 0.3\nreturn {\n  id = \"pest_watch\",\n  scope = \"province\",\n"
                 "  trigger = %s,\n  options = { { id = \"count_them\" } },\n}\n",
                 triggers[i]);
        put("events/pest_watch.lua", text);
        if (!game_reload_scripts(g, err, sizeof err))
            fail_msg("%s", err);
        assert_true(game_explain_event(g, "pest_watch", "henan", out, sizeof out));
        expect_in(out, "\n=> would");
        expect_in(out, "trigger");
        assert_true(game_explain_event(g, "pest_watch", "henan", out, 40)); /* a short buffer is cut, not overrun */
        assert_true(strlen(out) < 40);
    }
    assert_true(core_state_hash(game_state(g)) == hash);
    assert_string_equal(eval(g, "return tostring(storage.touched)"), "nil");
    assert_string_equal(errors, "");
    game_destroy(g);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_reload_takes_an_edit_and_keeps_the_game),
        T(test_reload_keeps_the_old_version_after_a_syntax_error),
        T(test_reload_keeps_the_old_version_after_a_runtime_error),
        T(test_reload_remaps_pending_events_and_runs_on_reload_errors_last),
        T(test_errors_survive_reloads),
        T(test_reload_takes_the_manifests_parameters),
        T(test_reload_after_a_migration_is_taken_away),
        T(test_fire_event_puts_the_card_on_the_pending_list),
        T(test_fire_event_resolves_at_once_outside_player_mode),
        T(test_explain_event_shows_each_clause),
        T(test_explain_event_survives_odd_triggers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
