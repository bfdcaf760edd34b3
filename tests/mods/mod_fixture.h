/* mod_fixture.h — small mods written into a private folder under /tmp for
 * the mod tests: each test writes the files it needs, then loads them. */
#ifndef MOD_FIXTURE_H
#define MOD_FIXTURE_H

#include "game.h"
#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char fixture_root[512];
static char fixture_errors[16384]; /* every script error, "file:line: message\n" */

/* Writes `text` to fixture_root/rel, creating the folders on the way. */
static inline void fixture_put(const char *rel, const char *text)
{
    char path[PLAT_PATH_MAX], dir[PLAT_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", fixture_root, rel);
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    *slash = '\0';
    if (!plat_mkdir_p(dir) || !plat_write_file_atomic(path, text, strlen(text)))
        fail_msg("cannot write %s: %s", path, plat_error());
}

/* fixture_root/rel as a path. */
static inline const char *fixture_path(const char *rel)
{
    static char paths[8][PLAT_PATH_MAX];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, PLAT_PATH_MAX, "%s/%s", fixture_root, rel);
    return p;
}

/* A minimal manifest for mod `id` with extra fields. */
static inline void fixture_mod(const char *id, const char *extra)
{
    char rel[256], text[2048];
    snprintf(rel, sizeof rel, "%s/mod.lua", id);
    snprintf(text, sizeof text,
             "return {\n  id = \"%s\",\n  name = \"%s\",\n  version = \"1.0.0\",\n  api_version = 1,\n"
             "  languages = { \"en\", \"zh\" },\n%s}\n",
             id, id, extra ? extra : "");
    fixture_put(rel, text);
}

static inline void fixture_on_error(const ScriptError *e, void *user)
{
    (void)user;
    size_t used = strlen(fixture_errors);
    snprintf(fixture_errors + used, sizeof fixture_errors - used, "%s:%d: %s\n", e->file, e->line, e->message);
}

/* A game with the base game and the given mod folders (relative to the
 * fixture root); NULL with the message in err. */
static inline Game *fixture_game(const char *const *mods, int n, char *err, size_t cap)
{
    const char *dirs[16];
    for (int i = 0; i < n; i++)
        dirs[i] = fixture_path(mods[i]);
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = n,
                  .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = fixture_on_error}};
    err[0] = '\0';
    return game_create(&d, err, cap);
}

/* A game with the base game and one mod; a load error fails the test. */
static inline Game *fixture_game_with(const char *mod)
{
    char err[1024];
    const char *mods[] = {mod};
    Game *g = fixture_game(mods, 1, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    return g;
}

/* Runs Lua in a loaded mod's sandbox and returns the result as text (with
 * "ERROR " in front if it failed). */
static inline const char *fixture_eval(Game *g, const char *mod, const char *code)
{
    static char out[1100];
    char text[1024];
    ScriptHost *h = game_host(g);
    int m = script_mod_find(h, mod);
    if (m < 0)
        fail_msg("mod '%s' is not loaded", mod);
    bool ok = script_eval(h, m, "test", code, text, sizeof text);
    snprintf(out, sizeof out, "%s%s", ok ? "" : "ERROR ", text);
    return out;
}

static inline int fixture_setup(const char *name)
{
    /* A non-ASCII folder name on purpose: a player's user name may be Chinese. */
    snprintf(fixture_root, sizeof fixture_root, "/tmp/greatleap-%s-%d/张三的模组", name, (int)getpid());
    fixture_errors[0] = '\0';
    return plat_mkdir_p(fixture_root) ? 0 : -1;
}

static inline int fixture_teardown(void)
{
    char cmd[PLAT_PATH_MAX + 32];
    char *slash = strrchr(fixture_root, '/');
    *slash = '\0';
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fixture_root);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
