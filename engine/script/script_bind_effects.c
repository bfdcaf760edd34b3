/* script_bind_effects.c — `fx`, the only way scripts change the game. Each
 * function checks its arguments and queues one CoreCommand tagged with the
 * policy or event being run, so every change can later be explained. An fx
 * object is valid only during the call that received it. */
#include "script_api.h"
#include "script_decl.h"
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

/* The registry key of fx's metatable. fx is told by the metatable's
 * address (ScriptMem.mt), not by luaL_checkudata's look-up by name (an fx
 * call or two in every event that fires). */
static const char k_effects_mt = 'e';

/* The fx at idx, or NULL. */
static Effects *test_fx(lua_State *L, int idx)
{
    Effects *e = lua_touserdata(L, idx);
    return e && script_has_mt(L, idx, SCRIPT_VIEW_EFFECTS) ? e : NULL;
}

static ScriptHost *check_fx(lua_State *L)
{
    Effects *e = test_fx(L, 1);
    if (!e)
        luaL_typeerror(L, 1, EFFECTS_MT);
    ScriptHost *h = script_host_of(L);
    if (!h->out || !h->state || e->generation != h->generation)
        luaL_error(L, "this fx is no longer valid: effects can only be queued during the call that received fx");
    return h;
}

static void push_command(lua_State *L, ScriptHost *h, CoreCommand *c)
{
    script_copy(c->source, sizeof c->source, h->why);
    if (!script_commands_push(h->out, c))
        luaL_error(L, "too many effects queued in one call");
}

static int resolve_province(lua_State *L, ScriptHost *h, const char *fn, const char *id)
{
    int p = core_province_find(h->state, id);
    if (p < 0) {
        char err[400];
        script_unknown_province(h, h->state, id, err, sizeof err);
        luaL_error(L, "%s: %s", fn, err);
    }
    return p;
}

static int policy_index(lua_State *L, ScriptHost *h, const char *fn, const char *id)
{
    int i = core_policy_find(h->state, id);
    if (i < 0) {
        const char *names[CORE_MAX_POLICIES];
        for (int k = 0; k < h->state->policy_count; k++)
            names[k] = h->state->policies[k].id;
        char hint[96];
        script_suggest_text(hint, sizeof hint, id, names, h->state->policy_count);
        luaL_error(L, "%s: unknown policy '%s'%s", fn, id, hint);
    }
    return i;
}

/* A string argument: luaL_checkstring would take a number too. */
static const char *check_id_arg(lua_State *L, int arg, const char *fn, const char *what)
{
    if (lua_type(L, arg) != LUA_TSTRING)
        luaL_error(L, "%s: the %s must be a string (an id), not %s", fn, what, luaL_typename(L, arg));
    return lua_tostring(L, arg);
}

static int fx_enact(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    CoreCommand c = {.kind = CORE_CMD_POLICY_ENACT};
    c.policy = policy_index(L, h, "fx:enact", check_id_arg(L, 2, "fx:enact", "policy"));
    push_command(L, h, &c);
    return 0;
}

static int fx_repeal(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    CoreCommand c = {.kind = CORE_CMD_POLICY_REPEAL};
    c.policy = policy_index(L, h, "fx:repeal", check_id_arg(L, 2, "fx:repeal", "policy"));
    push_command(L, h, &c);
    return 0;
}

/* The argument table of fx:adjust, fx:transfer...: a table whose keys are
 * all among `fields` (a typo gets "did you mean"). Pushes their values, in
 * the order of `fields` (nil where absent), and returns where the first is. */
static int read_args(lua_State *L, const char *fn, const char *example, const char *const *fields, int n)
{
    if (!lua_istable(L, 2))
        luaL_error(L, "%s: give a table, like %s (note the braces), not %s", fn, example, luaL_typename(L, 2));
    int at = script_read_fields(L, 2, fields, n, n);
    if (at >= 0 && lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "%s: the table's fields must be named, like %s", fn, example);
    if (at >= 0) {
        char hint[96];
        script_suggest_text(hint, sizeof hint, lua_tostring(L, -1), fields, n);
        luaL_error(L, "%s: unknown field '%s'%s", fn, lua_tostring(L, -1), hint);
    }
    return lua_gettop(L) - n + 1;
}

