/* script_host.c — creating and destroying the host, the mods' accessors and
 * evaluating a chunk of Lua in a mod's sandbox (tests, the console). */
#include "script_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ScriptHost *script_host_create(const ScriptHostDesc *desc)
{
    ScriptHost *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    if (desc)
        h->desc = *desc;
    return h;
}

void script_host_destroy(ScriptHost *h)
{
    if (!h)
        return;
    for (int i = 0; i < h->mod_count; i++)
        if (h->mods[i].L)
            lua_close(h->mods[i].L);
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        script_locale_free(&h->locale[l]);
    free(h);
}

int script_mod_count(const ScriptHost *h) { return h->mod_count; }

const char *script_mod_id(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].id : NULL;
}

size_t script_mod_memory(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].mem.used : 0;
}

bool script_eval(ScriptHost *h, int mod, const char *chunk_name, const char *code, char *out, size_t out_cap)
{
    if (out_cap)
        out[0] = '\0';
    if (mod < 0 || mod >= h->mod_count)
        return false;
    lua_State *L = h->mods[mod].L;
    int top = lua_gettop(L);
    char name[200];
    snprintf(name, sizeof name, "=%s", chunk_name ? chunk_name : "eval");
    script_sandbox_push_env(L);
    if (script_sandbox_load(L, code, strlen(code), name) != LUA_OK) {
        script_report(h, mod, "eval", chunk_name ? chunk_name : "eval", 0, "%s", lua_tostring(L, -1));
        if (out_cap)
            snprintf(out, out_cap, "%s", lua_tostring(L, -1));
        lua_settop(L, top);
        return false;
    }
    bool ok = script_call(h, mod, 0, 1, "eval");
    if (ok && out_cap) {
        /* No __tostring here: that would run script code outside a protected call. */
        int t = lua_type(L, -1);
        if (t == LUA_TSTRING || t == LUA_TNUMBER)
            snprintf(out, out_cap, "%s", lua_tostring(L, -1));
        else if (t == LUA_TBOOLEAN)
            snprintf(out, out_cap, "%s", lua_toboolean(L, -1) ? "true" : "false");
        else
            snprintf(out, out_cap, "%s", lua_typename(L, t));
    } else if (!ok && out_cap) {
        const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
        if (e)
            snprintf(out, out_cap, "%s", e->message);
    }
    lua_settop(L, top);
    return ok;
}
