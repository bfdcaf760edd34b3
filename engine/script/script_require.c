/* script_require.c — `require("x.y")` for mod files: it loads x/y.lua from
 * the mod's own folder and nowhere else (no search path, no C modules, no
 * bytecode), runs it in a fresh environment of the same mod, and caches the
 * result per mod. Names are plain identifiers joined by dots, so a name
 * cannot climb out of the folder; the resolved path is checked too, so a
 * symbolic link cannot lead out of it either. */
#include "script_internal.h"

#include "platform.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MODULE_BYTES (4u << 20)

static const char k_loaded_key = 'r';   /* registry: name -> module result */
static const char k_loading = 'l';      /* sentinel while a module runs: finds cycles */

/* "lib.util" -> "lib/util"; false unless every part is an identifier. */
static bool module_path(const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    if (n == 0 || n + 5 > cap || n > 200)
        return false;
    bool part_start = true;
    for (size_t i = 0; i < n; i++) {
        char ch = name[i];
        if (ch == '.') {
            if (part_start)
                return false;
            out[i] = '/';
            part_start = true;
            continue;
        }
        if (!(isalnum((unsigned char)ch) || ch == '_') || (part_start && isdigit((unsigned char)ch)))
            return false;
        out[i] = ch;
        part_start = false;
    }
    if (part_start)
        return false;
    memcpy(out + n, ".lua", 5);
    return true;
}

typedef struct Source {
    const char *text;
    size_t len;
} Source;

static int push_source(lua_State *L)
{
    const Source *src = lua_touserdata(L, 1);
    lua_pushlstring(L, src->text, src->len);
    return 1;
}

/* Pushes the text of a file as a Lua string, or raises an error. The
 * malloc'd copy is freed before any error is raised. */
static void push_file(lua_State *L, const ScriptHost *h, int mod, const char *path, const char *display)
{
    size_t len;
    char *text = script_mod_file_read(h, mod, path, MAX_MODULE_BYTES, &len);
    if (!text) {
        char why[PLAT_PATH_MAX + 256];
        snprintf(why, sizeof why, "%s", plat_error());
        luaL_error(L, "require: cannot read %s: %s", display, why);
    }
    Source src = {text, len};
    lua_pushcfunction(L, push_source);
    lua_pushlightuserdata(L, &src);
    int st = lua_pcall(L, 1, 1, 0);
    free(text);
    if (st != LUA_OK)
        lua_error(L);
}

static int l_require(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    ScriptHost *h = script_host_of(L);
    ScriptMod *m = &h->mods[script_mod_index_of(L)];
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_loaded_key);
    int loaded = lua_gettop(L);
    if (lua_getfield(L, loaded, name) != LUA_TNIL) {
        if (lua_touserdata(L, -1) == &k_loading)
            return luaL_error(L, "require: '%s' requires itself (a cycle of requires)", name);
        return 1;
    }
    lua_pop(L, 1);
    char rel[256], path[PLAT_PATH_MAX], display[PLAT_PATH_MAX];
    if (!module_path(name, rel, sizeof rel))
        return luaL_error(L, "require: '%s' is not a module name like \"lib.util\" (letters, digits and _ "
                             "joined by dots)", name);
    snprintf(display, sizeof display, "%s/%s", m->display_dir, rel);
    if (!plat_path_join(path, sizeof path, m->dir, rel) || !plat_is_file(path))
        return luaL_error(L, "module '%s' not found: require is not available for libraries or files outside "
                             "the mod; looked for %s", name, display);
    if (!plat_path_inside(m->dir, path))
        return luaL_error(L, "require: %s leads outside the mod's folder", display);
    push_file(L, h, script_mod_index_of(L), path, display); /* ... text */
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    if (len > SCRIPT_MAX_MOD_SOURCE_BYTES - m->source_bytes) /* counted with the mod's other Lua text */
        return luaL_error(L, "require: the mod's Lua files exceed %d MiB in all",
                          (int)(SCRIPT_MAX_MOD_SOURCE_BYTES >> 20));
    m->source_bytes += len;
    char chunk[PLAT_PATH_MAX + 1];
    snprintf(chunk, sizeof chunk, "@%s", display);
    script_sandbox_push_env(L);                /* ... text env */
    if (script_sandbox_load(L, text, len, chunk) != LUA_OK)
        return lua_error(L);                   /* the syntax error names file:line */
    lua_remove(L, -2);                         /* ... fn */
    lua_pushlightuserdata(L, (void *)&k_loading);
    lua_setfield(L, loaded, name);
    lua_pushstring(L, name);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {     /* ... result | err */
        lua_pushnil(L);
        lua_setfield(L, loaded, name);         /* a later require reports the error again */
        return lua_error(L);
    }
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, name);
    return 1;
}

void script_require_open(lua_State *L)
{
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_loaded_key);
    lua_pushcfunction(L, l_require);
    script_sandbox_set_global(L, "require");
}