/* An optional amount: a number, or a parameter's name. 1 present, 0 absent. */
static int amount_arg(lua_State *L, ScriptHost *h, const char *fn, int slot, const char *key, double *out)
{
    lua_pushvalue(L, slot);
    int type = lua_type(L, -1);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    char err[256];
    if (type == LUA_TSTRING) {
        if (!script_param_value(h->state, lua_tostring(L, -1), out, err, sizeof err))
            luaL_error(L, "%s: %s", fn, err);
    } else if (type == LUA_TNUMBER && isfinite(lua_tonumber(L, -1)))
        *out = lua_tonumber(L, -1);
    else
        luaL_error(L, "%s: '%s' must be a number (or a parameter's name), not %s", fn, key,
                   type == LUA_TNUMBER ? "infinity or NaN" : lua_typename(L, type));
    lua_pop(L, 1);
    return 1;
}

/* fx:modifier{...} and fx:modify{ name = ..., ... }: a modifier for some
 * months; a named one replaces any other of its name (fx:remove_modifier). */
static int queue_modifier(lua_State *L, ScriptModifierUse use, const char *fn)
{
    ScriptHost *h = check_fx(L);
    CoreCommand c = {.kind = CORE_CMD_MODIFIER};
    ScriptModifierRead m;
    char err[400];
    if (!script_read_modifier(L, 2, h->state, use, &m, err, sizeof err))
        return luaL_error(L, "%s: %s", fn, err);
    c.modifier = m.d;
    if (m.province[0])
        c.modifier.province = resolve_province(L, h, fn, m.province);
    c.months = m.months;
    if (use == SCRIPT_MODIFIER_NAMED) {
        CoreCommand end = {.kind = CORE_CMD_MODIFIER, .months = SCRIPT_CMD_END_MODIFIER};
        snprintf(end.source, sizeof end.source, "modifier:%s", m.name);
        if (!script_commands_push(h->out, &end))
            return luaL_error(L, "too many effects queued in one call");
        snprintf(c.source, sizeof c.source, "modifier:%s", m.name);
        if (!script_commands_push(h->out, &c))
            return luaL_error(L, "too many effects queued in one call");
        return 0;
    }
    push_command(L, h, &c);
    return 0;
}

static int fx_modifier(lua_State *L) { return queue_modifier(L, SCRIPT_MODIFIER_EFFECT, "fx:modifier"); }
static int fx_modify(lua_State *L) { return queue_modifier(L, SCRIPT_MODIFIER_NAMED, "fx:modify"); }

static int fx_remove_modifier(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    const char *name = check_id_arg(L, 2, "fx:remove_modifier", "modifier's name");
    if (!decl_valid_id(name))
        return luaL_error(L, "fx:remove_modifier: '%s' is not a modifier's name (a-z, 0-9 and _)", name);
    CoreCommand c = {.kind = CORE_CMD_MODIFIER, .months = SCRIPT_CMD_END_MODIFIER};
    snprintf(c.source, sizeof c.source, "modifier:%s", name);
    if (!script_commands_push(h->out, &c))
        return luaL_error(L, "too many effects queued in one call");
    return 0;
}

static const char *const adjust_fields[] = {"var", "add", "set", "province"};

