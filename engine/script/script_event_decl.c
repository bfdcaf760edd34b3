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
            if (lua_type(c->L, -1) != LUA_TNUMBER || !(in->mtth_months > 0 && in->mtth_months < 10000))
                ok = decl_bad(c, "mtth_months", "%s: 'mtth_months' must be a number of months above 0", what);
        }
        lua_pop(c->L, 1);
    }
    if (ok) {
        int n = decl_list_field(c, w, what, "modifiers", "MTTH modifier",
                                "{ { factor = 0.5, when = function(s, p) return ... end } }");
        ok = n != -2;
        for (int i = 1; i <= n && ok; i++) {
            lua_rawgeti(c->L, -1, i);
            lua_getfield(c->L, -1, "factor");
            lua_getfield(c->L, -2, "when");
            if (lua_type(c->L, -2) != LUA_TNUMBER || !(lua_tonumber(c->L, -2) > 0) || !lua_isfunction(c->L, -1))
                ok = decl_bad(c, "modifiers", "%s: each MTTH modifier needs factor = number > 0 and when = function(s)",
                         what);
            lua_pop(c->L, 3);
        }
        e->mtth_modifier_count = n > 0 ? n : 0;
        if (n >= 0)
            lua_pop(c->L, 1);
        if (ok && n > 0 && in->mtth_months <= 0)
            ok = decl_bad(c, "modifiers", "%s: MTTH modifiers need mtth_months", what);
    }
    lua_pop(c->L, 1);
    return ok;
}

/* One option's fields into op (and its functions' refs into the event):
 * the whole option, or (patch) only the fields the table gives. */
bool decl_option(const LoadCtx *c, int ot, const char *what, ScriptEvent *e, int index, bool patch)
{
    ScriptEventInfo *in = &e->info;
    ScriptOptionInfo *op = &in->options[index];
    if (!lua_istable(c->L, ot))
        return decl_bad(c, "options", "%s must be a table like { id = \"a\", effects = function(s, fx) ... end }",
                        what);
    if (!decl_only_fields(c, ot, what, "Option"))
        return false;
    if (!patch) {
        if (!decl_str_field(c, ot, what, "id", op->id, sizeof op->id, NULL))
            return false;
        if (!decl_valid_id(op->id))
            return decl_bad(c, op->id, "%s: ids use only a-z, 0-9 and _", what);
        e->fx_ref[index] = e->when_ref[index] = LUA_NOREF;
        e->fx_mod[index] = e->when_mod[index] = c->mod;
    }
    char def[128];
    snprintf(def, sizeof def, "event.%s.option.%s", in->id, op->id);
    if (!decl_str_field(c, ot, what, "text", op->text_key, sizeof op->text_key, patch ? op->text_key : def) ||
        !decl_bool_field(c, ot, what, "historical", &op->historical, patch && op->historical))
        return false;
    static const char *const fns[2] = {"effects", "when"};
    for (int k = 0; k < 2; k++) {
        int f = decl_fn_field(c, ot, what, fns[k]);
        if (f < 0)
            return false;
        if (!f)
            continue;
        int ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
        if (k == 0) {
            e->fx_ref[index] = ref;
            e->fx_mod[index] = c->mod;
        } else {
            e->when_ref[index] = ref;
            e->when_mod[index] = c->mod;
            op->has_when = true;
        }
    }
    op->line = c->anchor ? decl_line_at(c->src, c->anchor) : 1;
    return true;
}

/* The option history took and the default, checked once the options are known. */
bool decl_event_choices(const LoadCtx *c, int t, const char *what, ScriptEventInfo *in, bool patch)
{
    in->historical_option = -1;
    for (int i = 0; i < in->option_count; i++)
        if (in->options[i].historical) {
            if (in->historical_option >= 0)
                return decl_bad(c, "historical", "%s: only one option can be the one history took (options '%s' "
                                                 "and '%s' say historical = true)",
                                what, in->options[in->historical_option].id, in->options[i].id);
            in->historical_option = i;
        }
    if (patch)
        return true;
    char def_opt[CORE_ID_LEN];
    if (!decl_str_field(c, t, what, "default", def_opt, sizeof def_opt, in->options[0].id))
        return false;
    in->default_option = script_option_find(in, def_opt);
    if (in->default_option < 0) {
        const char *names[SCRIPT_MAX_OPTIONS];
        for (int i = 0; i < in->option_count; i++)
            names[i] = in->options[i].id;
        char hint[96];
        script_suggest_text(hint, sizeof hint, def_opt, names, in->option_count);
        return decl_bad(c, "default", "%s: default option '%s' is not one of its options%s", what, def_opt, hint);
    }
    return true;
}

