/* script_modifier.c — reading a modifier table as strictly as a
 * declaration: a policy's `modifiers`, fx:modifier{...} and fx:modify{...}.
 * Every field is known (a typo gets "did you mean"), of its type, and
 * sensible: months a whole number from 1, a calendar of months 1 to 12, one
 * of add or mul. Also the names scripts use (levers, variables, parameters,
 * provinces), each unknown one with the nearest known name. */
#include "script_api.h"
#include "script_decl.h"
#include "script_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Names ==== */

const char *const *script_lever_names(int *count)
{
    static const char *names[CORE_LEVER_COUNT];
    if (!names[0])
        for (int i = 0; i < CORE_LEVER_COUNT; i++)
            names[i] = core_lever_info((CoreLever)i)->name;
    *count = CORE_LEVER_COUNT;
    return names;
}

const char *const *script_var_names(int *count)
{
    static const char *names[CORE_VAR_COUNT];
    if (!names[0])
        for (int i = 0; i < CORE_VAR_COUNT; i++)
            names[i] = core_var_info((CoreVar)i)->name;
    *count = CORE_VAR_COUNT;
    return names;
}

void script_unknown_lever(const char *name, char *err, size_t cap)
{
    int n;
    const char *const *names = script_lever_names(&n);
    char hint[96];
    script_suggest_text(hint, sizeof hint, name, names, n);
    snprintf(err, cap, "unknown lever '%s'%s (the levers are listed in docs/api/api.md#levers)", name, hint);
}

void script_unknown_var(const char *name, char *err, size_t cap)
{
    int n;
    const char *const *names = script_var_names(&n);
    char hint[96];
    script_suggest_text(hint, sizeof hint, name, names, n);
    snprintf(err, cap, "unknown variable '%s'%s (the variables are listed in docs/api/api.md#variables)", name, hint);
}

/* Letters only, lower case: "Inner Mongolia" and "inner_mongolia" are one. */
static void squash(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (; *in && n + 1 < cap; in++)
        if (isalpha((unsigned char)*in))
            out[n++] = (char)tolower((unsigned char)*in);
    out[n] = '\0';
}

void script_unknown_province(const ScriptHost *h, const CoreState *s, const char *name, char *err, size_t cap)
{
    const char *ids[CORE_MAX_PROVINCES];
    int n = s ? s->province_count : 0;
    for (int i = 0; i < n; i++)
        ids[i] = s->info[i].id;
    char hint[160] = "";
    /* An English or Chinese name of a province ("Tibet", "西藏") names its id. */
    char want[64], have[64];
    squash(name, want, sizeof want);
    for (int i = 0; i < n && h && !hint[0]; i++) {
        char key[CORE_ID_LEN + 16];
        snprintf(key, sizeof key, "province.%s", ids[i]);
        for (int l = 0; l < SCRIPT_LANG_COUNT && !hint[0]; l++) {
            const char *shown = script_has_text(h, (ScriptLang)l, key) ? script_text(h, (ScriptLang)l, key) : NULL;
            if (!shown)
                continue;
            squash(shown, have, sizeof have);
            if ((want[0] && strcmp(want, have) == 0) || strcmp(name, shown) == 0)
                snprintf(hint, sizeof hint, " (%s is '%s')", shown, ids[i]);
        }
    }
    if (!hint[0])
        script_suggest_text(hint, sizeof hint, name, ids, n);
    snprintf(err, cap, "unknown province '%s'%s (the province ids are listed in docs/api/api.md#provinces)", name, hint);
}

bool script_param_value(const CoreState *s, const char *name, double *out, char *err, size_t cap)
{
    if (core_param_lookup(s, name, out))
        return true;
    const char **names = malloc(sizeof *names * (size_t)(CORE_PARAM_COUNT + s->extra_param_count));
    int n = 0;
    for (int i = 0; names && i < CORE_PARAM_COUNT + s->extra_param_count; i++)
        names[n++] = i < CORE_PARAM_COUNT ? core_param_info((CoreParam)i)->name : s->extra_params[i - CORE_PARAM_COUNT].name;
    char hint[96];
    script_suggest_text(hint, sizeof hint, name, names, n);
    free(names);
    snprintf(err, cap, "unknown parameter '%s'%s (assets/data/params.csv lists them)", name, hint);
    return false;
}

/* ==== Modifier tables ==== */

static const char *const modifier_fields[] = {"lever", "add", "mul", "province", "calendar", "scale", "months", "name"};
enum { FIELDS_POLICY = 6, FIELDS_EFFECT = 7, FIELDS_NAMED = 8 };

/* The field slots script_read_fields pushes, in modifier_fields' order. */
enum { F_LEVER, F_ADD, F_MUL, F_PROVINCE, F_CALENDAR, F_SCALE, F_MONTHS, F_NAME };

