/* script_hooks.c — the hooks a mod defines as global functions in any of
 * its files (mod.lua too): on_new_game(s, fx), on_month(s, fx), on_load(s),
 * on_mod_added(s, fx) and on_reload(). Each file's definitions are kept, in
 * load order, when the file has run; the game calls them at their moments,
 * each protected and within the limits like any call, and costed to its mod
 * (the console's `perf`). */
#include "script_internal.h"

#include <stdio.h>
#include <string.h>

static const char k_hooks_key = 'h'; /* registry: { on_month = { fn, ... }, ... } of the mod */

static const char *const hook_names[SCRIPT_HOOK_COUNT] = {"on_new_game", "on_month", "on_load", "on_mod_added",
                                                          "on_reload"};

const char *script_hook_name(ScriptHook hook)
{
    return hook >= 0 && hook < SCRIPT_HOOK_COUNT ? hook_names[hook] : "?";
}

void script_hooks_keep(lua_State *L, int env)
{
    env = lua_absindex(L, env);
    ScriptHost *h = script_host_of(L);
    ScriptMod *m = &h->mods[script_mod_index_of(L)];
    for (int k = 0; k < SCRIPT_HOOK_COUNT; k++) {
        lua_pushstring(L, hook_names[k]);
        /* rawget: a script may have given its environment an __index. */
        if (lua_rawget(L, env) != LUA_TFUNCTION) {
            lua_pop(L, 1);
            continue;
        }
        if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_hooks_key) != LUA_TTABLE) { /* fn hooks */
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_rawsetp(L, LUA_REGISTRYINDEX, &k_hooks_key);
        }
        if (lua_getfield(L, -1, hook_names[k]) != LUA_TTABLE) { /* fn hooks list */
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, hook_names[k]);
        }
        lua_rotate(L, -3, -1);                                   /* hooks list fn */
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 2);
        m->hooks |= 1u << k;
    }
}

bool script_mod_has_hook(const ScriptHost *h, int mod, ScriptHook hook)
{
    return mod >= 0 && mod < h->mod_count && (h->mods[mod].hooks & (1u << hook)) != 0;
}

typedef struct HookRun {
    ScriptHost *h;
    int mod;
    ScriptHook hook;
    bool ok;
} HookRun;

static int run_body(lua_State *L)
{
    HookRun *j = lua_touserdata(L, 1);
    j->ok = true;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_hooks_key) != LUA_TTABLE ||
        lua_getfield(L, -1, hook_names[j->hook]) != LUA_TTABLE)
        return 0;
    int list = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, list);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        int nargs = 0;
        if (j->hook != SCRIPT_HOOK_ON_RELOAD) {
            script_push_state_view(L);
            nargs++;
            if (j->hook != SCRIPT_HOOK_ON_LOAD) {
                script_push_effects(L);
                nargs++;
            }
        }
        /* a failure is reported; the mod's other definitions still run */
        j->ok &= script_call(j->h, j->mod, nargs, 0, hook_names[j->hook]);
    }
    return 0;
}

bool script_mod_run_hook(ScriptHost *h, int mod, ScriptHook hook, CoreState *s, ScriptCommands *out)
{
    if (!script_mod_has_hook(h, mod, hook) || h->mods[mod].disabled || (h->mods[mod].hooks_off & (1u << hook)))
        return true;
    char why[CORE_SOURCE_LEN];
    snprintf(why, sizeof why, "mod:%s/%s", h->mods[mod].id, hook_names[hook]);
    int before = out ? out->count : 0;
    /* on_load may not change storage: what it changes is put back. */
    char *kept = NULL;
    size_t kept_len = 0;
    bool roll_back = hook == SCRIPT_HOOK_ON_LOAD && script_storage_snapshot(h, mod, &kept, &kept_len);
    ScriptScope scope;
    script_begin(h, &scope, hook == SCRIPT_HOOK_ON_RELOAD ? NULL : s, hook == SCRIPT_HOOK_ON_LOAD ? NULL : out, why,
                 false);
    HookRun j = {h, mod, hook, false};
    bool ok = script_protected(h, mod, run_body, &j, hook_names[hook]) && j.ok;
    script_end(h, &scope);
    if (roll_back)
        script_storage_rollback(h, mod, kept, kept_len);
    if (!ok) {
        if (out)
            out->count = before; /* nothing half-done */
        h->mods[mod].hooks_off |= 1u << hook; /* off for the session, as a failing event is */
    }
    return ok;
}

void script_mods_run_hook(ScriptHost *h, ScriptHook hook, CoreState *s, ScriptCommands *out)
{
    for (int m = 0; m < h->mod_count; m++)
        script_mod_run_hook(h, m, hook, s, out);
}

void script_mods_on_reload(ScriptHost *h) { script_mods_run_hook(h, SCRIPT_HOOK_ON_RELOAD, NULL, NULL); }