static bool event_options(const LoadCtx *c, int t, const char *what, ScriptEvent *e)
{
    ScriptEventInfo *in = &e->info;
    int n = decl_list_field(c, t, what, "options", "option", "{ { id = \"a\" }, { id = \"b\" } }");
    if (n == -2)
        return false;
    if (n < 1) {
        if (n == 0)
            lua_pop(c->L, 1);
        return decl_bad(c, "options", "%s: 'options' must list at least one option, like { { id = \"a\" } }", what);
    }
    int o = lua_gettop(c->L);
    bool ok = n <= SCRIPT_MAX_OPTIONS || decl_bad(c, "options", "%s: at most %d options", what, SCRIPT_MAX_OPTIONS);
    LoadCtx at = *c;
    decl_anchor(&at, "options", false);
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, o, i);
        char owhat[120];
        snprintf(owhat, sizeof owhat, "%s option %d", what, i);
        /* Problems in this option are looked for from its id on. */
        lua_getfield(c->L, -1, "id");
        if (lua_type(c->L, -1) == LUA_TSTRING)
            decl_anchor(&at, lua_tostring(c->L, -1), true);
        lua_pop(c->L, 1);
        ok = decl_option(&at, lua_gettop(c->L), owhat, e, i - 1, false);
        for (int k = 0; ok && k < i - 1; k++)
            if (strcmp(in->options[k].id, in->options[i - 1].id) == 0)
                ok = decl_bad(&at, in->options[k].id, "%s: option id '%s' is used twice", what, in->options[k].id);
        lua_pop(c->L, 1);
    }
    in->option_count = n;
    lua_pop(c->L, 1);
    return ok && decl_event_choices(c, t, what, in, false);
}

static const char *const scopes[] = {"national", "province"};

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
        !decl_enum_field(c, t, what, "scope", scope, sizeof scope, scopes, 2, "national") ||
        !decl_sources_field(c, t, what, in->sources, &in->source_count) ||
        !decl_bool_field(c, t, what, "once", &in->once, true) ||
        !decl_bool_field(c, t, what, "hidden", &in->hidden, false) ||
        !decl_bool_field(c, t, what, "chained", &in->chained, false))
        return false;
    /* A picture is a PNG inside the mod's own folder: nothing else is read. */
    size_t plen = strlen(in->picture);
    if (plen && (!decl_relative_path(in->picture) || strstr(in->picture, "..") || plen < 5 ||
                 strcmp(in->picture + plen - 4, ".png") != 0))
        return decl_bad(c, "picture", "%s: 'picture' must be a .png path inside the mod's folder, like \"images/x.png\"",
                   what);
    in->per_province = strcmp(scope, "province") == 0;
    if (in->per_province && in->province[0])
        return decl_bad(c, "province", "%s: a per-province event cannot also name one province", what);
    int f = decl_fn_field(c, t, what, "trigger");
    if (f < 0)
        return false;
    if (f)
        lua_pop(c->L, 1);
    if (!event_timing(c, t, what, e) || !event_options(c, t, what, e))
        return false;
    script_copy(in->mod, sizeof in->mod, h->mods[c->mod].id);
    snprintf(in->file, sizeof in->file, "%s", c->display);
    lua_pushvalue(c->L, t);
    e->ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
    e->mod = c->mod;
    if (slot == h->event_count)
        script_event_index_add(h, h->event_count++);
    else
        h->events[slot] = *e; /* it fires where the overridden event did */
    return true;
}
