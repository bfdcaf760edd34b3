/* script_event_decl.c — events as a mod declares them: their fields, their
 * timing (when = {...}) and their options. */
#include "script_api.h"
#include "script_decl.h"

#include "platform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Events ==== */

static bool date_field(const LoadCtx *c, int t, const char *what, const char *key, int *ym)
{
    char text[16];
    *ym = -1;
    lua_getfield(c->L, t, key);
    bool present = !lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (!present)
        return true;
    if (!decl_str_field(c, t, what, key, text, sizeof text, NULL))
        return false;
    int y, m;
    if (!script_parse_date(text, &y, &m))
        return decl_bad(c, key, "%s: '%s' must be a date \"YYYY-MM\", not \"%s\"", what, key, text);
    *ym = y * 12 + m - 1;
    return true;
}

static bool event_timing(const LoadCtx *c, int t, const char *what, ScriptEvent *e)
{
    ScriptEventInfo *in = &e->info;
    in->date_ym = in->until_ym = -1;
    lua_getfield(c->L, t, "when");
    if (lua_isnil(c->L, -1)) {
        lua_pop(c->L, 1);
        return true;
    }
    int w = lua_gettop(c->L);
    if (!lua_istable(c->L, w)) {
        lua_pop(c->L, 1);
        return decl_bad(c, "when", "%s: 'when' must be a table like { date = \"1959-07\" } or { mtth_months = 12 }",
                   what);
    }
    bool ok = decl_only_fields(c, w, what, "When") && date_field(c, w, what, "date", &in->date_ym) &&
              date_field(c, w, what, "until", &in->until_ym);
    if (ok) {
        lua_getfield(c->L, w, "mtth_months");
        if (!lua_isnil(c->L, -1)) {
            in->mtth_months = lua_tonumber(c->L, -1);
            if (!lua_isnumber(c->L, -1) || !(in->mtth_months > 0 && in->mtth_months < 10000))
                ok = decl_bad(c, "mtth_months", "%s: 'mtth_months' must be a number of months above 0", what);
        }
        lua_pop(c->L, 1);
    }
    if (ok) {
        lua_getfield(c->L, w, "modifiers");
        if (lua_istable(c->L, -1)) {
            lua_Integer n = luaL_len(c->L, -1);
            for (lua_Integer i = 1; i <= n && ok; i++) {
                lua_rawgeti(c->L, -1, i);
                lua_getfield(c->L, -1, "factor");
                lua_getfield(c->L, -2, "when");
                if (!lua_isnumber(c->L, -2) || !(lua_tonumber(c->L, -2) > 0) || !lua_isfunction(c->L, -1))
                    ok = decl_bad(c, "modifiers", "%s: each MTTH modifier needs factor = number > 0 and when = function(s)",
                             what);
                lua_pop(c->L, 3);
            }
            e->mtth_modifier_count = (int)n;
            if (ok && in->mtth_months <= 0)
                ok = decl_bad(c, "modifiers", "%s: MTTH modifiers need mtth_months", what);
        } else if (!lua_isnil(c->L, -1)) {
            ok = decl_bad(c, "modifiers", "%s: 'when.modifiers' must be a list", what);
        }
        lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
    return ok;
}

static bool event_options(const LoadCtx *c, int t, const char *what, ScriptEventInfo *in)
{
    lua_getfield(c->L, t, "options");
    if (!lua_istable(c->L, -1) || luaL_len(c->L, -1) < 1) {
        lua_pop(c->L, 1);
        return decl_bad(c, "options", "%s: 'options' must list at least one option", what);
    }
    int o = lua_gettop(c->L);
    lua_Integer n = luaL_len(c->L, o);
    bool ok = n <= SCRIPT_MAX_OPTIONS || decl_bad(c, "options", "%s: at most %d options", what, SCRIPT_MAX_OPTIONS);
    in->historical_option = -1;
    for (lua_Integer i = 1; i <= n && ok; i++) {
        ScriptOptionInfo *op = &in->options[i - 1];
        lua_rawgeti(c->L, o, i);
        int ot = lua_gettop(c->L);
        char owhat[120];
        snprintf(owhat, sizeof owhat, "%s option %d", what, (int)i);
        if (!lua_istable(c->L, ot)) {
            ok = decl_bad(c, "options", "%s must be a table", owhat);
        } else {
            ok = decl_only_fields(c, ot, owhat, "Option") && decl_str_field(c, ot, owhat, "id", op->id, sizeof op->id, NULL);
            if (ok && !decl_valid_id(op->id))
                ok = decl_bad(c, op->id, "%s: ids use only a-z, 0-9 and _", owhat);
            for (int k = 0; ok && k < i - 1; k++)
                if (strcmp(in->options[k].id, op->id) == 0)
                    ok = decl_bad(c, op->id, "%s: option id '%s' is used twice", what, op->id);
            char def[128];
            snprintf(def, sizeof def, "event.%s.option.%s", in->id, op->id);
            ok = ok && decl_str_field(c, ot, owhat, "text", op->text_key, sizeof op->text_key, def);
            if (ok) {
                lua_getfield(c->L, ot, "historical");
                op->historical = lua_toboolean(c->L, -1);
                if (!lua_isnil(c->L, -1) && !lua_isboolean(c->L, -1))
                    ok = decl_bad(c, "historical", "%s: 'historical' must be true or false", owhat);
                lua_pop(c->L, 1);
                if (ok && op->historical) {
                    if (in->historical_option >= 0)
                        ok = decl_bad(c, "historical", "%s: only one option can be the one history took", what);
                    in->historical_option = (int)(i - 1);
                }
            }
            int f = ok ? decl_fn_field(c, ot, owhat, "effects") : 0;
            if (f < 0)
                ok = false;
            else if (f)
                lua_pop(c->L, 1);
        }
        lua_pop(c->L, 1);
    }
    in->option_count = (int)n;
    lua_pop(c->L, 1);
    if (!ok)
        return false;
    char def_opt[CORE_ID_LEN];
    if (!decl_str_field(c, t, what, "default", def_opt, sizeof def_opt, in->options[0].id))
        return false;
    in->default_option = script_option_find(in, def_opt);
    if (in->default_option < 0)
        return decl_bad(c, "default", "%s: default option '%s' is not one of its options", what, def_opt);
    return true;
}

bool script_decl_event(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->event_count >= SCRIPT_MAX_EVENTS)
        return decl_bad(c, NULL, "too many events (at most %d)", SCRIPT_MAX_EVENTS);
    ScriptEvent *e = &h->events[h->event_count];
    memset(e, 0, sizeof *e);
    ScriptEventInfo *in = &e->info;
    if (!decl_str_field(c, t, "event", "id", in->id, sizeof in->id, NULL))
        return false;
    char what[80], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "event '%s'", decl_shown_id(in->id, shown));
    if (!decl_valid_id(in->id))
        return decl_bad(c, in->id, "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = script_event_find(h, in->id);
    int slot = decl_choose_slot(c, t, what, in->id, dup, dup >= 0 ? h->events[dup].mod : -1,
                           dup >= 0 ? h->events[dup].info.file : "", h->event_count);
    if (slot < 0 || !decl_only_fields(c, t, what, "Event"))
        return false;
    char def[96], scope[16];
    snprintf(def, sizeof def, "event.%s.title", in->id);
    if (!decl_str_field(c, t, what, "title", in->title_key, sizeof in->title_key, def))
        return false;
    snprintf(def, sizeof def, "event.%s.text", in->id);
    if (!decl_str_field(c, t, what, "text", in->text_key, sizeof in->text_key, def) ||
        !decl_str_field(c, t, what, "picture", in->picture, sizeof in->picture, "") ||
        !decl_str_field(c, t, what, "province", in->province, sizeof in->province, "") ||
        !decl_str_field(c, t, what, "scope", scope, sizeof scope, "national") ||
        !decl_sources_field(c, t, what, in->sources, &in->source_count))
        return false;
    if (strcmp(scope, "national") != 0 && strcmp(scope, "province") != 0)
        return decl_bad(c, "scope", "%s: 'scope' must be \"national\" or \"province\"", what);
    /* A picture is a PNG inside the mod's own folder: nothing else is read. */
    size_t plen = strlen(in->picture);
    if (plen && (!decl_relative_path(in->picture) || strstr(in->picture, "..") || plen < 5 ||
                 strcmp(in->picture + plen - 4, ".png") != 0))
        return decl_bad(c, "picture", "%s: 'picture' must be a .png path inside the mod's folder, like \"pictures/x.png\"",
                   what);
    in->per_province = strcmp(scope, "province") == 0;
    if (in->per_province && in->province[0])
        return decl_bad(c, "province", "%s: a per-province event cannot also name one province", what);
    lua_getfield(c->L, t, "once");
    in->once = lua_isnil(c->L, -1) ? true : lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    int f = decl_fn_field(c, t, what, "trigger");
    if (f < 0)
        return false;
    if (f)
        lua_pop(c->L, 1);
    if (!event_timing(c, t, what, e) || !event_options(c, t, what, in))
        return false;
    script_copy(in->mod, sizeof in->mod, h->mods[c->mod].id);
    snprintf(in->file, sizeof in->file, "%s", c->display);
    lua_pushvalue(c->L, t);
    e->ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
    e->mod = c->mod;
    if (slot == h->event_count)
        h->event_count++;
    else
        h->events[slot] = *e; /* it fires where the overridden event did */
    return true;
}
