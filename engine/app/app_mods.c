/* app_mods.c — where mods come from and how their tests run: the player's
 * installed mods ($XDG_DATA_HOME/greatleap/mods/NAME/mod.lua) and
 * greatleap --test-mods, which runs each mod's tests/NAME.lua headless in
 * the mod's own sandbox, a fresh game per test. */
#define _POSIX_C_SOURCE 200809L
#include "app_internal.h"

#include "game.h"
#include "platform.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sub-folders of `dir` that hold a mod.lua, sorted by name. Returns a
 * malloc'd list (free with plat_list_free), NULL if there is no folder. */
static char **mod_folders(const char *dir, int *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    int cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[PLAT_PATH_MAX], manifest[PLAT_PATH_MAX];
        if (e->d_name[0] == '.' || !plat_path_join(path, sizeof path, dir, e->d_name) ||
            !plat_path_join(manifest, sizeof manifest, path, "mod.lua") || !plat_is_file(manifest))
            continue;
        if (*count == cap) {
            cap = cap ? cap * 2 : 8;
            char **n = realloc(names, sizeof *n * (size_t)cap);
            if (!n)
                break;
            names = n;
        }
        size_t len = strlen(e->d_name) + 1;
        if (!(names[*count] = malloc(len)))
            break;
        memcpy(names[(*count)++], e->d_name, len);
    }
    closedir(d);
    if (names)
        qsort(names, (size_t)*count, sizeof *names, compare_names);
    return names;
}

static void ignore_problem(const char *file, int line, const char *message, void *user)
{
    (void)file, (void)line, (void)message, (void)user; /* the game reports it when it loads the mods */
}

static const char *left_out[APP_MAX_MODS];
static int left_out_count;

int app_mods_left_out(const char *const **dirs)
{
    *dirs = left_out;
    return left_out_count;
}

void app_mods_add_user(AppOptions *o, char *warn, size_t cap) { app_mods_add_user_except(o, "", warn, cap); }

void app_mods_add_user_except(AppOptions *o, const char *disabled, char *warn, size_t cap)
{
    /* The paths live as long as the program: AppOptions only points at them. */
    static char found[APP_MAX_MODS][PLAT_PATH_MAX];
    static int used;
    char base[PLAT_PATH_MAX], dir[PLAT_PATH_MAX];
    if (!plat_user_dir(base, sizeof base, "XDG_DATA_HOME", ".local/share") ||
        !plat_path_join(dir, sizeof dir, base, "mods") || !plat_is_dir(dir))
        return;
    int n;
    char **names = mod_folders(dir, &n);
    int skipped = 0;
    for (int i = 0; i < n; i++) {
        if (o->mod_count >= APP_MAX_MODS || used >= APP_MAX_MODS) {
            skipped++;
            continue;
        }
        plat_path_join(found[used], sizeof found[used], dir, names[i]);
        ScriptManifest *m = calloc(1, sizeof *m);
        char err[256];
        bool off = m && disabled && disabled[0] && script_manifest_read(found[used], found[used], m, err, sizeof err) &&
                   app_word_listed(disabled, m->id);
        free(m);
        if (off) {
            if (left_out_count < APP_MAX_MODS)
                left_out[left_out_count++] = found[used++];
            continue;
        }
        o->mods[o->mod_count++] = found[used++];
    }
    if (skipped)
        snprintf(warn, cap, "%d installed mod(s) in %s were not loaded: at most %d mods", skipped, dir, APP_MAX_MODS);
    plat_list_free(names, n);
}

void app_mods_sort(AppOptions *o) { app_mods_sort_preferring(o, ""); }

void app_mods_sort_preferring(AppOptions *o, const char *preferred)
{
    int n = o->mod_count;
    ScriptManifest *m = calloc((size_t)n + 1, sizeof *m);
    int order[SCRIPT_MAX_MODS + 1];
    char err[1024];
    bool ok = m && n + 1 <= SCRIPT_MAX_MODS;
    /* The base game goes in as a placeholder: every mod depends on it. */
    if (ok)
        snprintf(m[0].id, sizeof m[0].id, "base");
    for (int i = 0; i < n && ok; i++)
        ok = script_manifest_read(o->mods[i], o->mods[i], &m[i + 1], err, sizeof err) &&
             strcmp(m[i + 1].id, "base") != 0;
    int rank[SCRIPT_MAX_MODS + 1] = {0};
    for (int i = 0; ok && i <= n; i++) { /* a preferred id's place in the list, else after all of them */
        rank[i] = SCRIPT_MAX_MODS + 1;
        int at = 0;
        for (const char *p = preferred; p && *p;) {
            size_t len = strcspn(p, " ");
            if (len && len == strlen(m[i].id) && strncmp(p, m[i].id, len) == 0)
                rank[i] = at;
            at += len > 0;
            p += len + (p[len] == ' ');
        }
    }
    if (ok && script_mods_order_ranked(m, n + 1, rank, order, ignore_problem, NULL)) {
        const char *sorted[APP_MAX_MODS];
        for (int i = 1; i <= n; i++)
            sorted[i - 1] = o->mods[order[i] - 1];
        memcpy(o->mods, sorted, sizeof *sorted * (size_t)n);
    }
    free(m);
}

/* ==== --test-mods ==== */

int app_test_mods_run(const AppOptions *o, const char *argv0)
{
    char data[PLAT_PATH_MAX];
    if (!app_find_data(o, argv0, data, sizeof data))
        return 2;
    /* Every folder named loads in every test, so that the mods can depend
     * on one another; each mod's tests run in that mod's sandbox. */
    const char *dirs[2 * APP_MAX_MODS];
    int n = 0;
    for (int i = 0; i < o->mod_count; i++)
        dirs[n++] = o->mods[i];
    for (int i = 0; i < o->mod_arg_count; i++)
        dirs[n++] = o->mod_args[i];
    bool quiet = o->quiet; /* print() in tests helps to find out why one fails */
    GameDesc base = {.data_dir = data, .mod_dirs = dirs, .mod_dir_count = n,
                     .host = {.on_error = app_log_script_error, .on_log = app_log_script_print, .user = &quiet}};
    int passed = 0, failed = 0;
    for (int i = 0; i < o->mod_arg_count; i++) {
        const char *dir = o->mod_args[i];
        ScriptManifest m;
        char err[1024], tests[PLAT_PATH_MAX];
        if (!script_manifest_read(dir, dir, &m, err, sizeof err)) {
            printf("FAIL %s\n", err);
            failed++;
            continue;
        }
        int count = 0;
        char **names = plat_path_join(tests, sizeof tests, dir, "tests") && plat_is_dir(tests)
                           ? plat_list_dir(tests, ".lua", &count)
                           : NULL;
        if (count == 0) {
            printf("FAIL %s: no tests (a mod's tests are the .lua files in its tests/ folder)\n", dir);
            failed++;
        }
        for (int k = 0; k < count; k++) {
            char path[PLAT_PATH_MAX], shown[PLAT_PATH_MAX];
            plat_path_join(path, sizeof path, tests, names[k]);
            snprintf(shown, sizeof shown, "%s/tests/%s", dir, names[k]);
            /* A mod that is the base game runs its tests in the base sandbox. */
            game_run_mod_test_file(&base, strcmp(m.id, "base") == 0 ? NULL : m.id, path, shown, &passed, &failed);
        }
        if (names)
            plat_list_free(names, count);
    }
    printf("%d tests, %d passed, %d failed\n", passed + failed, passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
