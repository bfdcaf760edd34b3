/* script_bind_effects.c — `fx`, the only way scripts change the game. Each
 * function checks its arguments and queues one CoreCommand tagged with the
 * policy or event being run, so every change can later be explained. An fx
 * object is valid only during the call that received it. */
#include "script_api.h"
#include "script_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EFFECTS_MT "gl.Effects"
#define MAX_TRANSFER_T 1e8 /* tonnes in one fx:transfer */

typedef struct Effects {
    uint32_t generation;
} Effects;

static ScriptHost *check_fx(lua_State *L)
{
    Effects *e = luaL_checkudata(L, 1, EFFECTS_MT);
    ScriptHost *h = script_host_of(L);
    if (!h->out || !h->state || e->generation != h->generation)
        luaL_error(L, "this fx is no longer valid: effects can only be queued during the call that received fx");
    return h;
}

static void push_command(lua_State *L, ScriptHost *h, CoreCommand *c)
{
    snprintf(c->source, sizeof c->source, "%s", h->why);
    if (!script_commands_push(h->out, c))
        luaL_error(L, "too many effects queued in one call");
}

static int resolve_province(lua_State *L, const CoreState *s, const char *id)
{
    int p = core_province_find(s, id);
    if (p < 0)
        luaL_error(L, "unknown province '%s'", id);
    return p;
}

static int policy_index(lua_State *L, ScriptHost *h, const char *id)
{
    int i = core_policy_find(h->state, id);
    if (i < 0)
        luaL_error(L, "unknown policy '%s'", id);
    return i;
}

static int fx_enact(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    CoreCommand c = {.kind = CORE_CMD_POLICY_ENACT};
    c.policy = policy_index(L, h, luaL_checkstring(L, 2));
    push_command(L, h, &c);
    return 0;
}

static int fx_repeal(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    CoreCommand c = {.kind = CORE_CMD_POLICY_REPEAL};
    c.policy = policy_index(L, h, luaL_checkstring(L, 2));
    push_command(L, h, &c);
    return 0;
}

/* Reads an optional number field; errors if present but not a finite number. */
static bool opt_number(lua_State *L, int idx, const char *key, double *out, char *err, size_t cap)
{
    lua_getfield(L, idx, key);
    bool present = !lua_isnil(L, -1);
    if (present) {
        int isnum;
        double v = lua_tonumberx(L, -1, &isnum);
        if (!isnum || !isfinite(v)) {
            snprintf(err, cap, "'%s' must be a number", key);
            lua_pop(L, 1);
            return false;
        }
        *out = v;
    }
    lua_pop(L, 1);
    return present;
}

/* Edit distance of two short names (for "did you mean"). */
static int distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int d[64][64];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int sub = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            int del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
            d[i][j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
    return d[la][lb];
}

bool script_param_value(const CoreState *s, const char *name, double *out, char *err, size_t cap)
{
    if (core_param_lookup(s, name, out))
        return true;
    const char *best = NULL;
    int best_d = 4;
    for (int i = 0; i < CORE_PARAM_COUNT + s->extra_param_count; i++) {
        const char *n = i < CORE_PARAM_COUNT ? core_param_info((CoreParam)i)->name
                                             : s->extra_params[i - CORE_PARAM_COUNT].name;
        int d = distance(name, n);
        if (d < best_d) {
            best_d = d;
            best = n;
        }
    }
    if (best)
        snprintf(err, cap, "unknown parameter '%s' (did you mean '%s'?)", name, best);
    else
        snprintf(err, cap, "unknown parameter '%s' (assets/data/params.csv lists them)", name);
    return false;
}

/* Reads an optional amount: a number, or the name of a parameter
 * (params.csv). With a state the name is looked up now; without one (a
 * policy being loaded) it is kept in `param` and looked up when the policy
 * is registered. Errors if present but neither. */
static bool opt_amount(lua_State *L, int idx, const char *key, const CoreState *s, double *out, char *param,
                       size_t param_cap, char *err, size_t cap)
{
    lua_getfield(L, idx, key);
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *name = lua_tostring(L, -1);
        if (param)
            snprintf(param, param_cap, "%s", name);
        if (s && !script_param_value(s, name, out, err, cap)) {
            lua_pop(L, 1);
            return true;
        }
        if (!s)
            *out = 0.0;
        lua_pop(L, 1);
        return true;
    }
    lua_pop(L, 1);
    return opt_number(L, idx, key, out, err, cap);
}

