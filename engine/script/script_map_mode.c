/* script_map_mode.c — map modes from mods (mapmodes/NAME.lua): a function
 * that gives each province a value, the range and palette that colour it,
 * and the texts of its button and legend (mapmode.<id>.name and .unit). The
 * values are computed once a month for every province in one protected
 * call, never while drawing. */
#include "script_decl.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const palettes[] = {"viridis", "cividis"};

int script_map_mode_count(const ScriptHost *h) { return h->map_mode_count; }
const ScriptMapMode *script_map_mode_at(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->map_mode_count ? &h->map_modes[i] : NULL;
}
int script_map_mode_find(const ScriptHost *h, const char *id)
{
    for (int i = 0; i < h->map_mode_count; i++)
        if (strcmp(h->map_modes[i].id, id) == 0)
            return i;
    return -1;
}

static bool parse_color(const char *text, uint32_t *out)
{
    if (strlen(text) != 7 || text[0] != '#')
        return false;
    for (int i = 1; i < 7; i++)
        if (!isxdigit((unsigned char)text[i]))
            return false;
    *out = (uint32_t)strtoul(text + 1, NULL, 16);
    return true;
}

static bool optional_number(const LoadCtx *c, int t, const char *what, const char *key, double *out, bool *has)
{
    lua_getfield(c->L, t, key);
    *has = !lua_isnil(c->L, -1);
    bool ok = !*has || (lua_type(c->L, -1) == LUA_TNUMBER && isfinite(lua_tonumber(c->L, -1)));
    if (ok && *has)
        *out = lua_tonumber(c->L, -1);
    lua_pop(c->L, 1);
    return ok || decl_bad(c, key, "%s: '%s' must be a number", what, key);
}

bool script_decl_map_mode(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->map_mode_count >= SCRIPT_MAX_MAP_MODES)
        return decl_bad(c, NULL, "too many map modes (at most %d in all mods)", SCRIPT_MAX_MAP_MODES);
    ScriptMapMode *mm = &h->map_modes[h->map_mode_count];
    memset(mm, 0, sizeof *mm);
    if (!decl_str_field(c, t, "map mode", "id", mm->id, sizeof mm->id, NULL))
        return false;
    char what[96], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "map mode '%s'", decl_shown_id(mm->id, shown));
    if (!decl_valid_id(mm->id))
        return decl_bad(c, mm->id, "%s: ids use only a-z, 0-9 and _", what);
    if (script_map_mode_find(h, mm->id) >= 0)
        return decl_bad(c, mm->id, "%s is declared twice (here and in %s)", what,
                        h->map_modes[script_map_mode_find(h, mm->id)].file);
    if (!decl_only_fields(c, t, what, "MapMode"))
        return false;
    int f = decl_fn_field(c, t, what, "value");
    if (f <= 0)
        return f == 0 ? decl_bad(c, mm->id, "%s: 'value' = function(s, p) ... end is required", what) : false;
    lua_pop(c->L, 1);
    if (!optional_number(c, t, what, "lo", &mm->lo, &mm->has_lo) ||
        !optional_number(c, t, what, "hi", &mm->hi, &mm->has_hi) ||
        !decl_bool_field(c, t, what, "reversed", &mm->reversed, false))
        return false;
    if (mm->has_lo && mm->has_hi && !(mm->lo < mm->hi))
        return decl_bad(c, "lo", "%s: 'lo' must be below 'hi'", what);
    lua_getfield(c->L, t, "decimals");
    int whole = 0;
    lua_Integer dec = lua_isnil(c->L, -1) ? 0 : lua_type(c->L, -1) == LUA_TNUMBER ? lua_tointegerx(c->L, -1, &whole) : -1;
    bool dec_ok = lua_isnil(c->L, -1) || (whole && dec >= 0 && dec <= 3);
    lua_pop(c->L, 1);
    if (!dec_ok)
        return decl_bad(c, "decimals", "%s: 'decimals' must be a whole number from 0 to 3", what);
    mm->decimals = (int)dec;
    lua_getfield(c->L, t, "palette");
    int pt = lua_type(c->L, -1);
    lua_pop(c->L, 1);
    if (pt == LUA_TTABLE) {
        int n = decl_list_field(c, t, what, "palette", NULL, "{ \"#f7f4ea\", \"#7a1f1f\" }");
        if (n < 0)
            return false;
        bool ok = (n >= 2 && n <= SCRIPT_MAX_PALETTE) ||
                  decl_bad(c, "palette", "%s: a palette lists 2 to %d colours", what, SCRIPT_MAX_PALETTE);
        for (int i = 1; i <= n && ok; i++) {
            lua_rawgeti(c->L, -1, i);
            const char *col = lua_type(c->L, -1) == LUA_TSTRING ? lua_tostring(c->L, -1) : "";
            ok = parse_color(col, &mm->colors[mm->color_count++]) ||
                 decl_bad(c, "palette", "%s: colour %d must be written \"#rrggbb\"", what, i);
            lua_pop(c->L, 1);
        }
        lua_pop(c->L, 1);
        if (!ok)
            return false;
    } else if (!decl_enum_field(c, t, what, "palette", mm->palette, sizeof mm->palette, palettes, 2, "viridis"))
        return false;
    char id[CORE_ID_LEN];
    script_copy(id, sizeof id, mm->id);
    snprintf(mm->name_key, sizeof mm->name_key, "mapmode.%s.name", id);
    snprintf(mm->unit_key, sizeof mm->unit_key, "mapmode.%s.unit", id);
    script_copy(mm->mod, sizeof mm->mod, h->mods[c->mod].id);
    script_copy(mm->file, sizeof mm->file, c->display);
    lua_getfield(c->L, t, "value");
    h->map_mode_ref[h->map_mode_count] = luaL_ref(c->L, LUA_REGISTRYINDEX);
    h->map_mode_mod[h->map_mode_count] = c->mod;
    h->map_mode_count++;
    return true;
}

