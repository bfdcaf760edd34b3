/* Tests for mods (script_mods.c, script_content.c, script_require.c,
 * script_storage.c, game.c): the load order and its errors, explicit
 * overrides, locale overrides, parameters, require, storage, migrations and
 * a scenario's own choices. Every mod lives under a folder with a Chinese
 * name, as a player's home folder may have. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mod_fixture.h"

static int setup(void **state)
{
    (void)state;
    return fixture_setup("mods");
}

static int teardown(void **state)
{
    (void)state;
    return fixture_teardown();
}

static void expect_in(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("expected '%s' in:\n%s", needle, text);
}

/* ==== Load order ==== */

static void test_mods_load_in_dependency_order_then_by_id(void **state)
{
    (void)state;
    fixture_mod("zeta", NULL);
    fixture_mod("alpha", "  dependencies = { \"zeta\" },\n");
    fixture_mod("beta", NULL);
    char err[1024];
    const char *mods[] = {"zeta", "alpha", "beta"};
    Game *g = fixture_game(mods, 3, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    ScriptHost *h = game_host(g);
    assert_int_equal(script_mod_count(h), 4);
    const char *want[] = {"base", "beta", "zeta", "alpha"};
    for (int i = 0; i < 4; i++)
        assert_string_equal(script_mod_id(h, i), want[i]);
    game_destroy(g);
}

static void test_mods_missing_dependency_names_the_manifest(void **state)
{
    (void)state;
    fixture_mod("needy", "  dependencies = { \"ghost\" },\n");
    char err[1024];
    const char *mods[] = {"needy"};
    assert_null(fixture_game(mods, 1, err, sizeof err));
    expect_in(err, "needy/mod.lua:7:");
    expect_in(err, "'ghost'");
}

static void test_mods_cycle_is_an_error(void **state)
{
    (void)state;
    fixture_mod("hen", "  dependencies = { \"egg\" },\n");
    fixture_mod("egg", "  dependencies = { \"hen\" },\n");
    char err[1024];
    const char *mods[] = {"hen", "egg"};
    assert_null(fixture_game(mods, 2, err, sizeof err));
    expect_in(err, "cycle");
    expect_in(err, "egg -> hen -> egg");
}

static void test_mods_duplicate_id_names_both_folders(void **state)
{
    (void)state;
    fixture_put("one/mod.lua", "return { id = \"same\", name = \"One\", version = \"1\", api_version = 1 }\n");
    fixture_put("two/mod.lua", "return { id = \"same\", name = \"Two\", version = \"1\", api_version = 1 }\n");
    char err[1024];
    const char *mods[] = {"one", "two"};
    assert_null(fixture_game(mods, 2, err, sizeof err));
    expect_in(err, "one/mod.lua");
    expect_in(err, "two/mod.lua");
    expect_in(err, "'same'");
}

static void test_mods_a_folder_without_manifest_is_refused(void **state)
{
    (void)state;
    fixture_put("bare/events/x.lua", "return {}\n");
    char err[1024];
    const char *mods[] = {"bare"};
    assert_null(fixture_game(mods, 1, err, sizeof err));
    expect_in(err, "no");
    expect_in(err, "mod.lua");
}

/* ==== Overrides ==== */

static const char *lushan_copy = "return {\n  id = \"lushan\",\n%s  when = { date = \"1959-07\" },\n"
                                 "  options = { { id = \"purge_peng\", historical = true } },\n}\n";

static void test_mods_a_second_declaration_needs_override(void **state)
{
    (void)state;
    char text[512];
    fixture_mod("copycat", NULL);
    snprintf(text, sizeof text, lushan_copy, "");
    fixture_put("copycat/events/lushan.lua", text);
    char err[1024];
    const char *mods[] = {"copycat"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    assert_non_null(g);
    expect_in(fixture_errors, "copycat/events/lushan.lua:2: event 'lushan' is declared twice: here and in "
                              "scripts/events/lushan.lua");
    /* The base game's event stands. */
    ScriptHost *h = game_host(g);
    assert_string_equal(script_event_at(h, script_event_find(h, "lushan"))->file, "scripts/events/lushan.lua");
    game_destroy(g);
}

static void test_mods_override_replaces_in_place(void **state)
{
    (void)state;
    char text[512];
    fixture_mod("replacer", NULL);
    snprintf(text, sizeof text, lushan_copy, "  override = true,\n");
    fixture_put("replacer/events/lushan.lua", text);
    fixture_put("replacer/policies/communes.lua",
                "return { id = \"communes\", override = true, category = \"agriculture\",\n"
                "  modifiers = { { lever = \"zeal_push\", add = 0.01 } } }\n");
    char err[1024];
    const char *mods[] = {"replacer"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    assert_non_null(g);
    assert_string_equal(fixture_errors, "");
    ScriptHost *h = game_host(g);
    int e = script_event_find(h, "lushan");
    assert_string_equal(script_event_at(h, e)->mod, "replacer");
    assert_int_equal(script_event_at(h, e)->option_count, 1);
    const ScriptPolicyInfo *p = script_policy_at(h, script_policy_find(h, "communes"));
    assert_string_equal(p->mod, "replacer");
    assert_int_equal(p->modifier_count, 1);
    /* Nothing was added: the same number of events as the base game alone. */
    int replaced_events = script_event_count(h);
    game_destroy(g);
    g = fixture_game(NULL, 0, err, sizeof err);
    assert_int_equal(script_event_count(game_host(g)), replaced_events);
    game_destroy(g);
}

static void test_mods_override_of_nothing_is_an_error(void **state)
{
    (void)state;
    fixture_mod("typo", NULL);
    fixture_put("typo/events/lushn.lua", "return {\n  id = \"lushn\",\n  override = true,\n"
                                         "  options = { { id = \"a\" } },\n}\n");
    char err[1024];
    const char *mods[] = {"typo"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    expect_in(fixture_errors, "typo/events/lushn.lua:3: event 'lushn': override = true, but no mod loaded before");
    assert_int_equal(script_event_find(game_host(g), "lushn"), -1);
    game_destroy(g);
}

static void test_mods_locale_keys_are_replaced_only_explicitly(void **state)
{
    (void)state;
    fixture_mod("words", NULL);
    fixture_put("words/locale/en.lua", "return {\n  [\"event.lushan.title\"] = \"Lushan\",\n"
                                       "  override = {\n    [\"event.lushan.text\"] = \"New text\",\n"
                                       "    [\"event.lushn.text\"] = \"Typo\",\n  },\n"
                                       "  [\"ui.death_rate\"] = \"Deaths\",\n"
                                       "  [\"a\"] = \"First\", [\"event.lushan.titles\"] = \"Between\",\n"
                                       "  [\"zzz.last\"] = \"Last\",\n}\n");
    char err[1024];
    const char *mods[] = {"words"};
    Game *base = fixture_game(NULL, 0, err, sizeof err);
    assert_non_null(base);
    int base_keys = script_text_count(game_host(base), SCRIPT_LANG_EN);
    game_destroy(base);
    Game *g = fixture_game(mods, 1, err, sizeof err);
    assert_non_null(g);
    expect_in(fixture_errors, "words/locale/en.lua:2: locale key 'event.lushan.title' is already defined in "
                              "scripts/locale/en.lua");
    expect_in(fixture_errors, "words/locale/en.lua:7: locale key 'ui.death_rate' is already defined in "
                              "scripts/locale/en_ui.lua");
    expect_in(fixture_errors, "words/locale/en.lua:5: override: no earlier file defines the key 'event.lushn.text'");
    ScriptHost *h = game_host(g);
    /* The file's three new keys join the base game's, all in order. */
    assert_int_equal(script_text_count(h, SCRIPT_LANG_EN), base_keys + 3);
    for (int i = 1; i < script_text_count(h, SCRIPT_LANG_EN); i++)
        assert_true(strcmp(script_text_key_at(h, SCRIPT_LANG_EN, i - 1), script_text_key_at(h, SCRIPT_LANG_EN, i)) < 0);
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "a"), "First");
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "event.lushan.titles"), "Between");
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "zzz.last"), "Last");
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "ui.death_rate"), "Death rate");
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "event.lushan.text"), "New text");
    expect_in(script_text_file(h, SCRIPT_LANG_EN, "event.lushan.text"), "words/locale/en.lua");
    assert_string_equal(script_text(h, SCRIPT_LANG_EN, "event.lushan.title"), "The Lushan Conference, July 1959");
    game_destroy(g);
}

