/* Saves and settings: a save round-trips exactly; a damaged, truncated,
 * foreign or incompatible file is refused with the right reason and is
 * left untouched; writing leaves no temporary files; settings survive a
 * restart and a bad line costs only that line. Every test works in a
 * private XDG_DATA_HOME / XDG_CONFIG_HOME under /tmp. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "core/test_fixture.h"

static char home[256];

static void path_of(char *out, size_t cap, const char *rel) { snprintf(out, cap, "%s/%s", home, rel); }

static char *read_all(const char *rel, size_t *len)
{
    char p[512];
    path_of(p, sizeof p, rel);
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static void write_all(const char *rel, const char *data, size_t len)
{
    char p[512];
    path_of(p, sizeof p, rel);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(home, sizeof home, "/tmp/greatleap-test-saves-XXXXXX");
    if (!mkdtemp(home))
        return -1;
    setenv("XDG_DATA_HOME", home, 1);
    setenv("XDG_CONFIG_HOME", home, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
    return system(cmd) == 0 ? 0 : -1;
}

/* A state some months into the run, so the save holds real history. */
static CoreState *played_state(int months)
{
    CoreState *s = fixture_state(7);
    assert_non_null(s);
    for (int i = 0; i < months; i++)
        assert_true(core_tick(s, NULL, 0));
    return s;
}

#define SLOT1 "greatleap/saves/slot1.save"

static void test_save_round_trips_exactly(void **state)
{
    (void)state;
    CoreState *s = played_state(14);
    char err[256];
    assert_true(app_save_write(s, 1, true, "1958", err, sizeof err));
    AppSaveMeta meta;
    CoreState *back = app_save_read(1, &meta, err, sizeof err);
    assert_non_null(back);
    assert_int_equal(meta.status, APP_SAVE_OK);
    assert_true(meta.historical);
    assert_int_equal(meta.year, core_state_year(s));
    assert_int_equal(meta.month, core_state_month_of_year(s));
    assert_string_equal(meta.scenario, "1958");
    assert_true(core_state_hash(back) == core_state_hash(s));
    /* And it goes on identically. */
    assert_true(core_tick(s, NULL, 0));
    assert_true(core_tick(back, NULL, 0));
    assert_true(core_state_hash(back) == core_state_hash(s));
    core_state_destroy(back);
    core_state_destroy(s);
}

static void test_writing_leaves_no_temporary_files(void **state)
{
    (void)state;
    CoreState *s = played_state(2);
    char err[256];
    for (int slot = 0; slot <= APP_SAVE_SLOTS; slot++)
        assert_true(app_save_write(s, slot, false, "1958", err, sizeof err));
    assert_true(app_save_write(s, 1, false, "1958", err, sizeof err)); /* overwrite */
    char dir[512];
    path_of(dir, sizeof dir, "greatleap/saves");
    DIR *d = opendir(dir);
    assert_non_null(d);
    int files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        files++;
        size_t n = strlen(e->d_name);
        assert_true(n > 5 && strcmp(e->d_name + n - 5, ".save") == 0);
    }
    closedir(d);
    assert_int_equal(files, APP_SAVE_SLOTS + 1);
    assert_false(app_save_write(s, APP_SAVE_SLOTS + 1, false, "1958", err, sizeof err));
    core_state_destroy(s);
}

/* Changes a file, tries to load it, and checks the reason and that the
 * file is exactly as it was given. */
static void expect_refused(const char *data, size_t len, AppSaveStatus want)
{
    write_all(SLOT1, data, len);
    AppSaveMeta meta;
    char err[256] = "";
    CoreState *s = app_save_read(1, &meta, err, sizeof err);
    assert_null(s);
    assert_int_equal(meta.status, want);
    assert_true(meta.damaged);
    assert_true(err[0] != '\0');
    size_t after_len;
    char *after = read_all(SLOT1, &after_len);
    assert_int_equal(after_len, len);
    assert_memory_equal(after, data, len);
    free(after);
}