typedef struct ValuesJob {
    ScriptHost *h;
    int mode;
    double *out;
    int count;
    bool ok;
} ValuesJob;

static int values_body(lua_State *L)
{
    ValuesJob *j = lua_touserdata(L, 1);
    ScriptMapMode *mm = &j->h->map_modes[j->mode];
    char context[96];
    snprintf(context, sizeof context, "map mode %s: value", mm->id);
    for (int p = 0; p < j->count; p++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, j->h->map_mode_ref[j->mode]);
        lua_Debug def;
        lua_pushvalue(L, -1);
        lua_getinfo(L, ">S", &def);
        script_push_state_view(L);
        script_push_province_view(L, p);
        if (!script_call(j->h, j->h->map_mode_mod[j->mode], 2, 1, context))
            return 0;
        int type = lua_type(L, -1);
        if (type != LUA_TNUMBER && type != LUA_TNIL) {
            script_report(j->h, j->h->map_mode_mod[j->mode], context, def.source[0] == '@' ? def.source + 1 : "",
                          def.linedefined, "%s returned a %s: it must return a number, or nil for no value", context,
                          lua_typename(L, type));
            return 0;
        }
        j->out[p] = type == LUA_TNUMBER ? lua_tonumber(L, -1) : NAN;
        lua_pop(L, 1);
    }
    j->ok = true;
    return 0;
}

bool script_map_mode_values(ScriptHost *h, CoreState *s, int i, double *out, int count)
{
    for (int p = 0; p < count; p++)
        out[p] = NAN;
    if (i < 0 || i >= h->map_mode_count || h->map_modes[i].disabled)
        return false;
    int mod = h->map_mode_mod[i];
    if (h->mods[mod].disabled)
        return false;
    ScriptScope scope;
    script_begin(h, &scope, s, NULL, "", false);
    ValuesJob j = {h, i, out, count < s->province_count ? count : s->province_count, false};
    bool ok = script_protected(h, mod, values_body, &j, "map mode") && j.ok;
    script_end(h, &scope);
    if (!ok) {
        h->map_modes[i].disabled = true;
        for (int p = 0; p < count; p++)
            out[p] = NAN;
    }
    return ok;
}
