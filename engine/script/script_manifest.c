/* script_manifest.c — mod.lua, the manifest that makes a folder a mod: its
 * id, version, API version, dependencies, languages and parameters. */
#include "script_api.h"
#include "script_decl.h"

#include "platform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A list of ids (dependencies) in field `key`; false after a report. */
static bool id_list_field(const LoadCtx *c, int t, const char *key, char out[][CORE_ID_LEN], int cap, int *count)
{
    *count = 0;
    lua_getfield(c->L, t, key);
    bool ok = lua_isnil(c->L, -1) || lua_istable(c->L, -1) ||
              decl_bad(c, key, "mod.lua: '%s' must be a list of mod ids", key);
    lua_Integer n = ok && lua_istable(c->L, -1) ? luaL_len(c->L, -1) : 0;
    for (lua_Integer i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        const char *id = lua_type(c->L, -1) == LUA_TSTRING ? lua_tostring(c->L, -1) : "";
        if (!decl_valid_id(id))
            ok = decl_bad(c, key, "mod.lua: '%s' entry %d must be a mod id (a-z, 0-9 and _)", key, (int)i);
        else if (*count >= cap)
            ok = decl_bad(c, key, "mod.lua: at most %d entries in '%s'", cap, key);
        else
            script_copy(out[(*count)++], CORE_ID_LEN, id);
        lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
    return ok;
}

static bool languages_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    char langs[SCRIPT_LANG_COUNT + 1][CORE_ID_LEN];
    int n;
    lua_getfield(c->L, t, "languages");
    bool absent = lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (absent)
        return true;
    if (!id_list_field(c, t, "languages", langs, SCRIPT_LANG_COUNT + 1, &n))
        return false;
    for (int i = 0; i < n; i++) {
        if (strcmp(langs[i], "en") == 0)
            mf->languages[SCRIPT_LANG_EN] = true;
        else if (strcmp(langs[i], "zh") == 0)
            mf->languages[SCRIPT_LANG_ZH] = true;
        else
            return decl_bad(c, "languages", "mod.lua: unknown language '%s' (the game has \"en\" and \"zh\")", langs[i]);
    }
    return true;
}

/* parameters = { kcal_need = 2000 }: names must be the core's parameter
 * names; ranges are checked against the scenario's data when a game starts
 * (game.c), because the core's rules look at all parameters together. */
static bool parameters_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    lua_getfield(c->L, t, "parameters");
    bool ok = lua_isnil(c->L, -1) || lua_istable(c->L, -1) ||
              decl_bad(c, "parameters", "mod.lua: 'parameters' must be a table like { kcal_need = 2000 }");
    if (ok && lua_istable(c->L, -1)) {
        lua_pushnil(c->L);
        while (ok && lua_next(c->L, -2) != 0) {
            const char *name = lua_type(c->L, -2) == LUA_TSTRING ? lua_tostring(c->L, -2) : NULL;
            int isnum = 0;
            double v = lua_tonumberx(c->L, -1, &isnum);
            if (!name || core_param_find(name) == CORE_PARAM_COUNT)
                ok = decl_bad(c, name ? name : "parameters",
                         "mod.lua: unknown parameter '%s' (see the parameter table in docs/api/api.md)",
                         name ? name : "?");
            else if (!isnum || lua_type(c->L, -1) != LUA_TNUMBER || !(v == v) || v > 1e300 || v < -1e300)
                ok = decl_bad(c, name, "mod.lua: parameter '%s' must be a number", name);
            else if (mf->parameter_count >= SCRIPT_MAX_MOD_PARAMETERS)
                ok = decl_bad(c, name, "mod.lua: at most %d parameters", SCRIPT_MAX_MOD_PARAMETERS);
            else {
                /* Insert sorted by name: pairs() order must not show. */
                int i = mf->parameter_count++;
                while (i > 0 && strcmp(mf->parameters[i - 1].name, name) > 0) {
                    mf->parameters[i] = mf->parameters[i - 1];
                    i--;
                }
                ScriptParamSetting *ps = &mf->parameters[i];
                script_copy(ps->name, sizeof ps->name, name);
                ps->value = v;
                ps->line = decl_line_of(c->src, name);
            }
            lua_pop(c->L, 1);
        }
        if (!ok)
            lua_pop(c->L, 1); /* the key lua_next left */
    }
    lua_pop(c->L, 1);
    return ok;
}

