/* script_loader.c — loading a mod folder: its manifest, locale strings,
 * policies, events and scenarios, each file in its own protected call; a
 * bad file is skipped with an error naming the file and line, and the rest
 * loads. And the files of the loaded mods, for the checks. */
#include "script_api.h"
#include "script_decl.h"

#include "platform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum FileKind {
    FILE_MANIFEST, FILE_LOCALE, FILE_POLICY, FILE_EVENT, FILE_SCENARIO, FILE_SOURCES, FILE_PATCH, FILE_MAPMODE,
    FILE_EXPORTS
} FileKind;

typedef struct LoadJob {
    ScriptHost *h;
    int mod;
    const char *display, *file_name, *src;
    size_t len;
    FileKind kind;
    bool ok;
} LoadJob;

/* Runs protected (script_protected): builds the env, loads, runs and
 * registers the file's declaration. */
static int load_file_body(lua_State *L)
{
    LoadJob *j = lua_touserdata(L, 1);
    char chunk[300];
    snprintf(chunk, sizeof chunk, "@%s", j->display);
    LoadCtx c = {j->h, j->mod, L, j->display, j->src, NULL};
    if (!script_run_chunk_env(j->h, j->mod, j->src, j->len, chunk, 1, "loading"))
        return 0;
    int t = lua_gettop(L);
    script_hooks_keep(L, t - 1); /* the file's environment */
    if (!lua_istable(L, t)) {
        decl_bad(&c, NULL, "the file must return a table (it returned a %s)", luaL_typename(L, t));
        return 0;
    }
    switch (j->kind) {
    case FILE_MANIFEST: j->ok = script_decl_manifest(&c, t); break;
    case FILE_LOCALE: j->ok = script_decl_locale(&c, t, j->file_name); break;
    case FILE_POLICY: j->ok = script_decl_policy(&c, t); break;
    case FILE_EVENT: j->ok = script_decl_event(&c, t); break;
    case FILE_SCENARIO: j->ok = script_decl_scenario(&c, t); break;
    case FILE_SOURCES: j->ok = script_decl_sources(&c, t); break;
    case FILE_PATCH: j->ok = script_decl_patch(&c, t); break;
    case FILE_MAPMODE: j->ok = script_decl_map_mode(&c, t); break;
    case FILE_EXPORTS: script_exports_keep(L, t); j->ok = true; break;
    }
    return 0;
}

static bool load_file(ScriptHost *h, int mod, const char *path, const char *display, const char *file_name,
                      FileKind kind)
{
    size_t len;
    char *src = script_mod_file_read(h, mod, path, SCRIPT_MAX_FILE_BYTES, &len);
    if (!src) { /* line 1: the file as a whole */
        script_report(h, mod, "loading", display, 1, "%s", plat_error());
        return false;
    }
    LoadJob j = {h, mod, display, file_name, src, len, kind, false};
    script_protected(h, mod, load_file_body, &j, "loading");
    free(src);
    return j.ok;
}

static void load_folder(ScriptHost *h, int mod, const char *sub, FileKind kind)
{
    ScriptMod *m = &h->mods[mod];
    char dir[PLAT_PATH_MAX];
    if (!plat_path_join(dir, sizeof dir, m->dir, sub) || !plat_is_dir(dir))
        return;
    int n;
    char **names = plat_list_dir(dir, ".lua", &n);
    if (!names) {
        script_report(h, mod, "loading", sub, 0, "%s", plat_error());
        return;
    }
    for (int i = 0; i < n; i++) {
        char path[PLAT_PATH_MAX], display[512];
        plat_path_join(path, sizeof path, dir, names[i]);
        snprintf(display, sizeof display, "%s/%s/%s", m->display_dir, sub, names[i]);
        load_file(h, mod, path, display, names[i], kind);
    }
    plat_list_free(names, n);
}

/* A file at the top of the mod's folder, if there is one. */
static void load_root_file(ScriptHost *h, int mod, const char *name, FileKind kind)
{
    ScriptMod *m = &h->mods[mod];
    char path[PLAT_PATH_MAX], display[512];
    if (!plat_path_join(path, sizeof path, m->dir, name) || !plat_exists(path))
        return;
    snprintf(display, sizeof display, "%s/%s", m->display_dir, name);
    load_file(h, mod, path, display, name, kind);
}

/* Installs what every mod's files see besides the sandbox: require and
 * storage. Run protected: both allocate. */
static int open_extras(lua_State *L)
{
    script_require_open(L);
    script_storage_open(L);
    script_settings_open(L);
    script_exports_open(L);
    return 0;
}

/* Creates mod slot `h->mod_count` for a folder and reads its manifest.
 * Returns the mod index, or -1 after reporting why it cannot load. */