static void test_damaged_saves_are_refused_and_left_alone(void **state)
{
    (void)state;
    CoreState *s = played_state(5);
    char err[256];
    assert_true(app_save_write(s, 1, false, "1958", err, sizeof err));
    assert_true(app_save_write(s, 2, false, "1958", err, sizeof err));
    size_t len;
    char *good = read_all(SLOT1, &len);
    assert_non_null(good);
    char *bad = malloc(len);

    memcpy(bad, good, len); /* one flipped byte in the middle of the state */
    bad[len / 2] ^= 0x20;
    expect_refused(bad, len, APP_SAVE_DAMAGED);
    expect_refused(good, len - 100, APP_SAVE_DAMAGED);  /* cut short */
    expect_refused(good, 10, APP_SAVE_FOREIGN);         /* cut inside the header */
    expect_refused("hello, world\n", 13, APP_SAVE_FOREIGN);
    expect_refused("", 0, APP_SAVE_FOREIGN);

    /* Intact and correctly summed, but from another version of the state format. */
    memcpy(bad, good, len);
    char *core = strstr(bad, "\ncore ");
    assert_non_null(core);
    char *at = strchr(core + 1, '\n') + 1;
    at[8] = 99; /* the format version, after the 8-byte magic: one this game never wrote */
    char *trailer = bad + len - 22; /* "\nend " and 16 hex digits and "\n" */
    assert_memory_equal(trailer, "\nend ", 5);
    uint64_t h = 14695981039346656037ULL; /* FNV-1a, as the save format defines */
    for (char *p = bad; p < trailer; p++)
        h = (h ^ (uint8_t)*p) * 1099511628211ULL;
    char sum[32];
    snprintf(sum, sizeof sum, "\nend %016llx\n", (unsigned long long)h);
    memcpy(trailer, sum, strlen(sum));
    expect_refused(bad, len, APP_SAVE_INCOMPATIBLE);

    /* The other slot was never touched. */
    AppSaveMeta meta;
    CoreState *two = app_save_read(2, &meta, err, sizeof err);
    assert_non_null(two);
    assert_true(core_state_hash(two) == core_state_hash(s));
    core_state_destroy(two);

    char four[512];
    path_of(four, sizeof four, "greatleap/saves/slot4.save");
    unlink(four);
    AppSaveMeta none;
    assert_null(app_save_read(4, &none, err, sizeof err));
    assert_int_equal(none.status, APP_SAVE_MISSING);
    assert_false(none.exists);
    free(bad);
    free(good);
    core_state_destroy(s);
}

static void test_every_status_has_a_locale_key(void **state)
{
    (void)state;
    ScriptHost *h = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    for (int st = APP_SAVE_OK; st < APP_SAVE_COUNT; st++)
        for (int l = 0; l < SCRIPT_LANG_COUNT; l++) {
            const char *key = app_save_status_key((AppSaveStatus)st);
            /* script_text gives the key back when there is no text for it */
            assert_string_not_equal(script_text(h, (ScriptLang)l, key), key);
        }
    script_host_destroy(h);
}

/* A save of every format since the first (tests/app/saves/README.md): the
 * ones whose state comes from an earlier model are refused as such, with
 * the format named, and left as they were; the others load. */
