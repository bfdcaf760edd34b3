/* Save files with mods (app_saves.c): each mod's version and storage go into
 * the save under the checksum and come back on load, with the migrations a
 * newer version of the mod brings; saves from before mods had storage still
 * load. The saves live in a private XDG_DATA_HOME with a Chinese name. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "mod_fixture.h"

static char save_path[PLAT_PATH_MAX];

static int setup(void **state)
{
    (void)state;
    if (fixture_setup("saves") != 0)
        return -1;
    setenv("XDG_DATA_HOME", fixture_path("数据"), 1);
    snprintf(save_path, sizeof save_path, "%s/greatleap/saves/slot1.save", fixture_path("数据"));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return fixture_teardown();
}

/* Runs Lua in a mod's sandbox; a script error fails the test. */
static const char *eval(Game *g, const char *mod, const char *code)
{
    const char *out = fixture_eval(g, mod, code);
    if (strncmp(out, "ERROR ", 6) == 0)
        fail_msg("%s: %s", code, out);
    return out;
}

static void save_slot1(Game *g)
{
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n;
    char err[512];
    assert_true(game_save_mods(g, mods, SCRIPT_MAX_MODS, &n, err, sizeof err));
    if (!app_save_write_mods(game_state(g), mods, n, 1, true, "1958", err, sizeof err))
        fail_msg("%s", err);
    script_mod_saves_free(mods, n);
}

/* Loads slot 1 into a new game with the keeper mod as it is now on disk. */
static Game *load_slot1(char *err, size_t cap)
{
    AppSaveMeta meta;
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n;
    CoreState *s = app_save_read_mods(1, &meta, mods, SCRIPT_MAX_MODS, &n, err, cap);
    if (!s)
        fail_msg("%s", err);
    const char *dirs[] = {fixture_path("keeper")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 1,
                  .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = fixture_on_error}};
    Game *g = game_restore_saved(&d, s, mods, n, err, cap);
    script_mod_saves_free(mods, n);
    return g;
}

static void test_saves_keep_each_mods_storage_and_version(void **state)
{
    (void)state;
    fixture_mod("keeper", NULL);
    Game *g = fixture_game_with("keeper");
    char err[1024];
    assert_true(game_run_until(g, 1958, 6, err, sizeof err));
    eval(g, "keeper", "storage.notes = { '大跃进', 1958, { ok = true } }");
    save_slot1(g);
    uint64_t hash = core_state_hash(game_state(g));
    game_destroy(g);
    size_t len;
    char *text = plat_read_file(save_path, 1u << 26, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "GREATLEAP-SAVE 3\n")); /* the format written now (format 2 still loads) */
    assert_non_null(strstr(text, "\nmod base "));
    assert_non_null(strstr(text, "\nmod keeper 1.0.0 0 "));
    free(text);
    AppSaveMeta meta;
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n;
    CoreState *s = app_save_read_mods(1, &meta, mods, SCRIPT_MAX_MODS, &n, err, sizeof err);
    assert_non_null(s);
    assert_true(core_state_hash(s) == hash);
    assert_int_equal(n, 2);
    assert_string_equal(mods[1].id, "keeper");
    core_state_destroy(s);
    script_mod_saves_free(mods, n);
    g = load_slot1(err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    assert_string_equal(eval(g, "keeper", "return storage.notes[1] .. storage.notes[2] .. tostring(storage.notes[3].ok)"),
                        "大跃进1958true");
    game_destroy(g);
}

static void test_saves_checksum_covers_storage(void **state)
{
    (void)state;
    fixture_mod("keeper", NULL);
    Game *g = fixture_game_with("keeper");
    eval(g, "keeper", "storage.word = 'harvest'");
    save_slot1(g);
    game_destroy(g);
    size_t len;
    char *text = plat_read_file(save_path, 1u << 26, &len);
    char *at = NULL; /* the core's bytes hold NULs: search the whole buffer */
    for (size_t i = 0; i + 7 <= len && !at; i++)
        if (memcmp(text + i, "harvest", 7) == 0)
            at = text + i;
    assert_non_null(at);
    at[0] = 'H';
    assert_true(plat_write_file_atomic(save_path, text, len));
    free(text);
    AppSaveMeta meta;
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n;
    char err[256];
    assert_null(app_save_read_mods(1, &meta, mods, SCRIPT_MAX_MODS, &n, err, sizeof err));
    assert_int_equal(meta.status, APP_SAVE_DAMAGED);
}