static int fx_adjust(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    int f = read_args(L, "fx:adjust", "fx:adjust{ var = \"zeal\", add = -0.1, province = \"henan\" }", adjust_fields, 4);
    CoreCommand c = {.kind = CORE_CMD_ADJUST};
    const char *var = lua_type(L, f) == LUA_TSTRING ? lua_tostring(L, f) : NULL;
    if (!var)
        return luaL_error(L, "fx:adjust: give var = \"...\" (the variables are in docs/api/api.md#variables)");
    c.var = core_var_find(var);
    if (c.var == CORE_VAR_COUNT) {
        char err[300];
        script_unknown_var(var, err, sizeof err);
        return luaL_error(L, "fx:adjust: %s", err);
    }
    double add = 0, set = 0;
    int has_add = amount_arg(L, h, "fx:adjust", f + 1, "add", &add);
    int has_set = amount_arg(L, h, "fx:adjust", f + 2, "set", &set);
    if (has_add == has_set)
        return luaL_error(L, "fx:adjust: give exactly one of add = or set =");
    c.op = has_set ? CORE_OP_SET : CORE_OP_ADD;
    c.amount = has_set ? set : add;
    c.province = CORE_ALL_PROVINCES;
    int province = f + 3;
    if (lua_type(L, province) == LUA_TSTRING && strcmp(lua_tostring(L, province), "all") != 0) {
        if (core_var_info(c.var)->scope == CORE_SCOPE_N)
            return luaL_error(L, "fx:adjust: '%s' is national: it cannot be given a province", core_var_info(c.var)->name);
        c.province = resolve_province(L, h, "fx:adjust", lua_tostring(L, province));
    } else if (!lua_isnil(L, province) && lua_type(L, province) != LUA_TSTRING)
        return luaL_error(L, "fx:adjust: 'province' must be a province id, not a %s", luaL_typename(L, province));
    push_command(L, h, &c);
    return 0;
}

static CoreHolder holder(lua_State *L, ScriptHost *h, const char *name, int *province)
{
    if (strcmp(name, "granary") == 0)
        return CORE_HOLD_GRANARY;
    if (strcmp(name, "abroad") == 0)
        return CORE_HOLD_ABROAD;
    *province = resolve_province(L, h, "fx:transfer", name);
    return CORE_HOLD_PROVINCE;
}

static const char *const transfer_fields[] = {"from", "to", "tonnes"};

static int fx_transfer(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    int f = read_args(L, "fx:transfer", "fx:transfer{ from = \"granary\", to = \"henan\", tonnes = 50000 }",
                      transfer_fields, 3);
    CoreCommand c = {.kind = CORE_CMD_TRANSFER};
    const char *from = lua_tostring(L, f), *to = lua_tostring(L, f + 1);
    if (!from || !to)
        return luaL_error(L, "fx:transfer: give from = and to = (\"granary\", \"abroad\" or a province id)");
    c.from = holder(L, h, from, &c.from_province);
    c.to = holder(L, h, to, &c.province);
    if (c.from == c.to && c.from != CORE_HOLD_PROVINCE)
        return luaL_error(L, "fx:transfer: from and to are the same");
    /* Sandbox: grain from abroad is new grain, and the core's int64 totals
     * must not overflow even with the most commands a month (100,000) for
     * the longest game (CORE_MAX_MONTHS): 1e8 t each keeps them below 2e18 kg. */
    if (!amount_arg(L, h, "fx:transfer", f + 2, "tonnes", &c.amount) || c.amount < 0 || c.amount > MAX_TRANSFER_T)
        return luaL_error(L, "fx:transfer: 'tonnes' must be a number of tonnes from 0 to %d", (int)MAX_TRANSFER_T);
    push_command(L, h, &c);
    return 0;
}

/* fx:notify(key [, province] [, values]): values fill the text's
 * placeholders ("{amount}"); {province} is the province's name. */