/* ==== Parameters ==== */

static void test_mods_parameters_change_the_model(void **state)
{
    (void)state;
    fixture_mod("params", "  parameters = {\n    kcal_need = 2000,\n    seed_share = 0.07,\n  },\n");
    char err[1024];
    const char *mods[] = {"params"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    assert_true(game_state(g)->params[CORE_PARAM_kcal_need] == 2000);
    assert_true(game_state(g)->params[CORE_PARAM_seed_share] == 0.07);
    game_destroy(g);
}

static void test_mods_bad_parameters_name_file_and_line(void **state)
{
    (void)state;
    char err[1024];
    fixture_mod("unknown", "  parameters = {\n    kcal_needed = 2000,\n  },\n");
    const char *mods[] = {"unknown"};
    assert_null(fixture_game(mods, 1, err, sizeof err));
    expect_in(err, "unknown/mod.lua:8: mod.lua: unknown parameter 'kcal_needed'");
    fixture_mod("range", "  parameters = {\n    seed_share = 2.5,\n  },\n");
    mods[0] = "range";
    assert_null(fixture_game(mods, 1, err, sizeof err));
    expect_in(err, "range/mod.lua:8:");
    expect_in(err, "seed_share");
    fixture_mod("twice_a", "  parameters = { kcal_need = 2000 },\n");
    fixture_mod("twice_b", "  parameters = { kcal_need = 2200 },\n");
    const char *both[] = {"twice_a", "twice_b"};
    assert_null(fixture_game(both, 2, err, sizeof err));
    expect_in(err, "twice_b/mod.lua:7: parameter 'kcal_need' is also changed by ");
    expect_in(err, "twice_a/mod.lua");
}

/* ==== require ==== */

static void test_mods_require_loads_from_the_mod_only(void **state)
{
    (void)state;
    fixture_mod("lib", NULL);
    fixture_put("lib/lib/util.lua", "local M = { n = 42 }\nfunction M.twice(x) return 2 * x end\nreturn M\n");
    fixture_put("lib/lib/a.lua", "return require('lib.b')\n");
    fixture_put("lib/lib/b.lua", "return require('lib.a')\n");
    fixture_put("lib/lib/broken.lua", "return {\n  x = \n");
    assert_int_equal(symlink("/etc/passwd", fixture_path("lib/lib/evil.lua")), 0);
    char err[1024];
    const char *mods[] = {"lib"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    assert_non_null(g);
    assert_string_equal(fixture_eval(g, "lib", "return require('lib.util').twice(21)"), "42");
    assert_string_equal(fixture_eval(g, "lib", "return require('lib.util') == require('lib.util')"), "true");
    expect_in(fixture_eval(g, "lib", "return require('../etc/passwd')"), "is not a module name");
    expect_in(fixture_eval(g, "lib", "return require('lib.evil')"), "leads outside the mod's folder");
    expect_in(fixture_eval(g, "lib", "return require('os')"), "require is not available");
    expect_in(fixture_eval(g, "lib", "return require('lib.a')"), "requires itself");
    expect_in(fixture_eval(g, "lib", "return require('lib.broken')"), "unexpected symbol");
    const ScriptError *e = script_error_at(game_host(g), script_error_count(game_host(g)) - 1);
    expect_in(e->file, "lib/lib/broken.lua");
    assert_int_equal(e->line, 3);
    /* Another mod does not see this mod's files. */
    expect_in(fixture_eval(g, "base", "return require('lib.util')"), "require is not available");
    game_destroy(g);
}

/* ==== Storage ==== */

static Game *storage_game(void)
{
    fixture_mod("keeper", NULL);
    fixture_put("keeper/events/tally.lua",
                "return {\n  id = \"tally\",\n  when = { date = \"1958-02\" },\n  options = {\n"
                "    { id = \"count\", effects = function(s, fx)\n"
                "        storage.count = (storage.count or 0) + 1\n"
                "        fx:adjust{ var = \"pressure_shock\", add = 0.01 }\n      end },\n  },\n}\n");
    return fixture_game_with("keeper");
}

static void test_mods_storage_survives_a_save(void **state)
{
    (void)state;
    Game *g = storage_game();
    assert_string_equal(fixture_eval(g, "keeper", "storage.list = { 1, 2.5, 'x\\0y', { deep = true } }\n"
                                          "storage[7] = -3; storage['two words'] = 0.1; return 'ok'"),
                        "ok");
    ScriptModSave saves[SCRIPT_MAX_MODS], again[SCRIPT_MAX_MODS];
    int n, n2;
    char err[512];
    assert_true(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    assert_true(game_save_mods(g, again, SCRIPT_MAX_MODS, &n2, err, sizeof err));
    assert_int_equal(n, 2);
    /* Deterministic: the same storage gives the same bytes (pairs() order varies). */
    assert_int_equal(saves[1].storage_len, again[1].storage_len);
    assert_memory_equal(saves[1].storage, again[1].storage, saves[1].storage_len);
    assert_string_equal(saves[1].id, "keeper");
    assert_string_equal(saves[1].version, "1.0.0");
    assert_string_equal(fixture_eval(g, "keeper", "storage.list = nil; storage.gone = 1; return 'changed'"), "changed");
    assert_true(script_mods_restore(game_host(g), saves, n, err, sizeof err));
    assert_string_equal(fixture_eval(g, "keeper", "local l = storage.list\n"
                                          "return table.concat({ tostring(storage.gone), l[1], l[2], #l[3], "
                                          "tostring(l[4].deep), storage[7], storage['two words'] }, ',')"),
                        "nil,1,2.5,3,true,-3,0.1");
    assert_string_equal(fixture_eval(g, "keeper", "return math.type(storage.list[1]) .. math.type(storage.list[2])"),
                        "integerfloat");
    script_mod_saves_free(saves, n);
    script_mod_saves_free(again, n2);
    game_destroy(g);
}

static void test_mods_storage_refuses_what_cannot_be_saved(void **state)
{
    (void)state;
    Game *g = storage_game();
    ScriptModSave saves[SCRIPT_MAX_MODS];
    int n;
    char err[512];
    fixture_eval(g, "keeper", "storage.history = { 1, 2, { cb = function() end } }");
    assert_false(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    expect_in(err, "storage.history[3].cb is a function");
    script_mod_saves_free(saves, n);
    fixture_eval(g, "keeper", "storage.history = nil; storage.loop = {}; storage.loop.again = storage.loop");
    assert_false(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    expect_in(err, "storage.loop.again contains itself");
    script_mod_saves_free(saves, n);
    fixture_eval(g, "keeper", "storage.loop = nil; storage[{}] = 1");
    assert_false(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    expect_in(err, "key that is a table");
    script_mod_saves_free(saves, n);
    /* A damaged section is refused, never half-read. */
    fixture_eval(g, "keeper", "for k in pairs(storage) do storage[k] = nil end; storage.x = 1");
    assert_true(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    saves[1].storage_len -= 2;
    assert_false(script_mods_restore(game_host(g), saves, n, err, sizeof err));
    expect_in(err, "damaged");
    script_mod_saves_free(saves, n);
    game_destroy(g);
}

static void test_mods_preview_leaves_storage_alone(void **state)
{
    (void)state;
    Game *g = storage_game();
    ScriptHost *h = game_host(g);
    ScriptDue due = {script_event_find(h, "tally"), -1, 0};
    ScriptCommands out = {0};
    assert_true(script_event_choose(h, game_core(g), &due, 0, true, &out));
    assert_true(out.count > 0);
    assert_string_equal(fixture_eval(g, "keeper", "return tostring(storage.count)"), "nil");
    char err[256];
    assert_true(game_run_until(g, 1958, 3, err, sizeof err)); /* the event fires in February */
    assert_string_equal(fixture_eval(g, "keeper", "return storage.count"), "1");
    /* With something kept, a preview puts it back as it was. */
    script_commands_clear(&out);
    assert_true(script_event_choose(h, game_core(g), &due, 0, true, &out));
    assert_string_equal(fixture_eval(g, "keeper", "return storage.count"), "1");
    /* Storage that cannot be copied is left alone (the save reports it). */
    fixture_eval(g, "keeper", "storage.f = print");
    assert_true(script_event_choose(h, game_core(g), &due, 0, true, &out));
    assert_string_equal(fixture_eval(g, "keeper", "return storage.count .. type(storage.f)"), "2function");
    script_commands_free(&out);
    game_destroy(g);
}

/* ==== Migrations ==== */

static void test_mods_migrations_run_in_order_from_the_saved_level(void **state)
{
    (void)state;
    fixture_mod("mover", NULL);
    fixture_put("mover/migrations/001_rename.lua",
                "return function(st)\n  st.history = st.events; st.events = nil\n"
                "  st.log = (st.log or '') .. '1'\nend\n");
    fixture_put("mover/migrations/002_count.lua",
                "return function(st)\n  st.count = #(st.history or {})\n  st.log = (st.log or '') .. '2'\nend\n");
    char err[1024];
    const char *mods[] = {"mover"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    assert_non_null(g);
    ScriptHost *h = game_host(g);
    int m = script_mod_find(h, "mover");
    assert_int_equal(script_mod_migration_level(h, m), 2);
    ScriptModSave saves[SCRIPT_MAX_MODS];
    int n;
    /* A save from before either migration. */
    fixture_eval(g, "mover", "storage.events = { 'a', 'b', 'c' }");
    assert_true(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    saves[1].migration_level = 0;
    assert_true(script_mods_restore(h, saves, n, err, sizeof err));
    assert_string_equal(fixture_eval(g, "mover", "return storage.log .. ' ' .. storage.count .. ' ' .. "
                                         "tostring(storage.events)"),
                        "12 3 nil");
    /* From level 1 only the second runs; at the current level, none. */
    saves[1].migration_level = 1;
    assert_true(script_mods_restore(h, saves, n, err, sizeof err));
    assert_string_equal(fixture_eval(g, "mover", "return storage.log .. ' ' .. storage.count"), "2 0");
    saves[1].migration_level = 2;
    assert_true(script_mods_restore(h, saves, n, err, sizeof err));
    assert_string_equal(fixture_eval(g, "mover", "return tostring(storage.log)"), "nil");
    /* A save from a newer version is refused. */
    saves[1].migration_level = 3;
    assert_false(script_mods_restore(h, saves, n, err, sizeof err));
    expect_in(err, "mod 'mover'");
    script_mod_saves_free(saves, n);
    game_destroy(g);
}

static void test_mods_failing_migration_names_file_and_line(void **state)
{
    (void)state;
    fixture_mod("faulty", NULL);
    fixture_put("faulty/migrations/001_boom.lua", "return function(st)\n  st.x = st.missing.field\nend\n");
    fixture_put("faulty/migrations/002_value.lua", "return function(st) return st end\n");
    fixture_put("faulty/migrations/notes.lua", "return nil\n");
    char err[1024];
    const char *mods[] = {"faulty"};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    assert_non_null(g);
    expect_in(fixture_errors, "faulty/migrations/notes.lua:0: migration files are named NNN_what.lua");
    ScriptModSave saves[SCRIPT_MAX_MODS];
    int n;
    assert_true(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    saves[1].migration_level = 0;
    assert_false(script_mods_restore(game_host(g), saves, n, err, sizeof err));
    expect_in(err, "faulty/migrations/001_boom.lua:2:");
    saves[1].migration_level = 1;
    assert_false(script_mods_restore(game_host(g), saves, n, err, sizeof err));
    expect_in(err, "faulty/migrations/002_value.lua:1: a migration changes the storage table it is given and "
                   "returns nothing");
    script_mod_saves_free(saves, n);
    game_destroy(g);
}

/* ==== A scenario's own choices ==== */

static void test_mods_scenario_takes_its_own_options(void **state)
{
    (void)state;
    fixture_mod("other_path", NULL);
    fixture_put("other_path/scenarios/listen.lua",
                "return {\n  id = \"listen\",\n  start = \"1958-01\",\n"
                "  data = { params = \"assets/data/params.csv\", provinces = \"assets/data/provinces.csv\" },\n"
                "  events = { lushan = \"listen_to_peng\" },\n}\n");
    const char *dirs[] = {fixture_path("other_path")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .scenario = "listen", .seed = 1, .mod_dirs = dirs,
                  .mod_dir_count = 1, .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = fixture_on_error}};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    assert_true(game_run_until(g, 1959, 8, err, sizeof err));
    assert_string_equal(core_decision_find(game_state(g), "lushan", -1)->option, "listen_to_peng");
    game_destroy(g);
    fixture_put("other_path/scenarios/listen.lua",
                "return {\n  id = \"listen\",\n  start = \"1958-01\",\n"
                "  data = { params = \"assets/data/params.csv\", provinces = \"assets/data/provinces.csv\" },\n"
                "  events = {\n    lushan = \"listen_to_peng\",\n    lushn = \"x\",\n  },\n}\n");
    assert_null(game_create(&d, err, sizeof err));
    expect_in(err, "other_path/scenarios/listen.lua:7: scenario 'listen': events names unknown event 'lushn'");
}

/* Games from different data files in one process each get their own
 * figures (the last files parsed are kept: game_build_scenario). */
static void test_mods_scenario_data_of_its_own(void **state)
{
    (void)state;
    size_t len;
    char *base = plat_read_file(GL_TEST_DATA_DIR "/assets/data/params.csv", 1 << 20, &len);
    assert_non_null(base);
    char *row = strstr(base, "\nkcal_need,2100,");
    assert_non_null(row);
    memcpy(row + 11, "1900", 4);
    fixture_mod("own_data", NULL);
    fixture_put("own_data/assets/data/params.csv", base);
    fixture_put("own_data/scenarios/own.lua",
                "return {\n  id = \"own\",\n  start = \"1958-01\",\n"
                "  data = { params = \"assets/data/params.csv\", provinces = \"assets/data/provinces.csv\" },\n}\n");
    const char *dirs[] = {fixture_path("own_data")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 1,
                  .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = fixture_on_error}};
    char err[1024];
    for (int round = 0; round < 2; round++) {
        d.scenario = "1958";
        Game *g = game_create(&d, err, sizeof err);
        if (!g)
            fail_msg("%s", err);
        assert_true(game_state(g)->params[CORE_PARAM_kcal_need] == 2100);
        game_destroy(g);
        d.scenario = "own";
        g = game_create(&d, err, sizeof err);
        if (!g)
            fail_msg("%s", err);
        assert_true(game_state(g)->params[CORE_PARAM_kcal_need] == 1900);
        assert_int_equal(game_state(g)->province_count, 28);
        game_destroy(g);
    }
    /* A broken copy after good ones: its own error. */
    memcpy(row + 11, "abcd", 4);
    fixture_put("own_data/assets/data/params.csv", base);
    assert_null(game_create(&d, err, sizeof err));
    expect_in(err, "kcal_need");
    free(base);
}

/* ==== Tests run in the mod's sandbox ==== */

static void test_mods_tests_see_the_mods_storage_and_require(void **state)
{
    (void)state;
    Game *g = storage_game();
    game_destroy(g);
    fixture_put("keeper/lib/expect.lua", "return { count = 1 }\n");
    fixture_put("keeper/tests/tally.lua",
                "local want = require('lib.expect')\nreturn {\n  { name = 'tally counts', run = function(t)\n"
                "      t:advance_to('1958-03')\n      t:expect(storage.count == want.count, 'count %s', storage.count)\n"
                "      t:reload()\n      t:expect(storage.count == want.count, 'after reload %s', storage.count)\n"
                "      t:expect(t:text('event.lushan.title', 'zh') == '庐山会议（1959年7月）', 'zh text')\n"
                "    end },\n  { name = 'fails on purpose', run = function(t) t:expect(false, 'no') end },\n}\n");
    const char *dirs[] = {fixture_path("keeper")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .mod_dirs = dirs, .mod_dir_count = 1,
                  .host = {.on_error = fixture_on_error}};
    int passed = 0, failed = 0;
    assert_true(game_run_mod_test_file(&d, "keeper", fixture_path("keeper/tests/tally.lua"), "keeper/tests/tally.lua",
                                       &passed, &failed));
    assert_int_equal(passed, 1);
    assert_int_equal(failed, 1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_mods_load_in_dependency_order_then_by_id),
        T(test_mods_missing_dependency_names_the_manifest),
        T(test_mods_cycle_is_an_error),
        T(test_mods_duplicate_id_names_both_folders),
        T(test_mods_a_folder_without_manifest_is_refused),
        T(test_mods_a_second_declaration_needs_override),
        T(test_mods_override_replaces_in_place),
        T(test_mods_override_of_nothing_is_an_error),
        T(test_mods_locale_keys_are_replaced_only_explicitly),
        T(test_mods_parameters_change_the_model),
        T(test_mods_bad_parameters_name_file_and_line),
        T(test_mods_require_loads_from_the_mod_only),
        T(test_mods_storage_survives_a_save),
        T(test_mods_storage_refuses_what_cannot_be_saved),
        T(test_mods_preview_leaves_storage_alone),
        T(test_mods_migrations_run_in_order_from_the_saved_level),
        T(test_mods_failing_migration_names_file_and_line),
        T(test_mods_scenario_takes_its_own_options),
        T(test_mods_scenario_data_of_its_own),
        T(test_mods_tests_see_the_mods_storage_and_require),
    };
    return cmocka_run_group_tests_name("mods", tests, NULL, NULL);
}