bool script_read_modifier(lua_State *L, int idx, const CoreState *s, CoreModifierDesc *out, char *province_id,
                          size_t pid_cap, char *param, size_t param_cap, char *err, size_t err_cap)
{
    if (param)
        param[0] = '\0';
    idx = lua_absindex(L, idx);
    memset(out, 0, sizeof *out);
    out->province = CORE_ALL_PROVINCES;
    province_id[0] = '\0';
    err[0] = '\0';
    if (!lua_istable(L, idx)) {
        snprintf(err, err_cap, "a modifier must be a table like { lever = \"yield_mult\", mul = 0.9 }");
        return false;
    }
    lua_getfield(L, idx, "lever");
    const char *lever = lua_tostring(L, -1);
    out->lever = lever ? core_lever_find(lever) : CORE_LEVER_COUNT;
    if (out->lever == CORE_LEVER_COUNT)
        snprintf(err, err_cap, "unknown lever '%s'", lever ? lever : "(missing)");
    lua_pop(L, 1);
    if (err[0])
        return false;
    double add = 0, mul = 1;
    bool has_add = opt_amount(L, idx, "add", s, &add, param, param_cap, err, err_cap);
    if (err[0])
        return false;
    bool has_mul = opt_amount(L, idx, "mul", s, &mul, param, param_cap, err, err_cap);
    if (err[0])
        return false;
    if (has_add == has_mul) {
        snprintf(err, err_cap, "modifier on '%s' needs exactly one of add = or mul =", lever);
        return false;
    }
    out->op = has_mul ? CORE_OP_MUL : CORE_OP_ADD;
    out->amount = has_mul ? mul : add;
    lua_getfield(L, idx, "province");
    if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "all") != 0)
        snprintf(province_id, pid_cap, "%s", lua_tostring(L, -1));
    else if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        snprintf(err, err_cap, "'province' must be a province id");
    lua_pop(L, 1);
    if (province_id[0] && core_lever_info(out->lever)->scope == CORE_SCOPE_N)
        snprintf(err, err_cap, "'%s' is a national lever: it cannot be given a province", lever);
    if (err[0])
        return false;
    lua_getfield(L, idx, "calendar");
    if (lua_istable(L, -1)) {
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            lua_Integer m = lua_tointeger(L, -1);
            lua_pop(L, 1);
            if (m < 1 || m > 12) {
                snprintf(err, err_cap, "'calendar' must list months 1 to 12");
                break;
            }
            out->month_mask |= (uint16_t)(1u << (m - 1));
        }
    } else if (!lua_isnil(L, -1)) {
        snprintf(err, err_cap, "'calendar' must be a list of months, like {11, 12, 1, 2}");
    }
    lua_pop(L, 1);
    if (err[0])
        return false;
    lua_getfield(L, idx, "scale");
    if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "zeal") == 0)
        out->scale = CORE_SCALE_ZEAL;
    else if (!lua_isnil(L, -1))
        snprintf(err, err_cap, "'scale' can only be \"zeal\"");
    lua_pop(L, 1);
    return err[0] == '\0';
}

static int fx_modifier(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    CoreCommand c = {.kind = CORE_CMD_MODIFIER};
    char pid[CORE_ID_LEN], err[160];
    if (!script_read_modifier(L, 2, h->state, &c.modifier, pid, sizeof pid, NULL, 0, err, sizeof err))
        return luaL_error(L, "fx:modifier: %s", err);
    if (pid[0])
        c.modifier.province = resolve_province(L, h->state, pid);
    lua_getfield(L, 2, "months");
    lua_Integer months = lua_isnil(L, -1) ? 0 : lua_tointeger(L, -1);
    if (months < 0 || months > CORE_MAX_MONTHS)
        return luaL_error(L, "fx:modifier: 'months' must be between 1 and %d (or absent for good)", CORE_MAX_MONTHS);
    c.months = (int)months;
    push_command(L, h, &c);
    return 0;
}