static int fx_notify(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    const char *key = check_id_arg(L, 2, "fx:notify", "locale key");
    if (!script_has_text(h, SCRIPT_LANG_EN, key))
        return luaL_error(L, "fx:notify: no text for '%s' (add it to locale/en.lua and locale/zh.lua)", key);
    int values = lua_istable(L, 3) ? 3 : lua_istable(L, 4) ? 4 : 0;
    int province = -1;
    if (lua_type(L, 3) == LUA_TSTRING)
        province = resolve_province(L, h, "fx:notify", lua_tostring(L, 3));
    else if (!lua_isnoneornil(L, 3) && values != 3)
        return luaL_error(L, "fx:notify: the second argument is a province id or a table of values, not a %s",
                          luaL_typename(L, 3));
    ScriptNotice n;
    memset(&n, 0, sizeof n);
    if (values) {
        lua_pushnil(L);
        while (lua_next(L, values) != 0) {
            const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
            int type = lua_type(L, -1);
            if (!name || !decl_valid_id(name) || strlen(name) >= sizeof n.args[0].name)
                return luaL_error(L, "fx:notify: values are named like { amount = 5000 } (names: a-z, 0-9 and _)");
            if (type != LUA_TNUMBER && type != LUA_TSTRING)
                return luaL_error(L, "fx:notify: value '%s' must be a number or a string, not a %s", name,
                                  lua_typename(L, type));
            if (n.arg_count >= SCRIPT_MAX_NOTICE_ARGS)
                return luaL_error(L, "fx:notify: at most %d values", SCRIPT_MAX_NOTICE_ARGS);
            ScriptTextArg *a = &n.args[n.arg_count++];
            script_copy(a->name, sizeof a->name, name);
            a->is_number = type == LUA_TNUMBER;
            a->number = type == LUA_TNUMBER ? lua_tonumber(L, -1) : 0.0;
            if (type == LUA_TSTRING)
                script_copy(a->text, sizeof a->text, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        /* pairs() order must not show: sorted by name */
        for (int i = 1; i < n.arg_count; i++)
            for (int k = i; k > 0 && strcmp(n.args[k - 1].name, n.args[k].name) > 0; k--) {
                ScriptTextArg t = n.args[k];
                n.args[k] = n.args[k - 1];
                n.args[k - 1] = t;
            }
    }
    if (h->preview)
        return 0;
    script_copy(n.key, sizeof n.key, key);
    script_copy(n.source, sizeof n.source, h->why);
    n.province = province;
    h->notices[h->notice_count % SCRIPT_MAX_NOTICES] = n;
    h->notice_count++;
    return 0;
}

/* fx:fire(event [, months [, province]]): the event fires `months` months
 * from the month the effect applies in (0: this month, as soon as the
 * effects that fired it have run). */
static int fx_fire(lua_State *L)
{
    ScriptHost *h = check_fx(L);
    const char *id = check_id_arg(L, 2, "fx:fire", "event");
    int event = script_event_find(h, id);
    if (event < 0) {
        char hint[96];
        script_event_suggest(h, id, hint, sizeof hint);
        return luaL_error(L, "fx:fire: unknown event '%s'%s", id, hint);
    }
    lua_Integer months = 0;
    if (!lua_isnoneornil(L, 3)) {
        int whole = 0;
        months = lua_type(L, 3) == LUA_TNUMBER ? lua_tointegerx(L, 3, &whole) : -1;
        if (!whole || months < 0 || months > CORE_MAX_MONTHS)
            return luaL_error(L, "fx:fire: months must be a whole number from 0 (this month) to %d", CORE_MAX_MONTHS);
    }
    const ScriptEventInfo *e = script_event_at(h, event);
    int province = -1;
    if (!lua_isnoneornil(L, 4))
        province = resolve_province(L, h, "fx:fire", check_id_arg(L, 4, "fx:fire", "province"));
    if (e->per_province && province < 0)
        return luaL_error(L, "fx:fire: event '%s' happens per province: name one, fx:fire(\"%s\", %d, \"henan\")", id,
                          id, (int)months);
    if (!e->per_province && province >= 0 && !(e->province[0] && strcmp(e->province, h->state->info[province].id) == 0))
        return luaL_error(L, "fx:fire: event '%s' is %s: give no province", id, e->province[0] ? "about one province" : "national");
    if (e->province[0])
        province = core_province_find(h->state, e->province);
    CoreCommand c = {.kind = CORE_CMD_MODIFIER, .months = SCRIPT_CMD_FIRE, .province = province, .amount = (double)months,
                     .policy = script_mod_index_of(L)};
    script_copy(c.event, sizeof c.event, id);
    push_command(L, h, &c);
    return 0;
}

#define M(name, sig, doc, fn) {"Effects", name, SCRIPT_API_METHOD, sig, "", doc, fn}

#define LIMIT_TEXT(n) #n
#define LIMIT(n) LIMIT_TEXT(n) /* a limit of core.h, in a description */

const ScriptApiEntry script_effects_api[] = {
    M("enact", "fx:enact(policy_id)", "Puts a policy in force (its modifiers apply from this month).", fx_enact),
    M("repeal", "fx:repeal(policy_id)", "Ends a policy.", fx_repeal),
    M("modifier", "fx:modifier{ lever = name, add = x | mul = x [, province = id] [, months = n] [, calendar = {m, ...}] [, scale = \"zeal\"] }",
      "Adds a modifier to a lever for n months (a whole number from 1; for good if months is absent); calendar limits it to some months of each year; scale = \"zeal\" makes it stronger where cadres are zealous. "
      "At most " LIMIT(CORE_MAX_EVENT_MODIFIERS) " events' modifiers (every mod's and the base game's) are in force at "
      "once; past that, one is not applied, and a warning says so (on stderr and in the console).",
      fx_modifier),
    M("modify", "fx:modify{ name = id, lever = name, add = x | mul = x [, province = id] [, months = n] [, calendar = {m, ...}] [, scale = \"zeal\"] }",
      "A named modifier: as fx:modifier, and it replaces any modifier of the same name. s:has_modifier(name) finds it, fx:remove_modifier(name) ends it; the ledger shows it as the text of modifier.<name>.",
      fx_modify),
    M("remove_modifier", "fx:remove_modifier(name)", "Ends every modifier of that name (from fx:modify) at the start of the month.", fx_remove_modifier),
    M("adjust", "fx:adjust{ var = name, add = x | set = x [, province = id | \"all\"] }",
      "Changes a state variable once (see the variable table); grain cannot be created this way.", fx_adjust),
    M("transfer", "fx:transfer{ from = \"granary\" | \"abroad\" | province_id, to = ..., tonnes = x }",
      "Moves grain; never more than the giver holds. From abroad counts as an import, to abroad as an export.",
      fx_transfer),
    M("notify", "fx:notify(locale_key [, province_id] [, values])",
      "Tells the player something happened (a notification). The text may hold placeholders filled from values ({ amount = 5000 }: \"{amount}\") and {province}, the province's name.",
      fx_notify),
    M("fire", "fx:fire(event_id [, months [, province_id]])",
      "Fires an event months months from now (0, the default: this month, right after these effects), whatever its dates; its trigger, if it has one, must still hold then. A per-province event needs a province. Chains events, and with `hidden = true` runs a script later.",
      fx_fire),
};
const int script_effects_api_count = (int)(sizeof script_effects_api / sizeof script_effects_api[0]);

void script_effects_register(lua_State *L)
{
    luaL_newmetatable(L, EFFECTS_MT);
    script_mem_of(L)->mt[SCRIPT_VIEW_EFFECTS] = lua_topointer(L, -1);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_effects_mt);
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

bool script_effects_read(lua_State *L, int idx, int *kind, int *province)
{
    Effects *e = test_fx(L, idx);
    ScriptHost *h = script_host_of(L);
    *kind = SCRIPT_VIEW_EFFECTS;
    *province = -1;
    return e && h->out && h->state && e->generation == h->generation;
}

void script_push_effects(lua_State *L)
{
    Effects *e = lua_newuserdatauv(L, sizeof *e, 0);
    e->generation = script_host_of(L)->generation;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_effects_mt);
    lua_setmetatable(L, -2);
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
