/* script_settings.c — the settings a mod offers the player (mod.lua's
 * settings = {...}): their values, set from the player's choices when a
 * game starts and kept in its saves, and the read-only `settings` table
 * scripts read them from (a proxy: a value changed from C shows at once). */
#include "script_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int settings_index(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    const ScriptMod *m = &h->mods[script_mod_index_of(L)];
    const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    for (int i = 0; name && i < m->manifest.setting_count; i++) {
        const ScriptSettingDecl *d = &m->manifest.settings[i];
        if (strcmp(d->name, name) != 0)
            continue;
        double v = m->setting_values[i];
        if (d->type == SCRIPT_SETTING_BOOL)
            lua_pushboolean(L, v != 0);
        else if (d->type == SCRIPT_SETTING_CHOICE)
            lua_pushstring(L, d->choices[(int)v]);
        else if (d->integer)
            lua_pushinteger(L, (lua_Integer)v);
        else
            lua_pushnumber(L, v);
        return 1;
    }
    const char *names[SCRIPT_MAX_SETTINGS];
    for (int i = 0; i < m->manifest.setting_count; i++)
        names[i] = m->manifest.settings[i].name;
    char hint[96];
    script_suggest_text(hint, sizeof hint, name ? name : "", names, m->manifest.setting_count);
    return luaL_error(L, "settings has no '%s'%s: mod.lua declares the settings", name ? name : luaL_typename(L, 2),
                      hint);
}

static int settings_newindex(lua_State *L)
{
    return luaL_error(L, "settings are the player's (the Mods screen): a script reads them, it cannot change them");
}

void script_settings_open(lua_State *L)
{
    lua_newtable(L);                 /* proxy */
    lua_createtable(L, 0, 3);        /* proxy mt */
    lua_pushcfunction(L, settings_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, settings_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    script_sandbox_set_global(L, "settings");
}

void script_settings_defaults(ScriptMod *m)
{
    for (int i = 0; i < m->manifest.setting_count; i++)
        m->setting_values[i] = m->manifest.settings[i].def;
}

int script_setting_find(const ScriptManifest *mf, const char *name)
{
    for (int i = 0; i < mf->setting_count; i++)
        if (strcmp(mf->settings[i].name, name) == 0)
            return i;
    return -1;
}

bool script_setting_parse(const ScriptSettingDecl *d, const char *text, double *out)
{
    if (d->type == SCRIPT_SETTING_BOOL) {
        bool on = strcmp(text, "true") == 0 || strcmp(text, "on") == 0, off = strcmp(text, "false") == 0 ||
                                                                               strcmp(text, "off") == 0;
        *out = on;
        return on || off;
    }
    if (d->type == SCRIPT_SETTING_CHOICE) {
        for (int i = 0; i < d->choice_count; i++)
            if (strcmp(text, d->choices[i]) == 0)
                return *out = i, true;
        return false;
    }
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end || !isfinite(v) || v < d->min || v > d->max || (d->integer && v != floor(v)))
        return false;
    *out = v;
    return true;
}

void script_setting_text(const ScriptSettingDecl *d, double v, char *out, size_t cap)
{
    if (d->type == SCRIPT_SETTING_BOOL)
        snprintf(out, cap, "%s", v != 0 ? "true" : "false");
    else if (d->type == SCRIPT_SETTING_CHOICE)
        snprintf(out, cap, "%s", d->choices[v >= 0 && v < d->choice_count ? (int)v : 0]);
    else if (d->integer)
        snprintf(out, cap, "%.0f", v);
    else
        snprintf(out, cap, "%.17g", v);
}

bool script_mod_setting_set(ScriptHost *h, int mod, const char *name, const char *value, char *err, size_t cap)
{
    if (mod < 0 || mod >= h->mod_count)
        return snprintf(err, cap, "no such mod"), false;
    ScriptMod *m = &h->mods[mod];
    int i = script_setting_find(&m->manifest, name);
    if (i < 0)
        return snprintf(err, cap, "mod '%s' has no setting '%s'", m->id, name), false;
    double v;
    if (!script_setting_parse(&m->manifest.settings[i], value, &v))
        return snprintf(err, cap, "mod '%s': '%s' is not a value of setting '%s'", m->id, value, name), false;
    m->setting_values[i] = v;
    return true;
}

double script_mod_setting_value(const ScriptHost *h, int mod, int setting)
{
    if (mod < 0 || mod >= h->mod_count || setting < 0 || setting >= h->mods[mod].manifest.setting_count)
        return 0.0;
    return h->mods[mod].setting_values[setting];
}