/* Why the key on top of the stack (at: its place in modifier_fields) is not
 * a field this use of a modifier takes. */
static void unknown_field(lua_State *L, int at, int allowed, char *err, size_t cap)
{
    if (lua_type(L, -1) != LUA_TSTRING)
        snprintf(err, cap, "a modifier is a table of named fields like { lever = \"yield_mult\", mul = 0.9 }, "
                           "not a list");
    else if (at == F_MONTHS)
        snprintf(err, cap, "'months' is for fx:modifier: a policy's modifiers last while it is in force");
    else if (at == F_NAME)
        snprintf(err, cap, "'name' makes a named modifier: use fx:modify{ name = \"...\", ... }");
    else {
        char key[48], hint[96];
        script_copy(key, sizeof key, lua_tostring(L, -1));
        script_suggest_text(hint, sizeof hint, key, modifier_fields, allowed);
        snprintf(err, cap, "unknown field '%s'%s", key, hint);
    }
}

/* An amount: a finite number, or the name of a parameter (looked up in `s`
 * now, or kept in `param` when there is no state yet). Returns 1 if present,
 * 0 if absent, -1 on an error. */
static int read_amount(lua_State *L, int slot, const char *key, const CoreState *s, double *out, char *param,
                       size_t param_cap, char *err, size_t cap)
{
    lua_pushvalue(L, slot);
    int type = lua_type(L, -1);
    int r = 1;
    if (type == LUA_TNIL)
        r = 0;
    else if (type == LUA_TSTRING) {
        const char *name = lua_tostring(L, -1);
        if (param)
            script_copy(param, param_cap, name);
        *out = 0.0;
        if (s && !script_param_value(s, name, out, err, cap))
            r = -1;
    } else if (type == LUA_TNUMBER && isfinite(lua_tonumber(L, -1)))
        *out = lua_tonumber(L, -1);
    else {
        snprintf(err, cap, "'%s' must be a number (or a parameter's name), not %s", key,
                 type == LUA_TNUMBER ? "infinity or NaN" : lua_typename(L, type));
        r = -1;
    }
    lua_pop(L, 1);
    return r;
}

static bool read_calendar(lua_State *L, int slot, uint16_t *mask, char *err, size_t cap)
{
    lua_pushvalue(L, slot);
    bool ok = true;
    if (lua_istable(L, -1)) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1), keys = 0;
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            keys++;
            lua_pop(L, 1);
        }
        for (lua_Integer i = 1; i <= n && ok; i++) {
            lua_rawgeti(L, -1, i);
            int isint = 0;
            lua_Integer m = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &isint) : 0;
            lua_pop(L, 1);
            if (!isint || m < 1 || m > 12)
                ok = false;
            else
                *mask |= (uint16_t)(1u << (m - 1));
        }
        if (!ok || keys != n || n == 0)
            snprintf(err, cap, "'calendar' must list months as whole numbers from 1 to 12, like { 11, 12, 1, 2 }");
        ok = ok && keys == n && n > 0;
    } else if (!lua_isnil(L, -1)) {
        snprintf(err, cap, "'calendar' must be a list of months, like { 11, 12, 1, 2 }, not a %s",
                 luaL_typename(L, -1));
        ok = false;
    }
    lua_pop(L, 1);
    return ok;
}

/* script_read_months of the value at `slot`. */
static bool read_months_at(lua_State *L, int slot, const char *key, int *months, char *err, size_t cap)
{
    lua_pushvalue(L, slot);
    bool ok = true;
    *months = 0;
    if (!lua_isnil(L, -1)) {
        int whole = 0; /* 8 or 8.0 (s:param gives floats), never 8.5 or "8" */
        lua_Integer m = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &whole) : -1;
        if (!whole)
            m = -1;
        if (m < 1 || m > CORE_MAX_MONTHS) {
            char shown[32];
            if (lua_type(L, -1) == LUA_TNUMBER)
                snprintf(shown, sizeof shown, "%.14g", (double)lua_tonumber(L, -1));
            else
                snprintf(shown, sizeof shown, "a %s", luaL_typename(L, -1));
            snprintf(err, cap, "'%s' must be a whole number of months from 1 to %d, not %s (leave it out for good)",
                     key, CORE_MAX_MONTHS, shown);
            ok = false;
        } else
            *months = (int)m;
    }
    lua_pop(L, 1);
    return ok;
}

bool script_read_months(lua_State *L, int idx, const char *key, int *months, char *err, size_t cap)
{
    lua_getfield(L, idx, key);
    bool ok = read_months_at(L, lua_gettop(L), key, months, err, cap);
    lua_pop(L, 1);
    return ok;
}