static void test_saves_of_every_format(void **state)
{
    (void)state;
    static const struct { const char *file; int format; AppSaveStatus status; } cases[] = {
        {"format1.save", 1, APP_SAVE_OLD_MODEL},
        {"format2-state1.save", 2, APP_SAVE_OLD_MODEL},
        {"format2-earlier-fit.save", 2, APP_SAVE_OLD_MODEL},
        {"format2-fit-of-2026-12-05.save", 2, APP_SAVE_OLD_MODEL},
        {"format2.save", 2, APP_SAVE_OK},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512], dir[512];
        snprintf(path, sizeof path, "%s/tests/app/saves/%s", GL_TEST_DATA_DIR, cases[i].file);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        char *data = malloc(1u << 20);
        size_t len = fread(data, 1, 1u << 20, f);
        fclose(f);
        path_of(dir, sizeof dir, "greatleap/saves");
        char cmd[600];
        snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
        assert_int_equal(system(cmd), 0);
        write_all("greatleap/saves/slot4.save", data, len);
        AppSaveMeta meta;
        char err[512];
        CoreState *s = app_save_read(4, &meta, err, sizeof err);
        print_message("%s: status %d, %s\n", cases[i].file, (int)meta.status, s ? "loaded" : err);
        assert_int_equal(meta.format, cases[i].format);
        assert_int_equal(meta.status, cases[i].status);
        if (cases[i].status == APP_SAVE_OK) {
            assert_non_null(s);
            assert_int_equal(meta.year, 1959);
            assert_int_equal(meta.month, 7);
        } else {
            assert_null(s);
            char want[64];
            snprintf(want, sizeof want, "save format %d, state format ", cases[i].format);
            assert_non_null(strstr(err, want));
            assert_non_null(strstr(err, "from another model of the famine"));
        }
        size_t back_len;
        char *back = read_all("greatleap/saves/slot4.save", &back_len);
        assert_int_equal(back_len, len);
        assert_memory_equal(back, data, len);
        free(back);
        free(data);
        core_state_destroy(s);
    }
}

/* Field by field: the struct's padding bytes are not part of the settings. */
static bool same_settings(const AppSettings *a, const AppSettings *b)
{
    return a->lang == b->lang && a->fullscreen == b->fullscreen && a->speed == b->speed &&
           a->ui_scale_percent == b->ui_scale_percent && a->provincial == b->provincial && a->volume == b->volume &&
           a->guided_start_seen == b->guided_start_seen;
}

static void test_settings_survive_a_restart(void **state)
{
    (void)state;
    AppSettings s, back;
    char err[256], warn[256];
    app_settings_load(&s, warn, sizeof warn); /* nothing saved yet: defaults, no warning */
    assert_string_equal(warn, "");
    AppSettings defaults;
    app_settings_defaults(&defaults);
    assert_true(same_settings(&s, &defaults));
    s.lang = SCRIPT_LANG_ZH;
    s.fullscreen = true;
    s.speed = 3;
    s.ui_scale_percent = 125;
    s.provincial = GAME_PROVINCIAL_ASK;
    s.volume = 35;
    s.guided_start_seen = true;
    assert_true(app_settings_save(&s, err, sizeof err));
    app_settings_load(&back, warn, sizeof warn);
    assert_string_equal(warn, "");
    assert_true(same_settings(&back, &s));
}

static void test_a_bad_settings_line_costs_only_that_line(void **state)
{
    (void)state;
    const char *text = "language = zh\nspeed = 9\nthis line is nonsense\nui_scale = 150\n";
    write_all("greatleap/settings.ini", text, strlen(text));
    AppSettings s, defaults;
    app_settings_defaults(&defaults);
    char warn[256];
    app_settings_load(&s, warn, sizeof warn);
    assert_int_equal(s.lang, SCRIPT_LANG_ZH);
    assert_int_equal(s.speed, defaults.speed);
    assert_int_equal(s.ui_scale_percent, 150);
    assert_non_null(strstr(warn, "settings.ini:"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_round_trips_exactly),
        cmocka_unit_test(test_writing_leaves_no_temporary_files),
        cmocka_unit_test(test_damaged_saves_are_refused_and_left_alone),
        cmocka_unit_test(test_every_status_has_a_locale_key),
        cmocka_unit_test(test_saves_of_every_format),
        cmocka_unit_test(test_settings_survive_a_restart),
        cmocka_unit_test(test_a_bad_settings_line_costs_only_that_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