/* mod.lua: { id = "base", name = "...", version = "1.0.0", api_version = 1, ... } */
bool script_decl_manifest(const LoadCtx *c, int t)
{
    ScriptMod *m = &c->h->mods[c->mod];
    ScriptManifest *mf = &m->manifest;
    bool ok = decl_only_fields(c, t, "mod.lua", "Manifest") &&
              decl_str_field(c, t, "mod.lua", "id", m->id, sizeof m->id, NULL) &&
              decl_str_field(c, t, "mod.lua", "version", m->version, sizeof m->version, "0") &&
              decl_str_field(c, t, "mod.lua", "name", mf->name, sizeof mf->name, "");
    if (ok && !decl_valid_id(m->id))
        ok = decl_bad(c, "id", "mod.lua: the mod id '%s' may use only a-z, 0-9 and _", m->id);
    if (ok && !decl_valid_version(m->version)) /* saves record it on a line of their header */
        ok = decl_bad(c, "version", "mod.lua: 'version' may use only letters, digits and . _ + - (like \"1.0.0\")");
    if (ok) {
        lua_getfield(c->L, t, "api_version");
        lua_Integer v = lua_tointeger(c->L, -1);
        if (!lua_isinteger(c->L, -1) || v < 1)
            ok = decl_bad(c, "api_version", "mod.lua: 'api_version' must be a whole number (this game has %d)",
                     SCRIPT_API_VERSION);
        else if (v > SCRIPT_API_VERSION)
            ok = decl_bad(c, "api_version", "mod.lua: the mod needs API version %lld; this game has %d", (long long)v,
                     SCRIPT_API_VERSION);
        mf->api_version = (int)v;
        lua_pop(c->L, 1);
    }
    ok = ok && id_list_field(c, t, "dependencies", mf->dependencies, SCRIPT_MAX_DEPENDENCIES, &mf->dependency_count) &&
         languages_field(c, t, mf) && parameters_field(c, t, mf);
    script_copy(mf->id, sizeof mf->id, m->id);
    script_copy(mf->version, sizeof mf->version, m->version);
    mf->id_line = decl_line_of(c->src, "id");
    mf->dependencies_line = decl_line_of(c->src, "dependencies");
    return ok;
}

bool script_manifest_read(const char *dir, const char *display, ScriptManifest *out, char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    char manifest[PLAT_PATH_MAX];
    if (!plat_path_join(manifest, sizeof manifest, dir, "mod.lua") || !plat_is_file(manifest)) {
        snprintf(err, err_cap, "%s: not a mod folder (a mod starts with a mod.lua manifest)", display);
        return false;
    }
    /* A manifest is a small table: a few MiB is plenty, and a manifest that
     * fills memory meets that limit long before the clock, however slow the
     * machine. */
    ScriptHost *h = script_host_create(&(ScriptHostDesc){.mem_cap_bytes = (size_t)4 << 20});
    int mod = h ? script_open_mod(h, dir, display) : -1;
    if (mod >= 0)
        *out = h->mods[mod].manifest;
    else if (h && script_error_count(h) > 0) {
        const ScriptError *e = script_error_at(h, 0);
        snprintf(err, err_cap, "%s:%d: %s", e->file, e->line, e->message);
    } else
        snprintf(err, err_cap, "%s: out of memory reading the manifest", display);
    script_host_destroy(h);
    return mod >= 0;
}