static uint64_t fnv(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 1099511628211ULL;
    return h;
}

/* A save as the game wrote it before mods had storage (format 1). */
static void test_saves_from_before_storage_still_load(void **state)
{
    (void)state;
    fixture_mod("keeper", NULL);
    Game *g = fixture_game_with("keeper");
    uint8_t *core;
    size_t core_len;
    assert_true(core_save_to_buffer(game_state(g), &core, &core_len));
    size_t cap = core_len + 512;
    char *buf = malloc(cap);
    int n = snprintf(buf, cap, "GREATLEAP-SAVE 1\nmode historical\nscenario 1958\ndate 1958-01\nsaved 2024-01-01 "
                               "10:00\ncore %zu\n", core_len);
    memcpy(buf + n, core, core_len);
    size_t used = (size_t)n + core_len;
    used += (size_t)snprintf(buf + used, cap - used, "\nend %016llx\n", (unsigned long long)fnv(buf, used));
    char dir[PLAT_PATH_MAX];
    snprintf(dir, sizeof dir, "%s/greatleap/saves", fixture_path("数据"));
    assert_true(plat_mkdir_p(dir));
    assert_true(plat_write_file_atomic(save_path, buf, used));
    free(buf);
    free(core);
    game_destroy(g);
    AppSaveMeta meta;
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int count = -1;
    char err[512];
    CoreState *s = app_save_read_mods(1, &meta, mods, SCRIPT_MAX_MODS, &count, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    assert_int_equal(count, 0);
    assert_int_equal(meta.year, 1958);
    core_state_destroy(s);
    /* And the plain reader still reads new saves. */
    g = fixture_game_with("keeper");
    save_slot1(g);
    game_destroy(g);
    assert_non_null(s = app_save_read(1, &meta, err, sizeof err));
    core_state_destroy(s);
}

static void test_saves_run_the_migrations_a_new_version_brings(void **state)
{
    (void)state;
    fixture_mod("keeper", NULL);
    Game *g = fixture_game_with("keeper");
    eval(g, "keeper", "storage.events = { 'lushan' }");
    save_slot1(g);
    game_destroy(g);
    /* Version 1.1 of the mod renames the field. */
    fixture_put("keeper/mod.lua", "return { id = \"keeper\", name = \"keeper\", version = \"1.1.0\", api_version = 1 }\n");
    fixture_put("keeper/migrations/001_rename.lua",
                "return function(st) st.history = st.events; st.events = nil end\n");
    char err[1024];
    g = load_slot1(err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    assert_string_equal(eval(g, "keeper", "return storage.history[1] .. ' ' .. tostring(storage.events)"),
                        "lushan nil");
    /* Saved again, the save records the new level: loading it runs nothing. */
    save_slot1(g);
    game_destroy(g);
    fixture_put("keeper/migrations/001_rename.lua", "return function(st) error('must not run again') end\n");
    g = load_slot1(err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    game_destroy(g);
    /* A save from a newer version than the one installed is refused. */
    unlink(fixture_path("keeper/migrations/001_rename.lua"));
    assert_null(load_slot1(err, sizeof err));
    assert_non_null(strstr(err, "version 1.1.0 of mod 'keeper'"));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_saves_keep_each_mods_storage_and_version),
        T(test_saves_checksum_covers_storage),
        T(test_saves_from_before_storage_still_load),
        T(test_saves_run_the_migrations_a_new_version_brings),
    };
    return cmocka_run_group_tests_name("mod_saves", tests, NULL, NULL);
}