int script_open_mod(ScriptHost *h, const char *dir, const char *display_root)
{
    if (h->mod_count >= SCRIPT_MAX_MODS) {
        script_report(h, -1, "loading", dir, 0, "too many mods (at most %d)", SCRIPT_MAX_MODS);
        return -1;
    }
    if (!plat_is_dir(dir)) {
        script_report(h, -1, "loading", dir, 0, "not a folder");
        return -1;
    }
    int mod = h->mod_count;
    ScriptMod *m = &h->mods[mod];
    memset(m, 0, sizeof *m);
    snprintf(m->dir, sizeof m->dir, "%s", dir);
    snprintf(m->display_dir, sizeof m->display_dir, "%s", display_root ? display_root : dir);
    const char *base = strrchr(dir, '/');
    snprintf(m->id, sizeof m->id, "%s", base && base[1] ? base + 1 : dir);
    snprintf(m->version, sizeof m->version, "0");
    if (!script_sandbox_open(h, m)) {
        script_report(h, -1, "loading", dir, 0, "cannot create a Lua state (out of memory)");
        return -1;
    }
    h->mod_count++;
    m->folder = plat_folder_open(dir);
    if (!script_protected(h, mod, open_extras, NULL, "loading")) {
        m->disabled = true;
        return -1;
    }
    char manifest[PLAT_PATH_MAX], display[sizeof m->manifest.file];
    plat_path_join(manifest, sizeof manifest, dir, "mod.lua");
    snprintf(display, sizeof display, "%s/mod.lua", m->display_dir);
    script_copy(m->manifest.file, sizeof m->manifest.file, display);
    if (plat_is_file(manifest) && !load_file(h, mod, manifest, display, "mod.lua", FILE_MANIFEST)) {
        m->disabled = true;
        return -1;
    }
    if (!plat_is_file(manifest))
        m->manifest.file[0] = '\0';
    script_copy(m->manifest.id, sizeof m->manifest.id, m->id);
    script_copy(m->manifest.version, sizeof m->manifest.version, m->version);
    script_settings_defaults(m);
    return mod;
}

bool script_host_load_mod(ScriptHost *h, const char *dir, const char *display_root)
{
    int mod = script_open_mod(h, dir, display_root);
    if (mod < 0)
        return false;
    ScriptMod *m = &h->mods[mod];
    for (int i = 0; i < mod; i++)
        if (strcmp(h->mods[i].id, m->id) == 0) {
            script_report(h, mod, "loading", m->manifest.file[0] ? m->manifest.file : m->display_dir, 1,
                          "mod id '%s' is already used by %s", m->id,
                          h->mods[i].manifest.file[0] ? h->mods[i].manifest.file : h->mods[i].dir);
            m->disabled = true;
            return false;
        }
    m->migration_level = script_migrations_scan(h, mod);
    load_root_file(h, mod, "sources.lua", FILE_SOURCES);
    load_folder(h, mod, "locale", FILE_LOCALE);
    load_folder(h, mod, "policies", FILE_POLICY);
    load_folder(h, mod, "events", FILE_EVENT);
    load_folder(h, mod, "scenarios", FILE_SCENARIO);
    load_folder(h, mod, "patches", FILE_PATCH);
    load_folder(h, mod, "mapmodes", FILE_MAPMODE);
    load_root_file(h, mod, "exports.lua", FILE_EXPORTS);
    return true;
}

/* ==== Files of loaded mods (for checks) ==== */

int script_file_mod(const ScriptHost *h, const char *display)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < h->mod_count; i++) {
        size_t n = strlen(h->mods[i].display_dir);
        if (n > best_len && strncmp(display, h->mods[i].display_dir, n) == 0 && display[n] == '/') {
            best = i;
            best_len = n;
        }
    }
    return best;
}

void script_error_file(const ScriptHost *h, const char *file, char *out, size_t cap)
{
    snprintf(out, cap, "%s", file);
    if (strncmp(file, "...", 3) != 0)
        return;
    const char *tail = file + 3;
    /* tail = (end of a mod's display folder) + "/" + (a file in that mod) */
    for (int m = 0; m < h->mod_count; m++) {
        const char *dir = h->mods[m].display_dir;
        size_t dn = strlen(dir);
        for (const char *slash = strchr(tail, '/'); slash; slash = strchr(slash + 1, '/')) {
            size_t head = (size_t)(slash - tail);
            char path[PLAT_PATH_MAX];
            if (head > dn || strncmp(dir + dn - head, tail, head) != 0 ||
                !plat_path_join(path, sizeof path, h->mods[m].dir, slash + 1) || !plat_is_file(path))
                continue;
            snprintf(out, cap, "%s%s", dir, slash);
            return;
        }
    }
}

bool script_file_path(const ScriptHost *h, const char *display, char *out, size_t cap)
{
    int mod = script_file_mod(h, display);
    return mod >= 0 && plat_path_join(out, cap, h->mods[mod].dir, display + strlen(h->mods[mod].display_dir) + 1) &&
           plat_path_inside(h->mods[mod].dir, out);
}

static int syntax_body(lua_State *L)
{
    ScriptFileJob *j = lua_touserdata(L, 1);
    char chunk[PLAT_PATH_MAX + 1];
    snprintf(chunk, sizeof chunk, "@%s", j->display);
    script_sandbox_push_env(L);
    if (script_sandbox_load(L, j->src, j->len, chunk) == LUA_OK) {
        j->ok = true;
        return 0;
    }
    const char *msg = lua_tostring(L, -1);
    const char *colon = msg ? strstr(msg, ".lua:") : NULL;
    int line = colon ? atoi(colon + 5) : 0;
    const char *text = colon ? strchr(colon + 5, ':') : NULL;
    script_report(j->h, j->mod, "syntax", j->display, line, "%s", text ? text + 2 : msg ? msg : "cannot load");
    return 0;
}

bool script_syntax_check(ScriptHost *h, int mod, const char *path, const char *display)
{
    if (mod < 0 || mod >= h->mod_count)
        return false;
    size_t len;
    char *src = script_mod_file_read(h, mod, path, SCRIPT_MAX_FILE_BYTES, &len);
    if (!src) {
        script_report(h, mod, "syntax", display, 1, "%s", plat_error());
        return false;
    }
    ScriptFileJob j = {h, mod, src, display, len, false};
    script_protected(h, mod, syntax_body, &j, "syntax");
    free(src);
    return j.ok;
}