/* script_read_modifier once the fields are in their slots (f + F_...). */
static bool read_modifier_fields(lua_State *L, int f, const CoreState *s, ScriptModifierUse use,
                                 ScriptModifierRead *out, char *err, size_t err_cap)
{
    char lever[64];
    script_copy(lever, sizeof lever, lua_type(L, f + F_LEVER) == LUA_TSTRING ? lua_tostring(L, f + F_LEVER) : "");
    if (lua_isnil(L, f + F_LEVER))
        return snprintf(err, err_cap, "a modifier needs lever = \"...\" (the levers are in docs/api/api.md#levers)"),
               false;
    if (lua_type(L, f + F_LEVER) != LUA_TSTRING)
        return snprintf(err, err_cap, "'lever' must be a lever's name (a string)"), false;
    out->d.lever = core_lever_find(lever);
    if (out->d.lever == CORE_LEVER_COUNT)
        return script_unknown_lever(lever, err, err_cap), false;
    double add = 0, mul = 1;
    int has_add = read_amount(L, f + F_ADD, "add", s, &add, out->param, sizeof out->param, err, err_cap);
    if (has_add < 0)
        return false;
    int has_mul =
        read_amount(L, f + F_MUL, "mul", s, &mul, has_add ? NULL : out->param, sizeof out->param, err, err_cap);
    if (has_mul < 0)
        return false;
    if (has_add == has_mul)
        return snprintf(err, err_cap, "a modifier on '%s' needs exactly one of add = or mul =", lever), false;
    out->d.op = has_mul ? CORE_OP_MUL : CORE_OP_ADD;
    out->d.amount = has_mul ? mul : add;
    int province = f + F_PROVINCE;
    if (lua_type(L, province) == LUA_TSTRING) {
        if (strcmp(lua_tostring(L, province), "all") != 0)
            script_copy(out->province, sizeof out->province, lua_tostring(L, province));
    } else if (!lua_isnil(L, province))
        snprintf(err, err_cap, "'province' must be a province id like \"henan\", not a %s", luaL_typename(L, province));
    if (!err[0] && out->province[0] && core_lever_info(out->d.lever)->scope == CORE_SCOPE_N)
        snprintf(err, err_cap, "'%s' is a national lever: it cannot be given a province", lever);
    if (err[0] || !read_calendar(L, f + F_CALENDAR, &out->d.month_mask, err, err_cap))
        return false;
    int scale = f + F_SCALE;
    if (lua_type(L, scale) == LUA_TSTRING && strcmp(lua_tostring(L, scale), "zeal") == 0)
        out->d.scale = CORE_SCALE_ZEAL;
    else if (!lua_isnil(L, scale))
        return snprintf(err, err_cap, "'scale' can only be \"zeal\""), false;
    if (use != SCRIPT_MODIFIER_POLICY && !read_months_at(L, f + F_MONTHS, "months", &out->months, err, err_cap))
        return false;
    if (use == SCRIPT_MODIFIER_NAMED) {
        const char *name = lua_type(L, f + F_NAME) == LUA_TSTRING ? lua_tostring(L, f + F_NAME) : NULL;
        if (!name || !decl_valid_id(name))
            return snprintf(err, err_cap, "'name' must be an id (a-z, 0-9 and _, at most %d characters)",
                            CORE_ID_LEN - 1),
                   false;
        script_copy(out->name, sizeof out->name, name);
    }
    return true;
}

bool script_read_modifier(lua_State *L, int idx, const CoreState *s, ScriptModifierUse use, ScriptModifierRead *out,
                          char *err, size_t err_cap)
{
    idx = lua_absindex(L, idx);
    memset(out, 0, sizeof *out);
    out->d.province = CORE_ALL_PROVINCES;
    err[0] = '\0';
    if (!lua_istable(L, idx)) {
        snprintf(err, err_cap, "a modifier must be a table like { lever = \"yield_mult\", mul = 0.9 }, not a %s",
                 luaL_typename(L, idx));
        return false;
    }
    int top = lua_gettop(L);
    int allowed = use == SCRIPT_MODIFIER_POLICY ? FIELDS_POLICY : use == SCRIPT_MODIFIER_EFFECT ? FIELDS_EFFECT
                                                                                                 : FIELDS_NAMED;
    int bad = script_read_fields(L, idx, modifier_fields, FIELDS_NAMED, allowed);
    bool ok;
    if (bad >= 0) {
        unknown_field(L, bad, allowed, err, err_cap);
        ok = false;
    } else
        ok = read_modifier_fields(L, top + 1, s, use, out, err, err_cap);
    lua_settop(L, top);
    return ok;
}