static int fx_adjust(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    CoreCommand c = {.kind = CORE_CMD_ADJUST};
    lua_getfield(L, 2, "var");
    const char *var = lua_tostring(L, -1);
    c.var = var ? core_var_find(var) : CORE_VAR_COUNT;
    if (c.var == CORE_VAR_COUNT)
        return luaL_error(L, "fx:adjust: unknown variable '%s'", var ? var : "(missing)");
    lua_pop(L, 1);
    char err[160] = "";
    double add = 0, set = 0;
    bool has_add = opt_amount(L, 2, "add", h->state, &add, NULL, 0, err, sizeof err);
    bool has_set = !err[0] && opt_amount(L, 2, "set", h->state, &set, NULL, 0, err, sizeof err);
    if (err[0])
        return luaL_error(L, "fx:adjust: %s", err);
    if (has_add == has_set)
        return luaL_error(L, "fx:adjust: give exactly one of add = or set =");
    c.op = has_set ? CORE_OP_SET : CORE_OP_ADD;
    c.amount = has_set ? set : add;
    c.province = CORE_ALL_PROVINCES;
    lua_getfield(L, 2, "province");
    if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "all") != 0) {
        if (core_var_info(c.var)->scope == CORE_SCOPE_N)
            return luaL_error(L, "fx:adjust: '%s' is national: it cannot be given a province", var);
        c.province = resolve_province(L, h->state, lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    push_command(L, h, &c);
    return 0;
}

static CoreHolder holder(lua_State *L, ScriptHost *h, const char *name, int *province)
{
    if (strcmp(name, "granary") == 0)
        return CORE_HOLD_GRANARY;
    if (strcmp(name, "abroad") == 0)
        return CORE_HOLD_ABROAD;
    *province = resolve_province(L, h->state, name);
    return CORE_HOLD_PROVINCE;
}

static int fx_transfer(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    CoreCommand c = {.kind = CORE_CMD_TRANSFER};
    lua_getfield(L, 2, "from");
    lua_getfield(L, 2, "to");
    const char *from = lua_tostring(L, -2), *to = lua_tostring(L, -1);
    if (!from || !to)
        return luaL_error(L, "fx:transfer: give from = and to = (\"granary\", \"abroad\" or a province id)");
    c.from = holder(L, h, from, &c.from_province);
    c.to = holder(L, h, to, &c.province);
    lua_pop(L, 2);
    if (c.from == c.to && c.from != CORE_HOLD_PROVINCE)
        return luaL_error(L, "fx:transfer: from and to are the same");
    char err[160] = "";
    /* Sandbox: grain from abroad is new grain, and the core's int64 totals
     * must not overflow even with the most commands a month (100,000) for
     * the longest game (CORE_MAX_MONTHS): 1e8 t each keeps them below 2e18 kg. */
    if (!opt_amount(L, 2, "tonnes", h->state, &c.amount, NULL, 0, err, sizeof err) || err[0] || c.amount < 0 ||
        c.amount > MAX_TRANSFER_T)
        return luaL_error(L, "fx:transfer: 'tonnes' must be a number of tonnes from 0 to %d", (int)MAX_TRANSFER_T);
    push_command(L, h, &c);
    return 0;
}

static int fx_notify(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    const char *key = luaL_checkstring(L, 2);
    int province = lua_isnoneornil(L, 3) ? -1 : resolve_province(L, h->state, luaL_checkstring(L, 3));
    if (h->preview)
        return 0;
    ScriptNotice *n = &h->notices[h->notice_count % SCRIPT_MAX_NOTICES];
    memset(n, 0, sizeof *n);
    snprintf(n->key, sizeof n->key, "%s", key);
    snprintf(n->source, sizeof n->source, "%s", h->why);
    n->province = province;
    h->notice_count++;
    return 0;
}

#define M(name, sig, doc, fn) {"Effects", name, SCRIPT_API_METHOD, sig, "", doc, fn}

const ScriptApiEntry script_effects_api[] = {
    M("enact", "fx:enact(policy_id)", "Puts a policy in force (its modifiers apply from this month).", fx_enact),
    M("repeal", "fx:repeal(policy_id)", "Ends a policy.", fx_repeal),
    M("modifier", "fx:modifier{ lever = name, add = x | mul = x [, province = id] [, months = n] [, calendar = {m, ...}] [, scale = \"zeal\"] }",
      "Adds a modifier to a lever for n months (for good if months is absent); calendar limits it to some months of each year; scale = \"zeal\" makes it stronger where cadres are zealous.",
      fx_modifier),
    M("adjust", "fx:adjust{ var = name, add = x | set = x [, province = id | \"all\"] }",
      "Changes a state variable once (see the variable table); grain cannot be created this way.", fx_adjust),
    M("transfer", "fx:transfer{ from = \"granary\" | \"abroad\" | province_id, to = ..., tonnes = x }",
      "Moves grain; never more than the giver holds. From abroad counts as an import, to abroad as an export.",
      fx_transfer),
    M("notify", "fx:notify(locale_key [, province_id])", "Tells the player something happened (a notification).",
      fx_notify),
};
const int script_effects_api_count = (int)(sizeof script_effects_api / sizeof script_effects_api[0]);

void script_effects_register(lua_State *L);
void script_effects_register(lua_State *L)
{
    luaL_newmetatable(L, EFFECTS_MT);
    lua_newtable(L);
    for (int i = 0; i < script_effects_api_count; i++) {
        lua_pushcfunction(L, script_effects_api[i].fn);
        lua_setfield(L, -2, script_effects_api[i].name);
    }
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

void script_push_effects(lua_State *L)
{
    Effects *e = lua_newuserdatauv(L, sizeof *e, 0);
    e->generation = script_host_of(L)->generation;
    luaL_setmetatable(L, EFFECTS_MT);
}

/* ==== Command buffers ==== */

void script_commands_clear(ScriptCommands *c) { c->count = 0; }

void script_commands_free(ScriptCommands *c)
{
    free(c->items);
    memset(c, 0, sizeof *c);
}

bool script_commands_push(ScriptCommands *c, const CoreCommand *cmd)
{
    if (c->count >= 100000)
        return false;
    if (c->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 32;
        CoreCommand *n = realloc(c->items, sizeof *n * (size_t)cap);
        if (!n)
            return false;
        c->items = n;
        c->cap = cap;
    }
    c->items[c->count++] = *cmd;
    return true;
}
